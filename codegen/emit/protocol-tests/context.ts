/** What the client and server test writers share: the index, the imports, and the names of the package's own symbols. */
import type { NodeValue } from "../../load/ast.js";
import type { Operation, ShapeIndex } from "../../index/shape-index.js";
import { TEST_LOCALS } from "../../index/names.js";
import type { Imports } from "../imports.js";
import { RT } from "../runtime-symbols.js";
import { isBinaryMediaType, valueLiteral } from "./literals.js";

export class TestContext {
  constructor(
    readonly index: ShapeIndex,
    readonly imports: Imports,
  ) {}

  /** A name the package exports. */
  own(name: string, typeOnly = false): string {
    return this.imports.from(this.index.names.modules.index, this.unshadowed(name), typeOnly);
  }

  /** A name the package's server entry exports. */
  ownServer(name: string): string {
    return this.imports.from(this.index.names.modules.server, this.unshadowed(name));
  }

  private unshadowed(name: string): string {
    if ((TEST_LOCALS as readonly string[]).includes(name)) {
      throw new Error(`generator bug: the package export ${name} would be shadowed by a local of the protocol tests`);
    }
    return name;
  }

  /** `fromParams(serviceSchema, "<shape id>", <params>)`: the typed value of a case's params. */
  typed(shapeId: string, params: Readonly<Record<string, NodeValue>> | undefined): string {
    const fromParams = this.imports.use(RT.fromParams);
    return `${fromParams}(${this.own(this.index.names.service.serviceSchema)}, ${JSON.stringify(shapeId)}, ${valueLiteral(params ?? {})})`;
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
