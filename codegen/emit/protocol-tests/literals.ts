/** Test data as TypeScript source: node values as object literals, bodies as readable strings. */

/** A JSON value as an expression (prettier lays it out). */
export function valueLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  // In an object literal `"__proto__": x` sets the prototype instead of a key.
  return json.includes('"__proto__":') ? `JSON.parse(${JSON.stringify(json)})` : json;
}

/**
 * A string as an expression: a template literal when it spans lines and
 * holds nothing a template would interpret, else a quoted string.
 */
export function stringLiteral(text: string): string {
  const plain = /^[^`\\\r\u0000-\u0008\u000b-\u001f\u2028\u2029]*$/.test(text) && !text.includes("${");
  return text.includes("\n") && plain ? `\`${text}\`` : JSON.stringify(text);
}

/** A binary body (CBOR) is given in base64 by a protocol test case. */
export function isBinaryMediaType(mediaType: string | undefined): boolean {
  return (mediaType ?? "").split(";")[0]!.trim().toLowerCase() === "application/cbor";
}

/**
 * A case's `bodyMediaType` as an expression, when the harness needs it to send
 * the body: a binary one. Text bodies go as they are, so their media type is left out.
 */
export function binaryMediaType(mediaType: string | undefined): string | undefined {
  return isBinaryMediaType(mediaType) ? JSON.stringify(mediaType) : undefined;
}

export const mediaTypeLiteral = (mediaType: string | undefined) =>
  mediaType === undefined ? undefined : JSON.stringify(mediaType);

/** An object literal of the defined entries, each value already an expression. */
export function objectLiteral(entries: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(entries)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, expression]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key)}: ${expression}`);
  return `{ ${parts.join(", ")} }`;
}
