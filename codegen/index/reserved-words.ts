/**
 * Identifiers a generated declaration must not take: ECMAScript and
 * TypeScript reserved words, and globals a shape name could shadow.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // ECMAScript reserved and strict-mode words
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
  "public", "await", "arguments", "eval",
  // TypeScript type names and contextual keywords
  "any", "unknown", "never", "object", "string", "number", "boolean", "symbol", "bigint", "undefined",
  "type", "namespace", "module", "declare", "abstract", "as", "async", "is", "keyof", "readonly", "infer",
  "satisfies", "asserts", "accessor", "global", "require", "exports",
  // Globals that generated code or its consumers rely on
  "Object", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Function", "Error", "TypeError",
  "RangeError", "SyntaxError", "Date", "Map", "Set", "WeakMap", "WeakSet", "Promise", "RegExp", "JSON",
  "Math", "Record", "Partial", "Required", "Readonly", "Pick", "Omit", "Exclude", "Extract", "NonNullable",
  "ReturnType", "InstanceType", "Uint8Array", "ArrayBuffer", "DataView", "Buffer", "Infinity", "NaN",
  "AbortSignal", "AbortController", "URL", "TextEncoder", "TextDecoder", "console", "globalThis", "process",
  "Iterator", "AsyncIterator", "Generator", "AsyncGenerator", "Proxy", "Reflect", "Intl",
]);
