/** A problem found in the model: what, where, and how to fix it. */
export type Severity = "ERROR" | "WARNING";

export interface Issue {
  readonly severity: Severity;
  /** Absolute shape id (members as `ns#Shape$member`), or `-` for the whole model. */
  readonly shapeId: string;
  /** Absolute trait id, or `-` when no trait is involved. */
  readonly traitId: string;
  readonly message: string;
  readonly file: string;
  /** JSON pointer into the model file. */
  readonly pointer: string;
  readonly hint?: string;
  /** IDL problems: the source line, and a caret under the column (`file` is `path:line:col`). */
  readonly excerpt?: string;
}

export function modelIssue(
  shapeId: string,
  traitId: string,
  message: string,
  file: string,
  pointer: string,
  hint?: string,
  severity: Severity = "ERROR",
): Issue {
  return { severity, shapeId, traitId, message, file, pointer, ...(hint === undefined ? {} : { hint }) };
}

/** `ERROR ns#Shape smithy.api#length: min 10 is greater than max 5 (model/x.json /shapes/…) — hint` */
export function formatIssue(issue: Issue): string {
  if (issue.excerpt !== undefined) {
    const shape = issue.shapeId === "-" ? "" : `${issue.shapeId}: `;
    return `${issue.file}: ${shape}${issue.message}\n${indent(issue.excerpt)}`;
  }
  const where = issue.pointer ? `${issue.file} ${issue.pointer}` : issue.file;
  const hint = issue.hint ? `; ${issue.hint}` : "";
  return `${issue.severity} ${issue.shapeId} ${issue.traitId}: ${issue.message}${hint} (${where})`;
}

const indent = (text: string): string => text.replace(/^/gm, "  ");

/** Errors first, then by shape id, trait and message: one stable order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const key = (i: Issue) => `${i.severity === "ERROR" ? 0 : 1}\u0000${i.shapeId}\u0000${i.traitId}\u0000${i.message}`;
  return [...issues].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "ERROR");
