/**
 * One IDL file, statement by statement: control statements, metadata, the
 * namespace, `use`, then shapes and `apply`. A syntax error is recorded, and
 * reading resumes at the next line that starts a statement, so that one run
 * reports every error it can.
 */
import {
  type IdlNode,
  type ParsedApply,
  type ParsedIdlFile,
  type ParsedMetadata,
  type ParsedShape,
  type ParsedTrait,
  ShapeIdText,
} from "./parsed-file.js";
import type { ParseContext } from "./parse-context.js";
import { parseNode, parseText } from "./node-parser.js";
import { parseAbsoluteShapeId, parseNamespace, parseShapeId } from "./shape-id-parser.js";
import { DOCUMENTATION, parseDocsAndTraits, parseTrait, parseTraits } from "./trait-parser.js";
import { parseShapeStatement } from "./shape-parser.js";
import { IdlSyntaxError, TokenStream } from "./token-stream.js";
import { LineIndex } from "./line-index.js";

export interface FileParseResult {
  readonly file: ParsedIdlFile;
  readonly errors: readonly IdlSyntaxError[];
  /** Locates offsets of the file's text, for messages. */
  readonly lines: LineIndex;
}

const VERSIONS: Readonly<Record<string, "1.0" | "2.0">> = { "1": "1.0", "1.0": "1.0", "2": "2.0", "2.0": "2.0" };
const RECOVERY_TOKENS = new Set(["IDENTIFIER", "DOC_COMMENT", "AT", "DOLLAR"]);

export function parseIdlFile(text: string): FileParseResult {
  return new FileParser(text).parse();
}

class FileParser {
  private readonly stream: TokenStream;
  private readonly errors: IdlSyntaxError[] = [];
  private version: "1.0" | "2.0" = "1.0";
  private namespace: string | undefined;
  private inputSuffix = "Input";
  private outputSuffix = "Output";
  private readonly uses = new Map<string, string>();
  private readonly shapes: ParsedShape[] = [];
  private readonly types = new Map<string, string>();
  private readonly applies: ParsedApply[] = [];
  private readonly metadata: ParsedMetadata[] = [];

  constructor(text: string) {
    this.stream = new TokenStream(text);
  }

  parse(): FileParseResult {
    const { stream } = this;
    stream.skipWsAndDocs();
    this.recovering(() => this.parseControlSection());
    this.recovering(() => this.parseMetadataSection());
    this.recovering(() => this.parseShapeSection());
    return {
      file: {
        version: this.version,
        namespace: this.namespace,
        uses: this.uses,
        shapes: this.shapes,
        types: this.types,
        applies: this.applies,
        metadata: this.metadata,
      },
      errors: this.errors,
      lines: new LineIndex(stream.tokenizer.text),
    };
  }

  /** Runs a section; on a syntax error, records it, skips to the next statement and runs the section again. */
  private recovering(section: () => void): void {
    for (;;) {
      try {
        section();
        return;
      } catch (error) {
        if (!(error instanceof IdlSyntaxError)) throw error;
        this.errors.push(error);
        if (this.stream.kind() === "EOF") return;
        do this.stream.next();
        while (
          this.stream.kind() !== "EOF" &&
          !(this.stream.tokenizer.atLineStart() && RECOVERY_TOKENS.has(this.stream.kind()))
        );
        if (this.stream.kind() === "EOF") return;
      }
    }
  }

  private parseControlSection(): void {
    const { stream } = this;
    const defined = new Set<string>();
    while (stream.kind() === "DOLLAR") {
      stream.next();
      const key = stream.expectOneOf("IDENTIFIER", "STRING") === "STRING" ? parseText(stream) : this.word();
      stream.skipSpaces();
      stream.expect("COLON");
      stream.next();
      stream.skipSpaces();
      if (defined.has(key)) throw stream.syntax(`Duplicate control statement \`${key}\``);
      defined.add(key);
      const value = parseNode(stream);
      this.onControl(key, value, stream.offset);
      stream.expectAndSkipBr();
      stream.skipWsAndDocs();
    }
  }

  private word(): string {
    const word = this.stream.lexeme();
    this.stream.next();
    return word;
  }

