/**
 * `test/protocol.spec.ts`: mocha tests generated from the service's
 * `smithy.test#…` cases, one `it()` per case and side, named after the case
 * id, run against the package's own client and server. Test data is inline
 * per case; the assertions live in `@sjc/testing`. Cases listed in
 * `codegen/conformance-skips.json` become `it.skip` with the reason in the title.
 */
import type { ShapeIndex } from "../index/shape-index.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import type { HttpRequestCase } from "../index/protocol-tests.js";
import { GROUPS, type PlannedTest, groupOf, planTests } from "./protocol-tests/cases.js";
import { clientRequestTest, clientResponseTest, clientUnsupported } from "./protocol-tests/client-tests.js";
import { TestContext } from "./protocol-tests/context.js";
import { SKIPS_FILE, type SkipList, decideSkips } from "./protocol-tests/skips.js";
import {
  serverMalformedRequestTest,
  serverRequestTest,
  serverResponseTest,
  serverUnsupported,
} from "./protocol-tests/server-tests.js";

/** Separates a skipped case's id from its reason in the test title. */
export const SKIP_SEPARATOR = " — skipped: ";

export function emitProtocolTests(index: ShapeIndex, skips: SkipList): GeneratedFile[] {
  const tests = planTests(index);
  const { reasons, stale } = decideSkips(tests, skips[index.service.id]);
  if (tests.length === 0 && stale.length === 0) return [];
  const { protocolTests } = index.names.modules;
  const imports = new Imports(protocolTests);
  const context = new TestContext(index, imports);
  const groups: string[] = [];
  for (const group of GROUPS) {
    const members = tests.filter((t) => groupOf(t) === group);
    if (members.length === 0) continue;
    const its = members.map((test) => itBlock(test, testBody(context, test, tests), reasons.get(test)));
    groups.push(`describe(${JSON.stringify(group.title)}, () => {\n${its.join("\n\n")}\n});`);
  }
  if (stale.length > 0) {
    const its = stale.map(
      (key) =>
        `it(${JSON.stringify(`entry ${key} matches a case`)}, () => {\n` +
        `throw new Error(${JSON.stringify(`${SKIPS_FILE} skips ${key} for ${index.service.id}, which has no such case: remove the entry`)});\n});`,
    );
    groups.push(`describe(${JSON.stringify(SKIPS_FILE)}, () => {\n${its.join("\n\n")}\n});`);
  }
  const title = `${index.service.id} protocol tests (${index.service.protocol.name})`;
  // Written as text, so that the largest file goes to the formatter before ts-morph has loaded.
  // A spec module's statements are calls; the root suite is its default export.
  const suite = `describe(${JSON.stringify(title)}, () => {\n${groups.join("\n\n")}\n});`;
  return [
    { kind: "typescript-text", path: protocolTests.path, text: `${imports.text()}\n\nexport default ${suite}\n` },
  ];
}

/** The `it()` of a test, under its case's documentation as a comment. */
function itBlock(test: PlannedTest, body: string[], skipReason: string | undefined): string {
  const title = skipReason === undefined ? test.case.id : `${test.case.id}${SKIP_SEPARATOR}${skipReason}`;
  const comment = wrap(test.case.documentation ?? "", 90)
    .map((line) => `// ${line}\n`)
    .join("");
  return `${comment}${skipReason === undefined ? "it" : "it.skip"}(${JSON.stringify(title)}, async () => {\n${body.join("\n")}\n});`;
}

function testBody(context: TestContext, test: PlannedTest, all: readonly PlannedTest[]): string[] {
  const unsupported = test.side === "client" ? clientUnsupported(test) : serverUnsupported(test);
  if (unsupported !== undefined) {
    const message = `sjc cannot express this case: ${unsupported}. Teach the emitter, or list the case in ${SKIPS_FILE} with the reason.`;
    return [`throw new Error(${JSON.stringify(message)});`];
  }
  switch (test.kind) {
    case "request":
      return test.side === "client"
        ? clientRequestTest(context, test.operation, test.case)
        : serverRequestTest(context, test.operation, test.case);
    case "response":
      return test.side === "client"
        ? clientResponseTest(context, test.operation, test.error, test.case)
        : serverResponseTest(context, test.operation, test.error, test.case, acceptedRequest(test, all));
    case "malformed":
      return serverMalformedRequestTest(context, test.operation, test.case);
  }
}

/** The first server request case of the operation with a body: a request it is known to accept. */
function acceptedRequest(test: PlannedTest, all: readonly PlannedTest[]): HttpRequestCase | undefined {
  for (const t of all) {
    if (t.side === "server" && t.kind === "request" && t.operation === test.operation && t.case.body !== undefined)
      return t.case;
  }
  return undefined;
}

/** Words of `text` in lines of at most `width` characters (longer words stand alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
