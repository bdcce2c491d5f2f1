/**
 * One IDL file, statement by statement: control statements, metadata, the
 * namespace, `use`, then shapes and `apply`. A syntax error is recorded, and
 * reading resumes at the next line that starts a statement, so that one run
 * reports every error it can.
 */
import type { AstShape } from "../ast.js";
import {
  type Elision,
  type IdlNode,
  type MixedShape,
  type ParsedApply,
  type ParsedIdlFile,
  type ParsedMetadata,
  type ResolveError,
  ShapeIdText,
  type TraitRecord,
} from "./parsed-file.js";
import type { ParseContext } from "./parse-context.js";
import { claimConflicts } from "./parse-context.js";
import { IdResolver, preludeNamesDefinedIn, type ShapeTypeOf } from "./id-resolver.js";
import { type IdValue, parseNode, parseText } from "./node-parser.js";
import { parseAbsoluteShapeId, parseNamespace, parseShapeId } from "./shape-id-parser.js";
import { parseTrait, parseTraits, parseTraitsAfterDocs, readDocs } from "./trait-parser.js";
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
const NOTHING: ReadonlySet<string> = new Set();
const RECOVERY_TOKENS = new Set(["IDENTIFIER", "DOC_COMMENT", "AT", "DOLLAR"]);

/** Ids in control statements and metadata are kept as written, and resolved once the namespace is known. */
const keepIdText: IdValue = (text, offset) => new ShapeIdText(text, offset);

/**
 * One file read. With `typeOf` (every file's shapes), its ids resolve
 * exactly; without, they resolve on what the file says and the result notes
 * what was assumed (see `ParsedIdlFile`).
 */
export function parseIdlFile(text: string, typeOf?: ShapeTypeOf): FileParseResult {
  return new FileParser(text, typeOf).parse();
}

class FileParser {
  private readonly stream: TokenStream;
  private readonly errors: IdlSyntaxError[] = [];
  private version: "1.0" | "2.0" = "1.0";
  private namespace: string | undefined;
  private inputSuffix = "Input";
  private outputSuffix = "Output";
  private readonly uses = new Map<string, string>();
  private readonly shapes: Record<string, AstShape> = {};
  private readonly shapeIds: string[] = [];
  private readonly shapeOffsets: number[] = [];
  private readonly applies: ParsedApply[] = [];
  private readonly metadata: ParsedMetadata[] = [];
  private readonly problems: ResolveError[] = [];
  private readonly elisions: Elision[] = [];
  private readonly mixed: MixedShape[] = [];
  /** Set once the namespace is read. */
  private shapeContext: ParseContext | undefined;

  constructor(
    text: string,
    private readonly typeOf: ShapeTypeOf | undefined,
  ) {
    this.stream = new TokenStream(text);
  }

  parse(): FileParseResult {
    const { stream } = this;
    stream.skipWsAndDocs();
    this.recovering(() => this.parseControlSection());
    this.recovering(() => this.parseMetadataSection());
    this.recovering(() => this.parseShapeSection());
    const ids = this.shapeContext?.ids;
    return {
      file: {
        version: this.version,
        namespace: this.namespace,
        uses: this.uses,
        shapes: this.shapes,
        shapeIds: this.shapeIds,
        shapeOffsets: this.shapeOffsets,
        applies: this.applies,
        metadata: this.metadata,
        elisions: this.elisions,
        mixed: this.mixed,
        pendingAnnotations: ids?.pendingAnnotations ?? [],
        problems: ids === undefined ? this.problems : [...this.problems, ...ids.errors],
        assumedPrelude: ids?.assumedPrelude ?? NOTHING,
        assumedLocal: ids?.assumedLocal ?? NOTHING,
        assumedPreludeTraits: ids?.assumedPreludeTraits ?? NOTHING,
        needsSecondReading: this.shapeContext?.needsSecondReading ?? false,
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
      const value = parseNode(stream, keepIdText);
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
      this.metadata.push({ key, value: parseNode(stream, keepIdText), offset });
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
    const context = (this.shapeContext ??= this.context(this.namespace));
    while (stream.kind() !== "EOF") {
      const docs = readDocs(stream);
      const written = stream.kind() === "AT";
      const traits = parseTraitsAfterDocs(context, docs);
      if (stream.kind() === "EOF") {
        if (written) stream.expect("IDENTIFIER");
        return;
      }
      stream.expect("IDENTIFIER");
      if (stream.isIdentifier("apply")) this.parseApply(context, written);
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

  private parseApply(ctx: ParseContext, traitsWritten: boolean): void {
    const { stream } = this;
    if (traitsWritten) throw stream.syntax("Traits applied to apply statement");
    stream.next();
    stream.expectAndSkipWhitespace();
    const offset = stream.offset;
    const target = ctx.ids.id(parseShapeId(stream), offset);
    stream.expectAndSkipWhitespace();
    let traits: TraitRecord;
    if (stream.expectOneOf("AT", "LBRACE") === "AT") {
      traits = {};
      parseTrait(ctx, traits);
    } else {
      stream.next();
      stream.skipWsAndDocs();
      traits = parseTraits(ctx);
      stream.skipWsAndDocs();
      stream.expect("RBRACE");
      stream.next();
    }
    claimConflicts(ctx, target);
    this.applies.push({ target, traits, offset });
    stream.expectAndSkipBr();
  }

  private context(namespace: string): ParseContext {
    const { typeOf } = this;
    const text = this.stream.tokenizer.text;
    const ids = new IdResolver(namespace, this.uses, typeOf, typeOf ? undefined : preludeNamesDefinedIn(text));
    return {
      stream: this.stream,
      version: this.version,
      namespace,
      uses: this.uses,
      inputSuffix: this.inputSuffix,
      outputSuffix: this.outputSuffix,
      ids,
      idValue: (text, offset) => ids.id(text, offset),
      problems: this.problems,
      elisions: this.elisions,
      mixed: this.mixed,
      conflicts: [],
      needsSecondReading: false,
      addShape: (id, type, offset, shape) => {
        if (this.shapes[id] !== undefined) throw this.stream.syntax(`Duplicate shape definition: ${id}`, id, offset);
        this.shapes[id] = shape;
        this.shapeIds.push(id);
        this.shapeOffsets.push(offset);
      },
    };
  }
}
