/** Conformance tests from `smithy.test#…` traits (see issue: protocol conformance). */
import type { ShapeIndex } from "../index/shape-index.js";
import type { GeneratedFile } from "./generated-file.js";

export function emitProtocolTests(_index: ShapeIndex): GeneratedFile[] {
  return [];
}
