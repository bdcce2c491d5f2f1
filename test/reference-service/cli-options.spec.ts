import assert from "node:assert/strict";
import { UsageError, parseCommandLine } from "../../reference-service/cli-options.js";

const serve = (args: string[], env: Record<string, string> = {}) => {
  const command = parseCommandLine(args, env);
  assert.equal(command.command, "serve");
  return command.options;
};

describe("server: command line", () => {
  it("defaults to 127.0.0.1:8080, the bundled data and no SigV4", () => {
    assert.deepEqual(serve([]), { host: "127.0.0.1", port: 8080 });
  });

  it("reads every flag, in either --flag value or --flag=value form", () => {
    assert.deepEqual(serve(["--host", "::1", "--port=0", "--data", "d.json", "--credentials", "c.txt"]), {
      host: "::1",
      port: 0,
      dataFile: "d.json",
      credentials: { file: "c.txt" },
    });
  });

  it("reads --cors origins, repeatable, and refuses what is not an origin", () => {
    assert.deepEqual(serve(["--cors", "http://127.0.0.1:5173", "--cors=*"]).cors, ["http://127.0.0.1:5173", "*"]);
    assert.equal(serve([]).cors, undefined);
    assert.throws(() => parseCommandLine(["--cors", "127.0.0.1:5173/x"], {}), UsageError);
  });

  it("takes access keys from SSM_CREDENTIALS, unless --credentials names a file", () => {
    assert.deepEqual(serve([], { SSM_CREDENTIALS: "AKID:SECRET" }).credentials, { spec: "AKID:SECRET" });
    assert.deepEqual(serve(["--credentials", "c.txt"], { SSM_CREDENTIALS: "AKID:SECRET" }).credentials, {
      file: "c.txt",
    });
    assert.equal(serve([], { SSM_CREDENTIALS: " " }).credentials, undefined);
  });

  it("answers --help and -h", () => {
    assert.deepEqual(parseCommandLine(["--help"], {}), { command: "help" });
    assert.deepEqual(parseCommandLine(["--port", "1", "-h"], {}), { command: "help" });
  });

  const invalid: [string[], RegExp][] = [
    [["--verbose"], /Unknown option '--verbose'/],
    [["extra"], /Unexpected argument 'extra'/],
    [["--port"], /argument missing/],
    [["--port", "http"], /^--port must be an integer from 0 to 65535, got 'http'$/],
    [["--port", "65536"], /got '65536'/],
    [["--port=-1"], /got '-1'/],
    [["--port", "80.5"], /got '80.5'/],
    [["--data", ""], /^--data must not be empty$/],
    [["--host="], /^--host must not be empty$/],
  ];
  for (const [args, message] of invalid) {
    it(`refuses ${JSON.stringify(args)} as a usage error`, () => {
      assert.throws(
        () => parseCommandLine(args, {}),
        (error: unknown) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