  private onControl(key: string, value: IdlNode, offset: number): void {
    const isString = typeof value === "string";
    if (key === "version") {
      if (!isString)
        throw this.stream.syntax(
          `The $version control statement must have a string value, but found ${JSON.stringify(value)}`,
          undefined,
          offset,
        );
      const version = VERSIONS[value];
      if (version === undefined)
        throw this.stream.syntax(`Unsupported Smithy version number: ${value}`, undefined, offset);
      this.version = version;
    } else if (key === "operationInputSuffix" || key === "operationOutputSuffix") {
      if (!isString)
        throw this.stream.syntax(`The $${key} control statement must have a string value`, undefined, offset);
      if (key === "operationInputSuffix") this.inputSuffix = value;
      else this.outputSuffix = value;
    }
  }

  private parseMetadataSection(): void {
    const { stream } = this;
    while (stream.isIdentifier("metadata")) {
      stream.next();
      stream.expectAndSkipSpaces();
      const offset = stream.offset;
      const key = stream.expectOneOf("IDENTIFIER", "STRING") === "STRING" ? parseText(stream) : this.word();
      stream.skipSpaces();
      stream.expect("EQUAL");
      stream.next();
      stream.skipSpaces();
      this.metadata.push({ key, value: parseNode(stream), offset });
      stream.expectAndSkipBr();
      stream.skipWsAndDocs();
    }
  }

  private parseShapeSection(): void {
    const { stream } = this;
    if (this.namespace === undefined) {
      if (stream.kind() === "EOF") return;
      if (!stream.isIdentifier("namespace")) {
        throw stream.syntax(`Expected a namespace definition but found ${stream.describe()}`);
      }
      stream.next();
      stream.expectAndSkipSpaces();
      this.namespace = parseNamespace(stream);
      stream.expectAndSkipBr();
      stream.skipWsAndDocs();
      this.parseUseSection();
    }
    const context = this.context(this.namespace);
    while (stream.kind() !== "EOF") {
      const traits = parseDocsAndTraits(stream);
      if (stream.kind() === "EOF") {
        if (traits.some((t) => t.name.text !== DOCUMENTATION)) stream.expect("IDENTIFIER");
        return;
      }
      stream.expect("IDENTIFIER");
      if (stream.isIdentifier("apply")) this.parseApply(traits);
      else parseShapeStatement(context, traits);
    }
  }

  private parseUseSection(): void {
    const { stream } = this;
    stream.skipWs();
    while (stream.isIdentifier("use")) {
      stream.next();
      stream.expectAndSkipSpaces();
      const offset = stream.offset;
      const id = parseAbsoluteShapeId(stream);
      if (id.includes("$")) throw stream.syntax("Use statements cannot use members", undefined, offset);
      const name = id.slice(id.indexOf("#") + 1);
      const previous = this.uses.get(name);
      if (previous !== undefined) {
        throw stream.syntax(`Cannot use name \`${id}\` because it conflicts with \`${previous}\``, undefined, offset);
      }
      this.uses.set(name, id);
      stream.expectAndSkipBr();
      stream.skipWsAndDocs();
    }
  }

  private parseApply(traits: readonly ParsedTrait[]): void {
    const { stream } = this;
    if (traits.some((t) => t.name.text !== DOCUMENTATION)) throw stream.syntax("Traits applied to apply statement");
    stream.next();
    stream.expectAndSkipWhitespace();
    const offset = stream.offset;
    const target = new ShapeIdText(parseShapeId(stream), offset);
    stream.expectAndSkipWhitespace();
    if (stream.expectOneOf("AT", "LBRACE") === "AT") {
      this.applies.push({ target, traits: [parseTrait(stream)] });
    } else {
      stream.next();
      stream.skipWsAndDocs();
      this.applies.push({ target, traits: parseTraits(stream) });
      stream.skipWsAndDocs();
      stream.expect("RBRACE");
      stream.next();
    }
    stream.expectAndSkipBr();
  }

  private context(namespace: string): ParseContext {
    return {
      stream: this.stream,
      version: this.version,
      namespace,
      uses: this.uses,
      inputSuffix: this.inputSuffix,
      outputSuffix: this.outputSuffix,
      addShape: (shape) => {
        if (this.types.has(shape.id)) {
          throw this.stream.syntax(`Duplicate shape definition: ${shape.id}`, shape.id, shape.offset);
        }
        this.types.set(shape.id, shape.type);
        this.shapes.push(shape);
      },
    };
  }
}
