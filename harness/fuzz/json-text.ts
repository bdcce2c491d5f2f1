/**
 * JSON text that `JSON.stringify` cannot write: duplicate keys, `__proto__`
 * keys, number literals such as `-0` or `1e400`, unescaped lone surrogates,
 * strings of a mebibyte and nesting far past the server's depth guard. Nodes
 * stay small (a huge string or a deep nest is a count, not a value), so
 * fast-check prints a counterexample in a line.
 */
import fc from "fast-check";

export type JsonNode = null | boolean | number | string | JsonNode[] | JsonObject | RawNumber | Repeat | Many | Nest;

/** An object as its list of entries: keys may repeat, and `__proto__` is just a key. */
export class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, JsonNode]>) {}
  [fc.toStringMethod](): string {
    return preview(this);
  }
}

/** A number literal written as given (`-0`, `1e400`, `10.0`, `9007199254740993`). */
export class RawNumber {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return this.text;
  }
}

/** A string of `unit` repeated `count` times. */
export class Repeat {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.unit)}×${this.count}`;
  }
}

/** An array of `count` copies of `item`. */
export class Many {
  constructor(
    readonly item: JsonNode,
    readonly count: number,
  ) {}
  [fc.toStringMethod](): string {
    return `[${preview(this.item, 60)}]×${this.count}`;
  }
}

/** `inner` wrapped in `depth` arrays (`[[…]]`) or objects (`{"a":{"a":…}}`). */
export class Nest {
  constructor(
    readonly depth: number,
    readonly kind: "array" | "object",
    readonly inner: JsonNode,
  ) {}
  [fc.toStringMethod](): string {
    return `${this.kind}-nest×${this.depth}(${preview(this.inner)})`;
  }
}

export interface WriteOptions {
  /** Write lone surrogates and other odd code units as they are instead of `\uXXXX`. */
  readonly rawUnicode?: boolean;
}

/** The JSON text of `node`; iterative in the nesting of {@link Nest}, recursive only in real arrays and objects. */
export function writeJson(node: JsonNode, options: WriteOptions = {}): string {
  const parts: string[] = [];
  write(node, parts, options.rawUnicode ?? false);
  return parts.join("");
}

function write(node: JsonNode, parts: string[], raw: boolean): void {
  if (node === null || typeof node === "boolean") {
    parts.push(String(node));
  } else if (typeof node === "number") {
    // JSON.stringify writes -0 as 0 and non-finite numbers as null; keep them visible instead.
    parts.push(Object.is(node, -0) ? "-0" : Number.isFinite(node) ? String(node) : "null");
  } else if (typeof node === "string") {
    parts.push(quote(node, raw));
  } else if (Array.isArray(node)) {
    parts.push("[");
    node.forEach((item, index) => {
      if (index > 0) parts.push(",");
      write(item, parts, raw);
    });
    parts.push("]");
  } else if (node instanceof JsonObject) {
    parts.push("{");
    node.entries.forEach(([key, value], index) => {
      if (index > 0) parts.push(",");
      parts.push(quote(key, raw), ":");
      write(value, parts, raw);
    });
    parts.push("}");
  } else if (node instanceof RawNumber) {
    parts.push(node.text);
  } else if (node instanceof Repeat) {
    parts.push(quote(node.unit.repeat(node.count), raw));
  } else if (node instanceof Many) {
    parts.push("[");
    for (let i = 0; i < node.count; i++) {
      if (i > 0) parts.push(",");
      write(node.item, parts, raw);
    }
    parts.push("]");
  } else {
    parts.push(node.kind === "array" ? "[".repeat(node.depth) : '{"a":'.repeat(node.depth));
    write(node.inner, parts, raw);
    parts.push((node.kind === "array" ? "]" : "}").repeat(node.depth));
  }
}

function quote(text: string, raw: boolean): string {
  if (!raw) return JSON.stringify(text);
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += "\\\\";
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += text[i];
  }
  return `${out}"`;
}

/**
 * A short description of `node` for counterexamples: JSON, except that
 * repeats and nests stay counts (`"a"×257`, `array-nest×65(null)`) and
 * duplicate keys stay visible.
 */
function preview(node: JsonNode, max = 2_000): string {
  const text = describe(node);
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}

function describe(node: JsonNode): string {
  if (Array.isArray(node)) return `[${node.map(describe).join(",")}]`;
  if (node instanceof JsonObject)
    return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${describe(value)}`).join(",")}}`;
  if (node instanceof RawNumber) return node.text;
  if (node instanceof Repeat) return `${JSON.stringify(node.unit)}×${node.count}`;
  if (node instanceof Many) return `[${describe(node.item)}]×${node.count}`;
  if (node instanceof Nest) return `${node.kind}-nest×${node.depth}(${describe(node.inner)})`;
  return Object.is(node, -0) ? "-0" : JSON.stringify(node);
}

/**
 * Nesting depth of valid JSON text (`1` is 0, `{}` is 1), counted on the text:
 * a duplicate key's discarded value counts too, as it does for the server's guard.
 */
export function textDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      deepest = Math.max(deepest, ++depth);
    } else if (char === "]" || char === "}") {
      depth--;
    }
  }
  return deepest;
}
