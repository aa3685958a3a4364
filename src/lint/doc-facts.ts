/**
 * Small pure readings of parsed docs shared by several rules: annotation flags, type names, the
 * documented response of an operation, the properties a type allows, response envelopes.
 */
import type { Catalog, Operation, TypeDef } from '../model/catalog.js';
import type { Annotation, ApiPage, HttpResponseExample, PropertyRow, TypeRef } from '../model/page.js';
import { lookupType, qualifyTypeName } from '../catalog/index.js';
import { isPlainObject } from '../util/values.js';
import { withoutContentClauses } from '../parse/response.js';
import { proseBaseOf } from '../parse/resource.js';

/** An annotation flag that may be written `true` or `"true"`. */
export function annotationFlag(annotation: Annotation | undefined, key: string): boolean | undefined {
  const v = annotation?.data[key];
  if (v === true || v === 'true' || v === 'True') return true;
  if (v === false || v === 'false' || v === 'False') return false;
  return undefined;
}

/** `truncated: true` on the annotation, or the Intune/legacy prose "may be truncated" (not visible here: annotation only). */
export function isTruncated(response: HttpResponseExample): boolean {
  return annotationFlag(response.annotation, 'truncated') === true;
}

/** `microsoft.graph.keyCredential` / `#microsoft.graph.keyCredential` / `keyCredential` → `keyCredential`. */
export function localTypeName(name: string): string {
  const q = qualifyTypeName(name);
  return q.slice(q.lastIndexOf('.') + 1);
}

export { isPlainObject };

/** Keys that are annotations (`@odata.context`, `members@odata.bind`), not properties. */
export function isAnnotationKey(key: string): boolean {
  return key.includes('@');
}

/** Finds a type by (possibly short or differently cased) name in a version, falling back to unversioned. */
export function findType(catalog: Catalog, version: string, name: string): TypeDef | undefined {
  const fq = qualifyTypeName(name);
  const exact = lookupType(catalog.types, version, fq);
  if (exact) return exact;
  const index = lowerIndex(catalog);
  return index.get(`${version}:${fq.toLowerCase()}`) ?? index.get(`unversioned:${fq.toLowerCase()}`);
}

const lowerIndexes = new WeakMap<Catalog, Map<string, TypeDef>>();
function lowerIndex(catalog: Catalog): Map<string, TypeDef> {
  let index = lowerIndexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const def of catalog.types.values()) {
      const key = `${def.version}:${def.name.toLowerCase()}`;
      if (!index.has(key)) index.set(key, def);
    }
    lowerIndexes.set(catalog, index);
  }
  return index;
}

/** The version a page's facts live in (its operation's, else the page's own). */
export function pageVersionOf(page: ApiPage, op: Operation | undefined): string {
  return op?.version ?? page.version?.value ?? 'unversioned';
}

/**
 * The base type of a type: its annotation's baseType, else what `baseOf` reads elsewhere (prose). `open`,
 * when given, says a type is open although its annotation does not (the page's prose says so).
 */
export type BaseOf = ((def: TypeDef) => string | undefined) & {
  open?: (def: TypeDef) => boolean;
  /** Top-level keys of the type page's JSON representation (a property shown there is documented there). */
  representation?: (def: TypeDef) => ReadonlySet<string>;
};
const annotatedBase: BaseOf = (def) => def.baseType;

/** A type and its base types, nearest first (a cycle or an undocumented base ends the chain). */
export function typeChain(catalog: Catalog, def: TypeDef, baseOf: BaseOf = annotatedBase): TypeDef[] {
  const out: TypeDef[] = [];
  const seen = new Set<string>();
  for (let t: TypeDef | undefined = def; t && !seen.has(t.name); t = baseOf(t) ? findType(catalog, t.version, baseOf(t)!) : undefined) {
    seen.add(t.name);
    out.push(t);
  }
  return out;
}

/** Properties and relationships of a type and its base types (nearest first). */
export function allProperties(catalog: Catalog, def: TypeDef, baseOf: BaseOf = annotatedBase): PropertyRow[] {
  return typeChain(catalog, def, baseOf).flatMap((t) => [...t.properties, ...t.relationships]);
}

/**
 * True when any property must be accepted: `def` (or a base of it) is an open type, or a base type is
 * not documented here (its properties are unknown, so nothing can be called unknown).
 */
