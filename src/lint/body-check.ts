/**
 * Checking an example body against what the docs define:
 *  - `schemaProblems`: ajv errors of a compiled schema, reduced to one readable problem per JSON pointer;
 *  - `unknownProperties`: properties the request body table / resource tables do not define (ajv cannot
 *    tell these for responses, whose schemas allow additional properties because Graph adds them).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SchemaValidator } from '../schema/load.js';
import { distance } from 'fastest-levenshtein';
import type { Catalog, Operation, TypeDef } from '../model/catalog.js';
import type { ApiPage, JsonBody, PropertyRow } from '../model/page.js';
import { allProperties, findType, isAnnotationKey, isOpen, isPlainObject, localTypeName, typeChain, type BaseOf } from './doc-facts.js';
import { childPointer, pointerLeaf, quoteValue } from './report.js';

export interface BodyProblem {
  /** JSON pointer into the example body. */
  pointer: string;
  message: string;
  fix?: string;
  /** For a missing required property: its name. */
  missing?: string;
}

/** The file line of a JSON pointer of a body (nearest ancestor known to the parser, else the body's line). */
export function lineOfPointer(body: JsonBody, pointer: string): number {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = body.pointers?.[p];
    if (line !== undefined) return line;
    if (p === '') return body.line;
  }
}

const KEYWORD_RANK: Record<string, number> = { format: 0, enum: 1, const: 1, pattern: 2, type: 3, minimum: 4, maximum: 4, exclusiveMinimum: 4, exclusiveMaximum: 4, minLength: 5, maxLength: 5, required: 6 };
const IGNORED_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'not', '$ref']);

/**
 * Validates `value` and returns one problem per failing pointer (the most specific error there).
 * Unknown-property errors are left to `unknownProperties`; `required` ones are dropped for truncated examples.
 */
export function schemaProblems(validate: SchemaValidator, value: unknown, options: { truncated: boolean; prefix?: string }): BodyProblem[] {
  if (validate(value)) return [];
  const all = validate.errors ?? [];
  const errors = all.filter((e) => !IGNORED_KEYWORDS.has(e.keyword) && !(options.truncated && e.keyword === 'required') && !isSignedDuration(e, value) && !isElided(e, value) && !isAnnotationValue(e));
  // A nullable $ref fails as "must be null" next to the errors deeper down, also those dropped above (an
  // elided "key": "MIID..." inside a keyCredential): such a "must be null" is noise, never the problem.
  const parents = new Set<string>();
  for (const e of all) for (let p = e.instancePath; p.includes('/'); ) parents.add((p = p.slice(0, p.lastIndexOf('/'))));
  // A value Graph reads as an enum member is valid: its enum error and the nullable branch's "must be null" go.
  const spelled = new Set(errors.filter((e) => isGraphEnumSpelling(e, value)).map((e) => e.instancePath));
  const useful = errors.filter((e) => !(isNullOnly(e) && parents.has(e.instancePath)) && !isSpecialNumberEnum(e) && !spelled.has(e.instancePath));
  const best = new Map<string, ErrorObject>();
  for (const e of useful) {
    const current = best.get(e.instancePath);
    if (!current || rank(e) < rank(current)) best.set(e.instancePath, e);
  }
  const prefix = options.prefix ?? '';
  return [...best.values()].map((e) => ({
    pointer: prefix + e.instancePath,
    message: describe(e, value),
    ...(e.keyword === 'required' ? { missing: String((e.params as { missingProperty?: unknown }).missingProperty) } : {}),
  }));
}

/**
 * A value the docs shortened on purpose (`"key": "MIIDYDCCAki..."`, `"..."`): their convention for long
 * values, not a base64 or format error. Only its string-ness is judged.
 */
function isElided(e: ErrorObject, root: unknown): boolean {
  if (e.keyword === 'required') return false;
  const v = valueAt(root, e.instancePath);
  if (typeof v !== 'string') return false;
  // A bare "..." stands for any value; a shortened one keeps its type (a string), whether the dots end it
  // or stand in its middle ("MIICuDCCAaCg...StP8s/w==").
  return /^\s*(\.\.\.|\u2026)\s*$/.test(v) || (e.keyword !== 'type' && /\.\.\.|\u2026/.test(v));
}

/**
 * `"@odata.type": "microsoft.graph.openTypeExtension"`: an annotation, never a property, even where a
 * name/value table lists it as a row (its Value column then reads as a type).
 */
function isAnnotationValue(e: ErrorObject): boolean {
  return e.instancePath !== '' && isAnnotationKey(pointerLeaf(e.instancePath)) && e.keyword !== 'required';
}

