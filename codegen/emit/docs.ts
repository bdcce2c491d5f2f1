/**
 * `smithy.api#documentation` is CommonMark with HTML; TSDoc wants plain text.
 * This turns the common HTML into readable text and makes it safe inside a
 * `/** … *\/` comment.
 */
import type { JSDocStructure, JSDocTagStructure, OptionalKind } from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { Deprecation } from "../index/shape-index.js";

const { StructureKind } = tsMorph();

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

export function htmlToText(html: string): string {
  return html
    .replace(/\r\n?/g, "\n")
    .replace(/<\/?(p|div|br|note|important|section)\b[^>]*>/gi, "\n\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/?(ul|ol|dl)\b[^>]*>/gi, "\n")
    .replace(/<dt\b[^>]*>/gi, "\n")
    .replace(/<dd\b[^>]*>/gi, "\n  ")
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) =>
      text.trim() && text.trim() !== href ? `${text.trim()} (${href})` : href,
    )
    .replace(/<\/?code>/gi, "`")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m)
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
  if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
  return ENTITIES[entity.toLowerCase()];
}

/**
 * Keeps text from closing the comment (`*\/`) or starting a TSDoc tag (`\@`),
 * and escapes `/\*`, which reads as a nested comment to the printer's writer.
 * TSDoc shows a backslash-escaped character as itself.
 */
export function escapeDoc(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\/\*/g, "/\\*").replace(/@/g, "\\@");
}

export interface DocSource {
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
  /** The Smithy shape id the declaration comes from. */
  readonly id?: string;
}

/** TSDoc for a declaration: the documentation, its source shape id, `@deprecated`. */
export function tsDoc(source: DocSource, extra: readonly string[] = []): OptionalKind<JSDocStructure>[] {
  const paragraphs = [source.documentation ? escapeDoc(htmlToText(source.documentation)) : "", ...extra].filter(
    Boolean,
  );
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  if (source.id) tags.push({ tagName: "see", text: `Smithy shape \`${source.id}\`` });
  if (source.deprecated) {
    const { message, since } = source.deprecated;
    const text = [message ? escapeDoc(message) : "", since ? `(since ${escapeDoc(since)})` : ""]
      .filter(Boolean)
      .join(" ");
    tags.push({ tagName: "deprecated", ...(text ? { text } : {}) });
  }
  if (paragraphs.length === 0 && tags.length === 0) return [];
  return [{ kind: StructureKind.JSDoc, description: paragraphs.join("\n\n"), tags }];
}
