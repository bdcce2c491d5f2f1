import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The folders of the client and server code a generated package loads. */
const FOLDERS = ["runtime/src/client", "runtime/src/server"];

/** The value imports (`import type` left out) of a module's source. */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gms)].map((match) => match[1]!);
}

describe("runtime: what loading the client costs", () => {
  it("imports @smithy values through runtime/src/smithy.cts, never from the packages", () => {
    // An ES module importing a CommonJS bundle makes Node lex the bundle on every cold start.
    for (const folder of FOLDERS) {
      for (const file of readdirSync(join(ROOT, folder)).filter((name) => name.endsWith(".ts"))) {
        const imports = valueImports(readFileSync(join(ROOT, folder, file), "utf8"));
        assert.deepEqual(
          imports.filter((module) => module.startsWith("@smithy/")),
          [],
          `${folder}/${file}`,
        );
      }
    }
  });

  it("keeps the server out of the package root: importing @sjc/ssm loads no node:http", () => {
    const script = `
      await import(process.argv[1]);
      console.log(JSON.stringify(process.moduleLoadList.includes("NativeModule http")));
    `;
    const loadsHttp = (entry: string) =>
      JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", script, entry], { cwd: ROOT, encoding: "utf8" }),
      ) as boolean;
    assert.equal(loadsHttp("@sjc/ssm"), false);
    assert.equal(loadsHttp("@sjc/ssm/server"), true, "the check must see node:http when it is loaded");
  });

  it("loads @smithy/node-http-handler only for a client without a requestHandler", () => {
    // A fresh process: this one may have loaded the handler already.
    const script = `
      import { createRequire } from "node:module";
      import { SSMClient } from "@sjc/ssm";
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes("node-http-handler"));
      new SSMClient({ region: "us-east-1", requestHandler: { handle: async () => ({ response: {} }) } });
      const withStub = loaded();
      new SSMClient({ region: "us-east-1" }).destroy();
      console.log(JSON.stringify([withStub, loaded()]));
    `;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.deepEqual(JSON.parse(output), [false, true]);
  });
});