export function isOpen(catalog: Catalog, def: TypeDef, baseOf: BaseOf = annotatedBase): boolean {
  const seen = new Set<string>();
  for (let t: TypeDef | undefined = def; t && !seen.has(t.name); ) {
    seen.add(t.name);
    // An open type, or one whose page documents no property at all (callRecords' feedbackTokenSet
    // says "open type" only in prose): nothing can be called unknown.
    if (t.openType || baseOf.open?.(t) || (t.properties.length === 0 && t.relationships.length === 0) || isDuplicated(catalog, t)) return true;
    const baseName = baseOf(t);
    if (!baseName) return false;
    const base = findType(catalog, t.version, baseName);
    if (!base) return true;
    t = base;
  }
  return false;
}

/** True when `sub` is `base` or derives from it. */
export function derivesFrom(catalog: Catalog, sub: TypeDef, base: TypeDef, baseOf: BaseOf = annotatedBase): boolean {
  const seen = new Set<string>();
  for (let t: TypeDef | undefined = sub; t && !seen.has(t.name); t = baseOf(t) ? findType(catalog, t.version, baseOf(t)!) : undefined) {
    if (t.name.toLowerCase() === base.name.toLowerCase()) return true;
    seen.add(t.name);
  }
  return false;
}

/** What the Response section documents: type, collection or not, status codes. */
export interface DocumentedResponse {
  returnType?: TypeRef;
  collection: boolean;
  statusCodes: number[];
  line: number;
}

/** "a [x](...) collection", "an array of [x]", "a list of", "the requested [x](...) objects": collection wording the parser flag may miss. */
const COLLECTION_WORDING = /\bcollection\b|\barray of\b|\blist of\b|\]\([^)]*\)\s+objects\b/i;

export function documentedResponse(page: ApiPage, op: Operation | undefined): DocumentedResponse | undefined {
  if (!page.response) return undefined;
  const returnType = op?.returnType ?? page.response.returnType;
  return {
    returnType,
    collection: Boolean(op?.returnsCollection || page.response.collection || returnType?.collection || COLLECTION_WORDING.test(withoutContentClauses(page.response.text))),
    statusCodes: page.response.statusCodes,
    line: page.response.line,
  };
}

/** The TypeDef of a documented named return type, when the catalog has it. */
export function returnTypeDef(catalog: Catalog, version: string, ref: TypeRef | undefined): TypeDef | undefined {
  return ref && ref.kind === 'named' ? findType(catalog, version, ref.name) : undefined;
}

export interface Envelope {
  /** The wrapping key (`value`, `keyCredential`). */
  key: string;
  inner: Record<string, unknown>;
}

/**
 * An undocumented wrapper around a single returned object: `{"value": {...}}` when no collection is
 * documented, or `{"<returnTypeName>": {...}}`, unless the returned type really has such a property.
 */
export function responseEnvelope(body: unknown, documented: DocumentedResponse, returned: TypeDef | undefined, catalog: Catalog): Envelope | undefined {
  if (!isPlainObject(body) || documented.collection) return undefined;
  const ref = documented.returnType;
  if (!ref || ref.kind !== 'named' || ref.collection) return undefined;
  const keys = Object.keys(body).filter((k) => !isAnnotationKey(k));
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  const inner = body[key];
  if (!isPlainObject(inner)) return undefined;
  const typeName = localTypeName(ref.name).toLowerCase();
  if (key !== 'value' && key.toLowerCase() !== typeName) return undefined;
  if (returned && allProperties(catalog, returned).some((p) => p.name === key && p.type.kind !== 'primitive')) return undefined;
  return { key, inner };
}

/** File line of `"key"` inside an annotation comment (the comment's first line when not found). */
export function annotationKeyLine(annotation: Annotation, key: string): number {
  const at = annotation.raw.indexOf(`"${key}"`);
  if (at < 0) return annotation.line;
  let line = annotation.line;
  for (let i = 0; i < at; i++) if (annotation.raw.charCodeAt(i) === 10) line++;
  return line;
}

const proseBases = new WeakMap<TypeDef, string | undefined>();
const proseOpen = new WeakMap<TypeDef, boolean>();

/** "# x resource type (Open Type)", "This is an open type", "x is an open type". */
const OPEN_PROSE = /\(open type\)|\bis an open type\b/i;

/**
 * A base type read from the resource page's prose ("Inherits from [directoryObject](directoryobject.md)",
 * "Derived from [place](place.md)") when the annotation declares none: many Graph pages state inheritance
 * only there. The function also answers `open`: the page says it is an open type ("(Open Type)" in the
 * H1) although its annotation does not.
 */
export function baseWithProse(sourceLines: (file: string) => readonly string[] | undefined): BaseOf {
  // One per source of lines: rules ask for it per example, and shapes are kept per BaseOf (body-check.ts).
  let baseOf = proseBaseOfs.get(sourceLines);
  if (!baseOf) proseBaseOfs.set(sourceLines, (baseOf = newBaseWithProse(sourceLines)));
  return baseOf;
}

