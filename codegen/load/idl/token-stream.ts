/**
 * The tokenizer as the parsers use it: the skips the grammar names (spaces,
 * whitespace, line breaks), expectations that raise syntax errors at the
 * current token, and the `///` lines read since the last statement.
 */
import { docLine, type TokenKind, Tokenizer } from "./tokenizer.js";

/** A syntax error at an offset of the file, optionally about a shape. */
export class IdlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly shapeId = "-",
  ) {
    super(message);
  }
}

const isWhitespace = (kind: TokenKind): boolean =>
  kind === "SPACE" || kind === "NEWLINE" || kind === "COMMA" || kind === "COMMENT";

const SPELLING: Partial<Record<TokenKind, string>> = {
  DOT: ".",
  POUND: "#",
  DOLLAR: "$",
  AT: "@",
  COLON: ":",
  WALRUS: ":=",
  EQUAL: "=",
  LBRACE: "{",
  RBRACE: "}",
  LBRACKET: "[",
  RBRACKET: "]",
  LPAREN: "(",
  RPAREN: ")",
  SPACE: " ",
  STRING: '"',
  TEXT_BLOCK: '"""',
};

export class TokenStream {
  readonly tokenizer: Tokenizer;
  private docLines: string[] = [];

  constructor(text: string) {
    this.tokenizer = new Tokenizer(text);
    this.next();
  }

  /** The current token's kind (a method, so that checks do not narrow it across `next()`). */
  kind(): TokenKind {
    return this.tokenizer.kind;
  }

  get offset(): number {
    return this.tokenizer.start;
  }

  lexeme(): string {
    return this.tokenizer.lexeme();
  }

  next(): TokenKind {
    const kind = this.tokenizer.next();
    if (kind === "DOC_COMMENT") this.pushDocLine();
    return kind;
  }

  private pushDocLine(): void {
    const { text, start, end } = this.tokenizer;
    this.docLines.push(docLine(text, start, end));
  }

  isIdentifier(word: string): boolean {
    const { tokenizer } = this;
    return (
      tokenizer.kind === "IDENTIFIER" &&
      tokenizer.end - tokenizer.start === word.length &&
      tokenizer.text.startsWith(word, tokenizer.start)
    );
  }

  /** The `///` lines read so far, as one documentation string, and forgets them. */
  takeDocumentation(): string | undefined {
    if (this.docLines.length === 0) return undefined;
    const docs = this.docLines.join("\n");
    this.docLines = [];
    return docs;
  }

  skipSpaces(): void {
    while (this.tokenizer.kind === "SPACE") this.next();
  }

  skipWs(): void {
    const { tokenizer } = this;
    if (!isWhitespace(tokenizer.kind)) return;
    if (tokenizer.skipWhitespace() === "DOC_COMMENT") this.pushDocLine();
  }

  skipWsAndDocs(): void {
    const { tokenizer } = this;
    if (isWhitespace(tokenizer.kind) || tokenizer.kind === "DOC_COMMENT") tokenizer.skipWhitespace(this.docLines);
  }

  expectAndSkipSpaces(): void {
    this.expect("SPACE");
    this.skipSpaces();
  }

  expectAndSkipWhitespace(): void {
    if (!isWhitespace(this.kind())) {
      throw this.syntax(`Expected one or more whitespace characters, but found ${this.describe()}`);
    }
    this.skipWsAndDocs();
  }

  /** The `br` production: spaces and commas, then a newline or comment (or the end), then any whitespace. */
  expectAndSkipBr(): void {
    while (this.kind() === "SPACE" || this.kind() === "COMMA") this.next();
    this.docLines = [];
    if (this.kind() === "NEWLINE" || this.kind() === "COMMENT" || this.kind() === "DOC_COMMENT") {
      this.next();
      this.skipWs();
    } else if (this.kind() !== "EOF") {
      throw this.syntax(`Expected a line break, but found ${this.describe()}`);
    }
  }

  /** A syntax error unless the current token is a `kind`. */
  expect(kind: TokenKind): void {
    if (this.tokenizer.kind !== kind) throw this.unexpected(describeKind(kind));
  }

  /** The current kind, when it is one of `kinds`; a syntax error otherwise. */
  expectOneOf(...kinds: TokenKind[]): TokenKind {
    const kind = this.tokenizer.kind;
    if (kinds.includes(kind)) return kind;
    throw this.unexpected(`one of ${kinds.map(describeKind).join(", ")};`);
  }

  private unexpected(wanted: string): IdlSyntaxError {
    if (this.tokenizer.kind === "ERROR") return new IdlSyntaxError(this.tokenizer.error, this.tokenizer.errorOffset);
    return this.syntax(`Expected ${wanted} but found ${this.describe()}`);
  }

  /** Expects and skips `{` of a shape body; `///` lines before it document nothing. */
  expectAndSkipBodyStart(): void {
    this.expect("LBRACE");
    this.docLines = [];
    this.next();
  }

  expectIdentifier(word: string): void {
    this.expect("IDENTIFIER");
    if (this.lexeme() !== word) throw this.syntax(`Expected \`${word}\` but found \`${this.lexeme()}\``);
  }

  syntax(message: string, shapeId?: string, offset = this.offset): IdlSyntaxError {
    return new IdlSyntaxError(message, offset, shapeId);
  }

  /** The current token for messages: `IDENTIFIER('apply')`, `EOF`. */
  describe(): string {
    if (this.kind() === "EOF") return "EOF";
    const lexeme = JSON.stringify(this.lexeme()).slice(1, -1).replaceAll("'", "\\'");
    return `${this.kind()}('${lexeme}')`;
  }
}

function describeKind(kind: TokenKind): string {
  const spelling = SPELLING[kind];
  return spelling === undefined ? kind : `${kind}('${spelling}')`;
}