/** Edm.Duration allows a sign and fractional seconds (`-PT3M9.8S`); ajv-formats' `duration` allows neither. */
function isSignedDuration(e: ErrorObject, root: unknown): boolean {
  if (e.keyword !== 'format' || (e.params as { format?: string }).format !== 'duration') return false;
  const v = valueAt(root, e.instancePath);
  return typeof v === 'string' && /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v);
}

/** Double's alternative spellings ("NaN", "INF"): its enum error only hides the real type error. */
function isSpecialNumberEnum(e: ErrorObject): boolean {
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
  return e.keyword === 'enum' && Array.isArray(allowed) && allowed.includes('NaN') && allowed.includes('INF');
}

/**
 * Enum values Graph reads although they are not spelled as a member: members in another case (`"HTML"`
 * for `html`; Graph matches enum members case-insensitively) and a flags enum's comma-separated
 * members (`"apps,tabs,settings"`). Neither contradicts the docs.
 */
function isGraphEnumSpelling(e: ErrorObject, root: unknown): boolean {
  if (e.keyword !== 'enum') return false;
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
  const v = valueAt(root, e.instancePath);
  if (!Array.isArray(allowed) || typeof v !== 'string' || v.trim() === '') return false;
  const members = new Set(allowed.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase()));
  return v.split(',').every((part) => members.has(part.trim().toLowerCase()));
}

function isNullOnly(e: ErrorObject): boolean {
  return e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null';
}

function rank(e: ErrorObject): number {
  // Prefer a type error naming a real type over "must be null".
  return (KEYWORD_RANK[e.keyword] ?? 7) + (isNullOnly(e) ? 0.5 : 0);
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    v = Array.isArray(v) ? v[Number(key)] : isPlainObject(v) ? v[key] : undefined;
  }
  return v;
}

function describe(e: ErrorObject, root: unknown): string {
  const leaf = e.instancePath === '' ? 'the body' : `"${pointerLeaf(e.instancePath)}"`;
  const parentKey = /^\d+$/.test(pointerLeaf(e.instancePath)) ? pointerLeaf(e.instancePath.slice(0, e.instancePath.lastIndexOf('/'))) : pointerLeaf(e.instancePath);
  const value = quoteValue(valueAt(root, e.instancePath), parentKey);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'format':
      return `${leaf} value ${value} is not a valid ${String(params.format)}`;
    case 'enum':
      return `${leaf} value ${value} is not one of the documented values (${(params.allowedValues as unknown[]).slice(0, 8).map((v) => JSON.stringify(v)).join(', ')})`;
    case 'pattern':
      return /A-Za-z0-9\+\/|\+\//.test(String(params.pattern))
        ? `${leaf} value ${value} is not valid base64`
        : `${leaf} value ${value} does not match the documented pattern ${String(params.pattern)}`;
    case 'type':
      return `${leaf} value ${value} must be ${String(params.type).replace(/,null$/, '').replace(/,/g, ' or ')}`;
    case 'required':
      return `${leaf} is missing the required property "${String(params.missingProperty)}"`;
    default:
      return `${leaf} value ${value} ${e.message ?? 'is invalid'}`;
  }
}

/** A row's property name without a trailing note (`producers (deprecated)` → producers). */
export function rowName(row: Pick<PropertyRow, 'name'>): string {
  return row.name.replace(/\s*\(.*\)\s*$/, '').trim();
}

/** A key that is an id (`jd8S5gOaFk2S8aWCIAJz42QAAxtD`), not a property name: the object is a dictionary. */
function looksLikeId(key: string): boolean {
  return key.length >= 16 && /\d/.test(key) && /[a-z]/.test(key) && /[A-Z]/.test(key);
}

/** What properties an object may have, and how to look into its children. */
export interface Shape {
  /** For messages: "the request body table", "keyCredential". */
  owner: string;
  open: boolean;
  rows: readonly PropertyRow[];
  /** Children with a shape that does not come from their row's type (a documented wrapper). */
  children?: Map<string, Shape>;
}

/** Every Graph entity has `id` (from microsoft.graph.entity, often undocumented on the page itself). */
const ENTITY_ID: PropertyRow = { file: '', line: 0, name: 'id', type: { raw: 'String', kind: 'primitive', name: 'Edm.String', collection: false }, description: '' };

/**
 * The shape of a type (kept per catalog, BaseOf and type: every object of every example body asks, and the
 * answer depends on nothing else). Shared: callers read it, never change it.
 */
