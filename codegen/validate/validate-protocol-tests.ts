/**
 * The form of `smithy.test` protocol test cases: what the index decodes and
 * the test emitters rely on. A malformed case is a model issue naming the
 * case, not a failure of the generator.
 */
import type { NodeValue } from "../load/ast.js";
import { PROTOCOL_TEST_TRAITS } from "../index/protocol-tests.js";

/** Reports one problem of the trait: `message` names the case and the field. */
export type CaseReport = (message: string) => void;

type Node = Readonly<Record<string, NodeValue>>;

const isObject = (value: NodeValue | undefined): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const STRING_LISTS = [
  "tags",
  "forbidHeaders",
  "requireHeaders",
  "queryParams",
  "forbidQueryParams",
  "requireQueryParams",
];

export function checkProtocolTests(trait: string, value: NodeValue, report: CaseReport): void {
  if (!Array.isArray(value)) {
    report(`must be a list of test cases, found ${JSON.stringify(value)}`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((testCase, i) => {
    const where = `case ${i}${isObject(testCase) && typeof testCase.id === "string" ? ` (${testCase.id})` : ""}`;
    if (!isObject(testCase)) {
      report(`${where} must be an object, found ${JSON.stringify(testCase)}`);
      return;
    }
    const need = (node: Node, key: string, kind: "string" | "integer", path = key) => {
      const field = node[key];
      const ok = kind === "string" ? typeof field === "string" : Number.isInteger(field);
      if (!ok)
        report(
          `${where}: ${path} must be ${kind === "string" ? "a string" : "an integer"}, found ${JSON.stringify(field ?? null)}`,
        );
    };
    const optionalShape = (node: Node, key: string, check: (field: NodeValue) => boolean, what: string, path = key) => {
      if (node[key] !== undefined && !check(node[key]!)) report(`${where}: ${path} must be ${what}`);
    };
    const stringMap = (field: NodeValue) => isObject(field) && Object.values(field).every((v) => typeof v === "string");
    const stringList = (field: NodeValue) => Array.isArray(field) && field.every((v) => typeof v === "string");
    need(testCase, "id", "string");
    need(testCase, "protocol", "string");
    if (typeof testCase.id === "string") {
      if (seen.has(testCase.id)) report(`${where}: id ${JSON.stringify(testCase.id)} is used twice`);
      seen.add(testCase.id);
    }
    optionalShape(testCase, "appliesTo", (v) => v === "client" || v === "server", '"client" or "server"');
    if (trait === PROTOCOL_TEST_TRAITS.malformedRequestTests) {
      const { request, response } = testCase;
      if (!isObject(request)) report(`${where}: request must be an object`);
      else {
        need(request, "method", "string", "request.method");
        need(request, "uri", "string", "request.uri");
        optionalShape(request, "headers", stringMap, "a map of strings", "request.headers");
        optionalShape(request, "body", (v) => typeof v === "string", "a string", "request.body");
      }
      if (!isObject(response)) report(`${where}: response must be an object`);
      else need(response, "code", "integer", "response.code");
      return;
    }
    if (trait === PROTOCOL_TEST_TRAITS.requestTests) {
      need(testCase, "method", "string");
      need(testCase, "uri", "string");
    } else need(testCase, "code", "integer");
    optionalShape(testCase, "params", isObject, "an object");
    optionalShape(testCase, "vendorParams", isObject, "an object");
    optionalShape(testCase, "headers", stringMap, "a map of strings");
    optionalShape(testCase, "body", (v) => typeof v === "string", "a string");
    for (const key of STRING_LISTS) optionalShape(testCase, key, stringList, "a list of strings");
  });
}
