/**
 * `src/waiters.ts`: one `waitUntil<Name>` per `smithy.waiters#waitable`
 * waiter, as SDK v3 names them. Each binds `createWaiter` of the runtime to
 * the operation's command, the waiter's delays and its acceptors, whose
 * paths the generator has compiled; the TSDoc lists the acceptors as the
 * model writes them.
 */
import type { StatementStructures } from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { Operation, PathMatcher, ShapeIndex, Waiter, WaiterAcceptor } from "../index/shape-index.js";
import { escapeDoc, tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";

const { StructureKind, VariableDeclarationKind } = tsMorph();

/** The waiters module; none when no operation has waiters. */
export function emitWaiters(index: ShapeIndex): GeneratedFile[] {
  const waiting = index.operations.filter((op) => op.waiters.length > 0);
  if (waiting.length === 0) return [];
  const { service, modules } = index.names;
  const imports = new Imports(modules.waiters);
  const createWaiter = imports.use(RT.createWaiter);
  const configuration = imports.use(RT.WaiterConfiguration);
  const result = imports.use(RT.WaiterResult);
  const client = imports.from(modules.client, service.client, true);
  const statements: StatementStructures[] = [];
  for (const op of waiting) {
    const names = index.names.operation(op.name);
    imports.from(names.commandModule, names.command);
    imports.from(names.commandModule, names.commandInput, true);
    imports.from(names.commandModule, names.commandOutput, true);
    for (const waiter of op.waiters) {
      const delays = { minDelay: waiter.minDelay, maxDelay: waiter.maxDelay };
      const acceptors = waiter.acceptors.map(runtimeAcceptor);
      statements.push({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: tsDoc(
          {
            ...(waiter.documentation ? { documentation: waiter.documentation } : {}),
            ...(waiter.deprecated ? { deprecated: {} } : {}),
          },
          describe(op, waiter, names.command),
        ),
        declarations: [
          {
            name: index.names.waiter(waiter.name).waitUntil,
            type: `(params: ${configuration}<${client}>, input: ${names.commandInput}) => Promise<${result}<${names.commandOutput} | Error>>`,
            initializer: `${createWaiter}(${names.command}, ${JSON.stringify(delays)}, ${JSON.stringify(acceptors)})`,
          },
        ],
      });
    }
  }
  return [{ kind: "typescript", path: modules.waiters.path, statements: [...imports.declarations(), ...statements] }];
}

/** The acceptor as the runtime reads it: the matcher's path compiled, its source left out. */
function runtimeAcceptor({ state, matcher }: WaiterAcceptor): unknown {
  const path = ({ path, expected, comparator }: PathMatcher) => ({ path, expected, comparator });
  if ("output" in matcher) return { state, matcher: { output: path(matcher.output) } };
  if ("inputOutput" in matcher) return { state, matcher: { inputOutput: path(matcher.inputOutput) } };
  return { state, matcher };
}

function describe(op: Operation, waiter: Waiter, command: string): string[] {
  const lines = waiter.acceptors.map((acceptor) => `- ${escapeDoc(`${acceptor.state}: ${condition(acceptor)}`)}`);
  return [
    `Waiter \`${waiter.name}\` of \`${op.id}\`: calls {@link ${command}} every ${waiter.minDelay} to ${waiter.maxDelay} seconds (\`minDelay\`, \`maxDelay\` of the configuration override them), for at most \`maxWaitTime\` seconds. The first acceptor that matches decides; an error none matches is a failure, anything else a retry:`,
    lines.join("\n"),
    "Resolves on success; throws on failure, on timeout (`TimeoutError`) and on abort (`AbortError`).",
  ];
}

function condition({ matcher }: WaiterAcceptor): string {
  if ("success" in matcher) return matcher.success ? "the call succeeds" : "the call fails";
  if ("errorType" in matcher) return `the call fails with ${matcher.errorType}`;
  const [side, path] = "output" in matcher ? ["output", matcher.output] : ["input and output", matcher.inputOutput];
  const expected = path.comparator === "booleanEquals" ? path.expected : JSON.stringify(path.expected);
  return `\`${path.source}\` of the ${side} ${COMPARATOR_TEXT[path.comparator]} ${expected}`;
}

const COMPARATOR_TEXT: Readonly<Record<PathMatcher["comparator"], string>> = {
  stringEquals: "is the string",
  booleanEquals: "is the boolean",
  allStringEquals: "is a non-empty list of nothing but",
  anyStringEquals: "is a list holding",
};