const proseBaseOfs = new WeakMap<(file: string) => readonly string[] | undefined, BaseOf>();

function newBaseWithProse(sourceLines: (file: string) => readonly string[] | undefined): BaseOf {
  const baseOf: BaseOf = (def) => {
    if (def.baseType) return def.baseType;
    if (!proseBases.has(def)) {
      proseBases.set(def, proseBaseOf(sourceLines(def.source.file) ?? []));
    }
    return proseBases.get(def);
  };
  baseOf.open = (def) => {
    if (!proseOpen.has(def)) {
      // The H1 and the sentences under it, before the first section.
      const lines = sourceLines(def.source.file) ?? [];
      const h1 = lines.findIndex((l) => /^#\s/.test(l));
      const head = h1 < 0 ? [] : lines.slice(h1, lines.findIndex((l, i) => i > h1 && /^##\s/.test(l)) >>> 0);
      proseOpen.set(def, head.slice(0, 30).some((l) => OPEN_PROSE.test(l)));
    }
    return proseOpen.get(def)!;
  };
  baseOf.representation = (def) => representationKeysOf(sourceLines(def.source.file) ?? []);
  return baseOf;
}

const duplicatedTypes = new WeakMap<Catalog, Set<string>>();

/**
 * Types defined by two pages (catalog-duplicate-type): the catalog keeps one page, which may be the
 * partial one (beta `user`: intune-shared-user.md, 3 properties, over user.md), so no property of
 * such a type can be called unknown.
 */
function isDuplicated(catalog: Catalog, def: TypeDef): boolean {
  let set = duplicatedTypes.get(catalog);
  if (!set) {
    set = new Set();
    for (const f of catalog.findings) {
      const m = f.ruleId === 'catalog-duplicate-type' ? /type (\S+) \((\S+)\) is already defined/.exec(f.message) : null;
      if (m) set.add(`${m[2]}:${m[1].toLowerCase()}`);
    }
    duplicatedTypes.set(catalog, set);
  }
  return set.has(`${def.version}:${def.name.toLowerCase()}`);
}

const representationKeys = new WeakMap<readonly string[], Set<string>>();

/**
 * The top-level keys of the first JSON block under a page's "JSON representation" heading, read from its
 * source lines (string-aware bracket depth; comments and lenient JSON are fine). For a base type's page:
 * a key its own representation shows is inherited, whether or not a table documents it there.
 */
export function representationKeysOf(lines: readonly string[]): Set<string> {
  let keys = representationKeys.get(lines);
  if (keys) return keys;
  keys = new Set();
  const heading = lines.findIndex((l) => /^#{2,}\s+JSON representation\b/i.test(l));
  const open = heading < 0 ? -1 : lines.findIndex((l, i) => i > heading && /^\s*(```|~~~)/.test(l));
  let depth = 0;
  for (let i = open + 1; open >= 0 && i < lines.length && !/^\s*(```|~~~)/.test(lines[i]); i++) {
    const line = lines[i];
    if (depth === 1) {
      const m = /^\s*"([^"]+)"\s*:/.exec(line);
      if (m) keys.add(m[1]);
    }
    for (const ch of line.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
  }
  representationKeys.set(lines, keys);
  return keys;
}

/** A sentence of a base type's page that lists its derived types ("the derived types are [a](…), [b](…)"). */
const DERIVED_PROSE = /\bderived\s+types?\b|\bsub(?:types?|class(?:es)?)\b|\bbase\s+(?:type|class|resource)\s+(?:for|of)\b|\binherit\s+from\s+(?:it|this)\b/i;
const DERIVED_HEADING = /^#{2,}\s+(?:derived\s+types|subtypes)\b/i;

/**
 * True when the page of `base` names `sub` as one of its derived types, in a sentence ("This is a base class;
 * the derived types are [educationFeedbackOutcome](…), …") or under a "Derived types" heading. Many subtype
 * pages never state their base: the relation is written only on the base's page.
 */
export function listsAsDerived(base: TypeDef, sub: TypeDef, sourceLines: (file: string) => readonly string[] | undefined): boolean {
  const word = new RegExp(`(?<![\\w.])${localTypeName(sub.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'i');
  let inSection = false;
  for (const line of sourceLines(base.source.file) ?? []) {
    if (/^#{1,6}\s/.test(line)) inSection = DERIVED_HEADING.test(line);
    if ((inSection || DERIVED_PROSE.test(line)) && word.test(line)) return true;
  }
  return false;
}
