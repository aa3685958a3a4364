/**
 * Types from resource pages, and resolution of the TypeRefs that point at them.
 *
 * A resolved named TypeRef carries the fully qualified name of a type visible in the referring
 * version (`name: 'microsoft.graph.keyCredential'`); an unresolved one keeps its name and gets a
 * `catalog-unresolved-type` finding; a Type cell that names no type at all gets `catalog-unreadable-type`.
 * Schema generation looks resolved names up with `lookupType`.
 */
import { posix } from 'node:path';
import type { Finding, SourcePos } from '../model/finding.js';
import type { TypeDef } from '../model/catalog.js';
import type { PropertyRow, ResourcePage, TypeRef } from '../model/page.js';
import { UNVERSIONED, qualifyTypeName, typeKey } from './type-names.js';

export function pageVersion(page: { version?: { value: string } }): string {
  return page.version?.value ?? UNVERSIONED;
}

/** Finds a type visible in `version`: its own first, then the unversioned ones. */
export function lookupType(types: Map<string, TypeDef>, version: string, fqName: string): TypeDef | undefined {
  return types.get(typeKey(version, fqName)) ?? types.get(typeKey(UNVERSIONED, fqName));
}

/**
 * TypeDefs of the resource pages (sorted by file). When several pages define the same type (in any
 * case), the best definition is kept (see `preferDefinition`), the others are reported and ignored,
 * and links to any of those pages resolve to the kept type.
 */
export function collectTypes(pages: ResourcePage[]): { types: Map<string, TypeDef>; files: Map<string, string>; findings: Finding[] } {
  const findings: Finding[] = [];
  /** Lower-cased key → the definitions of that type, in file order: names differing only in case would collide as file names (and Graph names are case-insensitive). */
  const candidates = new Map<string, TypeDef[]>();
  for (const page of pages) {
    const source: SourcePos = { file: page.file, line: page.h1?.line ?? 1 };
    if (!page.typeName) {
      // An enums page (`enums.md`) names no type of its own: its sections are the types.
      if (page.enumSections?.length) continue;
      findings.push({ ...source, ruleId: 'catalog-untyped-resource', severity: 'info', message: `resource page ${page.file} names no type; it defines no schema` });
      continue;
    }
    const def = typeDefFromPage(page, source);
    const lowerKey = typeKey(def.version, def.name).toLowerCase();
    const group = candidates.get(lowerKey);
    if (group) group.push(def);
    else candidates.set(lowerKey, [def]);
  }

  const sectionEnums = addSectionEnums(pages, candidates);

  const types = new Map<string, TypeDef>();
  /** Lower-cased page path → type key, for link resolution. */
  const files = new Map<string, string>();
  for (const group of candidates.values()) {
    const kept = group.reduce((best, def) => (preferDefinition(def, best) ? def : best));
    const key = typeKey(kept.version, kept.name);
    types.set(key, kept);
    for (const def of group) {
      // A section's page is the page of another type (or of none): links to it do not name the enum.
      if (!sectionEnums.has(def)) files.set(normalizeFile(def.source.file), key);
      if (def === kept) continue;
      findings.push({
        ...def.source,
        ruleId: 'catalog-duplicate-type',
        severity: 'warning',
        // The `type X (version) is already defined` prefix is read by lint (src/lint/doc-facts.ts).
        message: `type ${def.name} (${def.version}) is already defined in ${kept.source.file}:${kept.source.line}, which is kept; this definition is ignored`,
      });
    }
  }
  return { types, files, findings };
}

/**
 * Enum types documented as `### <name> values` sections (ResourcePage.enumSections). A type that has a
 * page of its own keeps that page; the same enum written as a section on several pages (a resource page
 * and enums.md often both list it) is one type: the section with the most members, else the first file.
 * Neither is reported: repeating an enum next to the property that uses it is the docs' convention.
 */
