/** Collects the imports a generated file uses, and renders them sorted. */
import type { ImportDeclarationStructure } from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { RuntimeSymbol } from "./runtime-symbols.js";
import { compare } from "../index/shape-index.js";
import { type GeneratedModule, importSpecifier } from "../index/names.js";

export class Imports {
  private readonly runtime = new Map<string, RuntimeSymbol>();
  private readonly local = new Map<string, { names: Set<string>; typeOnly: Set<string> }>();

  /** `file`: the generated module these imports are for; other modules are imported relative to it. */
  constructor(private readonly file: GeneratedModule) {}

  /** Marks a runtime symbol as used; returns its local alias. */
  use(symbol: RuntimeSymbol): string {
    this.runtime.set(`${symbol.module}\u0000${symbol.name}`, symbol);
    return symbol.alias;
  }

  /** Marks a name from another generated module of the package as used. */
  from(target: GeneratedModule, name: string, typeOnly = false): string {
    const module = importSpecifier(this.file, target);
    const entry = this.local.get(module) ?? { names: new Set<string>(), typeOnly: new Set<string>() };
    entry.names.add(name);
    if (typeOnly) entry.typeOnly.add(name);
    else entry.typeOnly.delete(name);
    this.local.set(module, entry);
    return name;
  }

  /** The import declarations, as ts-morph structures. */
  declarations(): ImportDeclarationStructure[] {
    const { StructureKind } = tsMorph();
    return this.sorted().map(({ module, typeOnly, named }) => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: module,
      isTypeOnly: typeOnly,
      namedImports: named.map((n) => ({
        name: n.name,
        ...(n.alias ? { alias: n.alias } : {}),
        isTypeOnly: n.typeOnly,
      })),
    }));
  }

  /** The same declarations as TypeScript text, for files written as text. */
  text(): string {
    return this.sorted()
      .map(({ module, typeOnly, named }) => {
        const names = named.map((n) => `${n.typeOnly ? "type " : ""}${n.name}${n.alias ? ` as ${n.alias}` : ""}`);
        return `import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from ${JSON.stringify(module)};`;
      })
      .join("\n");
  }

  /**
   * Modules in order (packages first, then the package's own; each group
   * sorted) with their names sorted; a module whose names are all types is
   * imported with `import type`, else each type-only name is marked.
   */
  private sorted(): {
    module: string;
    typeOnly: boolean;
    named: { name: string; alias?: string; typeOnly: boolean }[];
  }[] {
    const byModule = new Map<string, { name: string; alias?: string; typeOnly: boolean }[]>();
    for (const s of this.runtime.values()) {
      const list = byModule.get(s.module) ?? [];
      list.push({ name: s.name, alias: s.alias, typeOnly: s.typeOnly });
      byModule.set(s.module, list);
    }
    for (const [module, entry] of this.local) {
      byModule.set(
        module,
        [...entry.names].map((name) => ({ name, typeOnly: entry.typeOnly.has(name) })),
      );
    }
    const order = (m: string) => `${m.startsWith(".") ? 1 : 0}${m}`;
    return [...byModule.keys()]
      .sort((a, b) => compare(order(a), order(b)))
      .map((module) => {
        const named = byModule.get(module)!.sort((a, b) => compare(a.name, b.name));
        const typeOnly = named.every((n) => n.typeOnly);
        return { module, typeOnly, named: named.map((n) => ({ ...n, typeOnly: !typeOnly && n.typeOnly })) };
      });
  }
}
