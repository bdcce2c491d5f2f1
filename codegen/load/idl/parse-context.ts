/** The state the statement parsers share while reading one file. */
import type { ParsedShape } from "./parsed-file.js";
import type { TokenStream } from "./token-stream.js";

export interface ParseContext {
  readonly stream: TokenStream;
  readonly version: "1.0" | "2.0";
  readonly namespace: string;
  readonly uses: ReadonlyMap<string, string>;
  readonly inputSuffix: string;
  readonly outputSuffix: string;
  /** Records a shape; a second shape of the same id is a syntax error. */
  addShape(shape: ParsedShape): void;
}