function addSectionEnums(pages: ResourcePage[], candidates: Map<string, TypeDef[]>): Set<TypeDef> {
  const sections = new Map<string, TypeDef>();
  for (const page of pages) {
    for (const section of page.enumSections ?? []) {
      const name = qualifyTypeName(section.name.includes('.') || !page.namespace ? section.name : `${page.namespace}.${section.name}`);
      const def: TypeDef = {
        name,
        kind: 'enum',
        version: pageVersion(page),
        properties: [],
        relationships: [],
        openType: false,
        abstract: false,
        members: section.members.map((m) => m.name),
        source: { file: section.file, line: section.line },
      };
      const lowerKey = typeKey(def.version, def.name).toLowerCase();
      if (candidates.has(lowerKey)) continue;
      const kept = sections.get(lowerKey);
      if (!kept || (def.members?.length ?? 0) > (kept.members?.length ?? 0)) sections.set(lowerKey, def);
    }
  }
  for (const [key, def] of sections) candidates.set(key, [def]);
  return new Set(sections.values());
}

/**
 * Whether `def` is a better definition than `best` (which comes earlier in file order): the page named
 * after the type (`user.md` for microsoft.graph.user, not `intune-shared-user.md`), else the one with
 * more properties and relationships; ties keep the earlier file, so the choice is deterministic.
 */
function preferDefinition(def: TypeDef, best: TypeDef): boolean {
  const named = (d: TypeDef): boolean => fileStem(d.source.file) === shortName(d.name).toLowerCase();
  if (named(def) !== named(best)) return named(def);
  const size = (d: TypeDef): number => d.properties.length + d.relationships.length + (d.members?.length ?? 0);
  return size(def) > size(best);
}

function fileStem(file: string): string {
  return posix.basename(file.replace(/\\/g, '/')).replace(/\.md$/i, '').toLowerCase();
}

function shortName(fqName: string): string {
  return fqName.slice(fqName.lastIndexOf('.') + 1);
}

function typeDefFromPage(page: ResourcePage, source: SourcePos): TypeDef {
  const members = page.enumMembers?.map((m) => m.name);
  const kind: TypeDef['kind'] =
    page.typeKind === 'enum' || (page.typeKind === 'unknown' && members && members.length > 0)
      ? 'enum'
      : page.typeKind === 'entity' ? 'entity' : 'complex';
  const def: TypeDef = {
    name: qualifyTypeName(page.typeName as string),
    kind,
    version: pageVersion(page),
    properties: page.properties,
    relationships: page.relationships,
    openType: page.openType ?? false,
    abstract: page.abstract ?? false,
    source,
  };
  if (page.description) def.description = page.description;
  if (page.keyProperty) def.keyProperty = page.keyProperty;
  if (page.baseType) def.baseType = qualifyTypeName(page.baseType);
  if (kind === 'enum') def.members = members ?? [];
  return def;
}

/**
 * The enum an anchor of a type link names: `#calendarroletype-values` → `calendarroletype` (Graph
 * docs title an enum's section `### calendarRoleType values`); undefined for other anchors
 * (`#properties`), which point into the page's own type.
 */
export function enumOfAnchor(link: string): string | undefined {
  const m = /#([a-z_][\w.-]*?)-(?:values|members|enum)$/i.exec(link.trim());
  return m ? m[1].replace(/-/g, '') : undefined;
}

function normalizeFile(file: string): string {
  return posix.normalize(file.replace(/\\/g, '/')).toLowerCase();
}

/** Resolves named TypeRefs: by link target first, else by name (case-insensitive), else a finding. */
export class TypeResolver {
  /** version → lower-cased short and qualified names → qualified name. */
  private readonly byName = new Map<string, Map<string, string>>();
  readonly findings: Finding[] = [];

  constructor(private readonly types: Map<string, TypeDef>, private readonly files: Map<string, string>) {
    for (const def of types.values()) {
      let names = this.byName.get(def.version);
      if (!names) this.byName.set(def.version, (names = new Map()));
      const short = def.name.slice(def.name.lastIndexOf('.') + 1).toLowerCase();
      if (!names.has(short)) names.set(short, def.name);
      names.set(def.name.toLowerCase(), def.name);
    }
  }

