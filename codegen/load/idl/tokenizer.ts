/**
 * Splits IDL text into tokens, one at a time: the current token is `kind`
 * over `text.slice(start, end)`. Whitespace, commas, newlines and comments are
 * tokens too, because the grammar cares where line breaks are. A character the
 * grammar has no use for, an unclosed string or a malformed number becomes an
 * ERROR token carrying its message and the offset it is reported at.
 */

export type TokenKind =
  | "IDENTIFIER"
  | "STRING"
  | "TEXT_BLOCK"
  | "NUMBER"
  | "SPACE"
  | "NEWLINE"
  | "COMMA"
  | "COMMENT"
  | "DOC_COMMENT"
  | "DOT"
  | "POUND"
  | "DOLLAR"
  | "AT"
  | "COLON"
  | "WALRUS"
  | "EQUAL"
  | "LBRACE"
  | "RBRACE"
  | "LBRACKET"
  | "RBRACKET"
  | "LPAREN"
  | "RPAREN"
  | "ERROR"
  | "EOF";

/** The token of each character that is one by itself, by character code. */
const SINGLE_CHARACTER: readonly (TokenKind | undefined)[] = (() => {
  const kinds: (TokenKind | undefined)[] = [];
  const spellings: Readonly<Record<string, TokenKind>> = {
    ",": "COMMA",
    ".": "DOT",
    "#": "POUND",
    $: "DOLLAR",
    "@": "AT",
    "=": "EQUAL",
    "{": "LBRACE",
    "}": "RBRACE",
    "[": "LBRACKET",
    "]": "RBRACKET",
    "(": "LPAREN",
    ")": "RPAREN",
  };
  for (const [spelling, kind] of Object.entries(spellings)) kinds[spelling.charCodeAt(0)] = kind;
  return kinds;
})();

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const RETURN = 13;
const SLASH = 47;
const UNDERSCORE = 95;
const SPACE = 32;
const TAB = 9;
const COMMA = 44;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isIdentifierStart = (c: number): boolean => isLetter(c) || c === UNDERSCORE;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || isDigit(c);

export class Tokenizer {
  kind: TokenKind = "EOF";
  start = 0;
  end = 0;
  /** For ERROR tokens: what is wrong, and where to report it. */
  error = "";
  errorOffset = 0;

  constructor(readonly text: string) {}

  lexeme(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Whether the current token starts a line. */
  atLineStart(): boolean {
    return this.start === 0 || this.text.charCodeAt(this.start - 1) === NEWLINE;
  }

  next(): TokenKind {
    const text = this.text;
    let pos = this.end;
    this.start = pos;
    if (pos >= text.length) return this.finish("EOF", pos);
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9) {
      while (pos < text.length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
      return this.finish("SPACE", pos);
    }
    if (c === NEWLINE) return this.finish("NEWLINE", pos + 1);
    if (c === RETURN && text.charCodeAt(pos + 1) === NEWLINE) return this.finish("NEWLINE", pos + 2);
    if (isIdentifierStart(c)) {
      while (text.charCodeAt(pos) === UNDERSCORE) pos++;
      if (!isLetter(text.charCodeAt(pos)) && !(pos > this.start + 1 && isDigit(text.charCodeAt(pos)))) {
        const found = pos < text.length ? text[pos] : "[EOF]";
        return this.fail(pos, `Expected a valid identifier character, but found '${found}'`, pos);
      }
      while (pos < text.length && isIdentifierPart(text.charCodeAt(pos))) pos++;
      return this.finish("IDENTIFIER", pos);
    }
    if (c === QUOTE) return this.quoted(pos);
    if (c === 45 || isDigit(c)) return this.number(pos);
    if (c === SLASH && text.charCodeAt(pos + 1) === SLASH) {
      const doc = text.charCodeAt(pos + 2) === SLASH && this.firstOnLine(pos);
      const newline = text.indexOf("\n", pos);
      return this.finish(doc ? "DOC_COMMENT" : "COMMENT", newline < 0 ? text.length : newline + 1);
    }
    if (c === 58)
      return text.charCodeAt(pos + 1) === 61 ? this.finish("WALRUS", pos + 2) : this.finish("COLON", pos + 1);
    const single = SINGLE_CHARACTER[c];
    if (single !== undefined) return this.finish(single, pos + 1);
    return this.fail(pos + 1, `Unexpected character: '${String.fromCodePoint(text.codePointAt(pos)!)}'`, pos);
  }

  /**
   * Moves past the SPACE, NEWLINE, COMMA and COMMENT tokens after the current
   * one (and DOC_COMMENT tokens, their lines pushed to `docs`, when given) in
   * one loop over the characters, and reads the token after them: where
   * calls of `next()` would have stopped.
   */
  skipWhitespace(docs?: string[]): TokenKind {
    const text = this.text;
    let pos = this.end;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB || c === COMMA || c === NEWLINE) pos++;
      else if (c === RETURN && text.charCodeAt(pos + 1) === NEWLINE) pos += 2;
      else if (c === SLASH && text.charCodeAt(pos + 1) === SLASH) {
        const doc = text.charCodeAt(pos + 2) === SLASH && this.firstOnLine(pos);
        if (doc && docs === undefined) break;
        const newline = text.indexOf("\n", pos);
        const end = newline < 0 ? text.length : newline + 1;
        if (doc) docs!.push(docLine(text, pos, end));
        pos = end;
      } else break;
    }
    this.end = pos;
    return this.next();
  }

  /** Only spaces before the offset on its line. */
  private firstOnLine(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === NEWLINE) return true;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  private finish(kind: TokenKind, end: number): TokenKind {
    this.end = end;
    return (this.kind = kind);
  }

  private fail(end: number, message: string, at: number): TokenKind {
    this.error = message;
    this.errorOffset = at;
    return this.finish("ERROR", end);
  }

  /** A string or a text block, up to its closing quotes; escapes are checked when the value is read. */
  private quoted(start: number): TokenKind {
    const text = this.text;
    const block = text.startsWith('"""', start);
    let pos = start + (block ? 3 : 1);
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === BACKSLASH) pos += 2;
      else if (c !== QUOTE) pos++;
      else if (!block) return this.finish("STRING", pos + 1);
      else if (text.startsWith('"""', pos)) return this.finish("TEXT_BLOCK", pos + 3);
      else pos++;
    }
    return this.fail(text.length, "Expected: '\"', but found '[EOF]'", text.length);
  }

  /** `-? digits (. digits)? ([eE] [+-]? digits)?` */
  private number(start: number): TokenKind {
    const text = this.text;
    let pos = start;
    const digits = (after: string): boolean => {
      if (!isDigit(text.charCodeAt(pos))) {
        this.fail(pos, `Invalid number '${text.slice(start, pos)}': ${after} must be followed by a digit`, start);
        return false;
      }
      while (isDigit(text.charCodeAt(pos))) pos++;
      return true;
    };
    if (text.charCodeAt(pos) === 45) pos++;
    if (!digits("'-'")) return "ERROR";
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!digits("'.'")) return "ERROR";
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!digits("'e', '+', and '-'")) return "ERROR";
    }
    return this.finish("NUMBER", pos);
  }
}

/** A `///` line without its slashes, one optional space and its line break. */
export function docLine(text: string, start: number, end: number): string {
  const from = Math.min(end, start + (text.charCodeAt(start + 3) === SPACE ? 4 : 3));
  let to = end;
  if (to > from && text.charCodeAt(to - 1) === NEWLINE) to--;
  if (to > from && text.charCodeAt(to - 1) === RETURN) to--;
  return text.slice(from, to);
}
