/**
 * Several model files as one: the shapes of every file in one map, each shape
 * remembered with the file that defines it, so that issues name that file.
 * A shape defined twice is an error unless both definitions are the same.
 */
import type { AstModel, AstShape, NodeValue } from "./ast.js";
import { type Issue, modelIssue } from "../validate/issue.js";
import { isDeepStrictEqual } from "node:util";

export interface ParsedSource {
  /** The file's path as the user named it. */
  readonly path: string;
  readonly model: AstModel;
}

export interface MergedModel {
  readonly model: AstModel;
  /** The file that defines a shape (or holds the member's shape); the first source for whole-model issues. */
  readonly fileOf: (shapeId: string) => string;
  readonly issues: readonly Issue[];
}

export function mergeModels(sources: readonly ParsedSource[]): MergedModel {
  const shapes: Record<string, AstShape> = {};
  const files = new Map<string, string>();
  const metadata: Record<string, NodeValue> = {};
  const issues: Issue[] = [];
  for (const { path, model } of sources) {
    for (const [id, shape] of Object.entries(model.shapes)) {
      const first = files.get(id);
      if (first !== undefined && !isDeepStrictEqual(shapes[id], shape)) {
        issues.push(
          modelIssue(id, "-", `the shape is defined again, differently, after ${first}`, path, pointerTo(id)),
        );
        continue;
      }
      shapes[id] = shape;
      files.set(id, files.get(id) ?? path);
    }
    Object.assign(metadata, model.metadata ?? {});
  }
  const primary = sources[0]?.path ?? "-";
  return {
    model: { smithy: "2.0", shapes, ...(Object.keys(metadata).length ? { metadata } : {}) },
    fileOf: (shapeId) => files.get(shapeId.split("$")[0]!) ?? primary,
    issues,
  };
}

/** `/shapes/<id>`, escaped as RFC 6901 asks. */
function pointerTo(id: string): string {
  return `/shapes/${id.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}