export function typeShape(catalog: Catalog, def: TypeDef, baseOf?: BaseOf): Shape {
  let byBase = typeShapes.get(catalog);
  if (!byBase) typeShapes.set(catalog, (byBase = new Map()));
  let byDef = byBase.get(baseOf);
  if (!byDef) byBase.set(baseOf, (byDef = new WeakMap()));
  let shape = byDef.get(def);
  if (!shape) byDef.set(def, (shape = newTypeShape(catalog, def, baseOf)));
  return shape;
}

const typeShapes = new WeakMap<Catalog, Map<BaseOf | undefined, WeakMap<TypeDef, Shape>>>();

function newTypeShape(catalog: Catalog, def: TypeDef, baseOf?: BaseOf): Shape {
  const rows = [...allProperties(catalog, def, baseOf)];
  const entity = def.kind === 'entity' || (baseOf ?? ((d: TypeDef) => d.baseType))(def) !== undefined;
  if (entity && !rows.some((r) => r.name === 'id')) rows.push(ENTITY_ID);
  // A key the JSON representation of the type (or of a base) shows is documented there, if in no table
  // (resource-json-representation reports that page once; its examples are not wrong for using it).
  if (baseOf?.representation) {
    const known = new Set(rows.map(rowName));
    for (const t of typeChain(catalog, def, baseOf)) {
      for (const key of baseOf.representation(t)) {
        if (known.has(key)) continue;
        known.add(key);
        rows.push({ file: t.source.file, line: t.source.line, name: key, type: { raw: 'Object', kind: 'json', name: 'Object', collection: false }, description: '' });
      }
    }
  }
  return { owner: localTypeName(def.name), open: isOpen(catalog, def, baseOf), rows };
}

/** The shape of an operation's request body, from its table (and wrapper), else the type it represents. */
export function requestShape(catalog: Catalog, op: Operation): Shape | undefined {
  const body = op.requestBody;
  if (!body) return undefined;
  let rows: readonly PropertyRow[] = body.properties;
  let open = false;
  if (rows.length === 0 && body.representationOf) {
    const def = body.representationOf.kind === 'named' ? findType(catalog, op.version, body.representationOf.name) : undefined;
    if (!def) return undefined;
    rows = allProperties(catalog, def);
    open = isOpen(catalog, def);
  }
  if (rows.length === 0) return undefined;
  const table: Shape = { owner: 'the request body table', open, rows };
  if (!body.wrapperProperty) return table;
  const wrapperRow: PropertyRow = { ...body.source, name: body.wrapperProperty, type: { raw: 'Object', kind: 'json', name: 'Object', collection: false }, description: '' };
  return { owner: 'the request body', open: false, rows: [wrapperRow], children: new Map([[body.wrapperProperty, { ...table, owner: `${body.wrapperProperty} (the request body table)` }]]) };
}

/** `**settings**` / `` `createdBy` `` in prose: a property the section names outside its table. */
const PROSE_PROPERTY = /\*\*`?([A-Za-z_][A-Za-z0-9_]*)`?\*\*|`([A-Za-z_][A-Za-z0-9_]*)`/g;

/**
 * The request body shape as the page's whole Request body section documents it: the table, plus what its
 * prose adds. Pages state optional or conditional properties in sentences under the table ("the caller can
 * include **settings**"), and a table of the required properties may sit under "supply a JSON
 * representation of [accessReview](…)", which allows every property of that type. Only the top level of an
 * unwrapped body gains: a name the prose merely mentions has no documented type to look into.
 */
export function documentedRequestShape(catalog: Catalog, op: Operation, section: ApiPage['requestBody'], baseOf?: BaseOf): Shape | undefined {
  const shape = requestShape(catalog, op);
  if (!shape || !section || op.requestBody?.wrapperProperty || shape.open) return shape;
  const known = new Set(shape.rows.map(rowName));
  const extra: PropertyRow[] = [];
  const add = (row: PropertyRow) => {
    if (known.has(rowName(row))) return;
    known.add(rowName(row));
    extra.push(row);
  };
  let open = false;
  // A PUT replaces the resource: its body is a whole representation of the type it returns, whatever the
  // table lists as changeable (`id`, a bound relationship).
  const rep = op.requestBody?.properties.length ? section.representationOf ?? (op.method.toUpperCase() === 'PUT' ? op.returnType : undefined) : undefined;
  const def = rep?.kind === 'named' ? findType(catalog, op.version, rep.name) : undefined;
  if (def) {
    typeShape(catalog, def, baseOf).rows.forEach(add);
    open = isOpen(catalog, def, baseOf);
  } else if (rep?.kind === 'named') {
    // "supply a JSON representation of [todoTask](…)" whose page this tree lacks (a partial checkout): any
    // of that type's properties may be meant, so none can be called unknown (the catalog reports the type).
    open = true;
  }
  for (const m of section.prose.matchAll(PROSE_PROPERTY)) {
    add({ file: op.requestBody!.source.file, line: section.line, name: m[1] ?? m[2], type: { raw: 'Object', kind: 'json', name: 'Object', collection: false }, description: '' });
  }
  return extra.length || open ? { ...shape, open, rows: [...shape.rows, ...extra] } : shape;
}