  /** The qualified name `ref` resolves to in `version`, or undefined. */
  resolveName(ref: TypeRef, version: string, fromFile: string): string | undefined {
    if (ref.kind !== 'named') return undefined;
    const enumAnchor = ref.link ? enumOfAnchor(ref.link) : undefined;
    if (enumAnchor !== undefined) {
      // `page.md#calendarroletype-values` names an enum documented on that page, not the page's type.
      const anchored = this.byTypeName(enumAnchor, version);
      if (anchored && lookupType(this.types, version, anchored)?.kind === 'enum') return anchored;
    } else if (ref.link) {
      const linked = this.byLink(ref.link, fromFile);
      if (linked && lookupType(this.types, version, linked)) {
        // `[printOrientation](printerdefaults.md)`: the link goes to the page whose section documents the enum.
        const named = shortName(linked).toLowerCase() === shortName(ref.name).toLowerCase() ? undefined : this.byTypeName(ref.name, version);
        const enumDef = named ? lookupType(this.types, version, named) : undefined;
        return enumDef?.kind === 'enum' && normalizeFile(enumDef.source.file) === normalizeFile(lookupType(this.types, version, linked)?.source.file ?? '') ? (named as string) : linked;
      }
    }
    return this.byTypeName(ref.name, version);
  }

  /** A copy of `ref` (and its alternatives) with resolved names; unresolved ones are reported at `at`. */
  resolve(ref: TypeRef, version: string, at: SourcePos & { file: string }, context: string): TypeRef {
    const out: TypeRef = { ...ref };
    if (ref.alternatives) out.alternatives = ref.alternatives.map((alt) => this.resolve(alt, version, at, context));
    if (ref.kind === 'unknown' && !ref.alternatives) {
      // Free text such as `string/number`: the schema cannot check it, and the reader should know that.
      this.findings.push({
        file: at.file,
        line: at.line,
        ruleId: 'catalog-unreadable-type',
        severity: 'info',
        message: ref.raw.trim()
          ? `${context}: type "${ref.raw.trim()}" is not an Edm type, a Graph type or a collection of one; its schema accepts any value`
          : `${context}: the Type cell is empty (often a description broken onto a row of its own); its schema accepts any value`,
      });
    }
    if (ref.kind !== 'named') return out;
    const name = this.resolveName(ref, version, at.file);
    if (name) {
      out.name = name;
    } else if (!ref.alternatives) {
      this.findings.push({
        file: at.file,
        line: at.line,
        ruleId: 'catalog-unresolved-type',
        severity: 'warning',
        message: `${context}: type "${ref.name}" is defined by no resource page${ref.link ? ` (link ${ref.link})` : ''}; its schema accepts any value`,
      });
    }
    return out;
  }

  resolveRows(rows: PropertyRow[], version: string, owner: string): PropertyRow[] {
    return rows.map((row) => ({ ...row, type: this.resolve(row.type, version, row, `${owner} property ${row.name}`) }));
  }

  /** Link resolution is cached per (folder, link): thousands of rows repeat the same few links. */
  private readonly linkCache = new Map<string, string | undefined>();

  private byLink(link: string, fromFile: string): string | undefined {
    const cacheKey = `${posix.dirname(fromFile)}\u0000${link}`;
    if (this.linkCache.has(cacheKey)) return this.linkCache.get(cacheKey);
    const name = this.byLinkUncached(link, fromFile);
    this.linkCache.set(cacheKey, name);
    return name;
  }

  private byLinkUncached(link: string, fromFile: string): string | undefined {
    const target = link.replace(/\\/g, '/').replace(/[?#].*$/, '');
    if (!target || /^[a-z]+:/i.test(target) || target.startsWith('/')) return undefined;
    const key = this.files.get(normalizeFile(posix.join(posix.dirname(fromFile.replace(/\\/g, '/')), target)));
    return key === undefined ? undefined : this.types.get(key)?.name;
  }

  private byTypeName(name: string, version: string): string | undefined {
    const wanted = name.trim().replace(/^#/, '').replace(/^Collection\((.*)\)$/i, '$1').toLowerCase();
    const short = wanted.slice(wanted.lastIndexOf('.') + 1);
    for (const v of version === UNVERSIONED ? [UNVERSIONED] : [version, UNVERSIONED]) {
      const names = this.byName.get(v);
      const hit = names?.get(qualifyTypeName(wanted).toLowerCase()) ?? (wanted.includes('.') ? undefined : names?.get(short));
      if (hit) return hit;
    }
    return undefined;
  }
}
