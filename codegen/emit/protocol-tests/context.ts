/** What the client and server test writers share: the index, the imports, and the names of the package's own symbols. */
import type { NodeValue } from "../../load/ast.js";
import type { Operation, ShapeIndex } from "../../index/shape-index.js";
import type { Imports } from "../imports.js";
import { RT } from "../runtime-symbols.js";
import { isBinaryMediaType, valueLiteral } from "./literals.js";

/** Tests import the package they test by its source entries, relative to `test/`. */
const PACKAGE_ENTRY = "../src/index.js";
const SERVER_ENTRY = "../src/server.js";

/** Local variables of the test bodies; no imported name may shadow them. */
const LOCALS = ["http", "client", "output", "error", "received", "handler", "response"] as const;

export class TestContext {
  constructor(
    readonly index: ShapeIndex,
    readonly imports: Imports,
  ) {}

  /** A name the package exports. */
  own(name: string, typeOnly = false): string {
    return this.imports.from(PACKAGE_ENTRY, this.unshadowed(name), typeOnly);
  }

  /** A name the package's server entry exports. */
  ownServer(name: string): string {
    return this.imports.from(SERVER_ENTRY, this.unshadowed(name));
  }

  private unshadowed(name: string): string {
    if ((LOCALS as readonly string[]).includes(name)) {
      throw new Error(`generator bug: the package export ${name} would be shadowed by a local of the protocol tests`);
    }
    return name;
  }

  /** `fromParams(serviceSchema, "<shape id>", <params>)`: the typed value of a case's params. */
  typed(shapeId: string, params: Readonly<Record<string, NodeValue>> | undefined): string {
    const fromParams = this.imports.use(RT.fromParams);
    return `${fromParams}(${this.own("serviceSchema")}, ${JSON.stringify(shapeId)}, ${valueLiteral(params ?? {})})`;
  }

  /**
   * A case's body media type; a case that names none has the protocol's when
   * that is binary (its body is then base64), else none (compared as text).
   */
  mediaType(given: string | undefined): string | undefined {
    const fallback = this.index.service.protocol.bodyMediaType;
    return given ?? (isBinaryMediaType(fallback) ? fallback : undefined);
  }

  command(operation: Operation): string {
    return this.own(this.index.names.operation(operation.name).command);
  }
}

export const hasMembers = (params: Readonly<Record<string, NodeValue>> | undefined): boolean =>
  params !== undefined && Object.keys(params).length > 0;