export interface UnknownProperty {
  pointer: string;
  name: string;
  owner: string;
  /** The documented property it most likely means. */
  suggestion?: string;
  /** Why the value would not fit the suggested property either (e.g. not a date-time). */
  suggestionMismatch?: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value checked against the primitive type of the property it was probably meant to be. */
function mismatchWith(row: PropertyRow | undefined, value: unknown): string | undefined {
  if (!row || row.type.kind !== 'primitive' || row.type.collection || typeof value !== 'string') return undefined;
  if (row.type.name === 'Edm.DateTimeOffset' && !ISO_DATE_TIME.test(value)) return `its value ${quoteValue(value)} is not a date-time either`;
  return undefined;
}

/** Properties of `value` (recursively) that its shape does not define. */
export function unknownProperties(value: unknown, shape: Shape, catalog: Catalog, version: string, pointer = '', baseOf?: BaseOf): UnknownProperty[] {
  const out: UnknownProperty[] = [];
  walk(value, shape, pointer, 0);
  return out;

  function walk(v: unknown, s: Shape, at: string, depth: number): void {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, s, childPointer(at, i), depth));
      return;
    }
    if (!isPlainObject(v) || depth > 12) return;
    const effective = derivedShape(v, s);
    for (const [key, child] of Object.entries(v)) {
      // Annotations are not properties; keys that are not identifiers (GUIDs of plannerChecklistItems)
      // mean the object is a dictionary, whatever its page says.
      if (isAnnotationKey(key) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || looksLikeId(key)) continue;
      const row = rowsByName(effective.rows).get(key);
      if (!row) {
        if (!effective.open) {
          const suggestion = closestName(key, effective.rows.map(rowName));
          const mismatch = mismatchWith(effective.rows.find((r) => rowName(r) === suggestion), child);
          out.push({ pointer: childPointer(at, key), name: key, owner: effective.owner,
            ...(suggestion ? { suggestion } : {}), ...(mismatch ? { suggestionMismatch: mismatch } : {}) });
        }
        continue;
      }
      const next = effective.children?.get(key) ?? rowShape(row);
      if (next) walk(child, next, childPointer(at, key), depth + 1);
    }
  }

  function rowShape(row: PropertyRow): Shape | undefined {
    if (row.type.kind !== 'named' || row.type.alternatives) return undefined;
    const def = findType(catalog, version, row.type.name);
    return def && def.kind !== 'enum' ? typeShape(catalog, def, baseOf) : undefined;
  }

  /** An object naming a derived type with `@odata.type` may use that type's properties. */
  function derivedShape(v: Record<string, unknown>, s: Shape): Shape {
    const t = v['@odata.type'];
    if (typeof t !== 'string') return s;
    const def = findType(catalog, version, t);
    // A subtype this docs tree does not define: its properties are unknown, so none can be called unknown.
    if (!def) return { ...s, open: true };
    const derived = typeShape(catalog, def, baseOf);
    return { ...s, open: s.open || derived.open, rows: [...s.rows, ...derived.rows] };
  }
}

const rowIndexes = new WeakMap<readonly PropertyRow[], Map<string, PropertyRow>>();

/** A shape's rows by name (the first row of a name, as a search in order finds it). */
function rowsByName(rows: readonly PropertyRow[]): Map<string, PropertyRow> {
  let index = rowIndexes.get(rows);
  if (!index) {
    index = new Map();
    for (const row of rows) {
      const name = rowName(row);
      if (!index.has(name)) index.set(name, row);
    }
    rowIndexes.set(rows, index);
  }
  return index;
}

/** The known name a misspelt one most likely means: a prefix of it, or within a small edit distance. */
function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const caseOnly = known.find((k) => k.toLowerCase() === lower);
  if (caseOnly) return caseOnly;
  const prefixed = known.filter((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()));
  if (prefixed.length === 1 && Math.min(name.length, prefixed[0].length) >= 4) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 4)) + 1;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
