/**
 * JSON Schema + documented example → Pact V4 body matchers. Pure.
 *
 * The example supplies the shape (only the properties it shows are expected: Graph's response examples
 * are truncated) and example values; the schema says how each value is matched:
 *   uuid → GUID regex (both cases), date-time / date → regex, base64 (contentEncoding) → regex,
 *   integer → integer, number → number, boolean → boolean, other strings and unknowns → type (`like`),
 *   arrays → eachLike of their first item, objects → their properties one by one.
 * Nullable properties (`type: [X, "null"]` or `anyOf` with null) must also accept null. Pact's DSL
 * cannot say "X or null", but its contract format can (`combine: "OR"`): those paths are returned in
 * `nullable` and src/contracts/normalise.ts adds the alternative to the written contract.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { posix } from 'node:path';
import { SCHEMA_ID_BASE } from '../model/schema-layout.js';
import { ANY_STRING, BASE64, DATE, DATE_TIME, GUID } from './patterns.js';

export type JsonSchema = Record<string, unknown>;

/** A matcher as Pact writes it into a contract's `matchingRules`. */
export interface PactRule {
  match: string;
  [attribute: string]: unknown;
}

/** A body path (Pact's syntax: `$.a.b`, `$['@odata.type']`, `$.items[*].id`) that must also accept other values. */
export interface NullableRule {
  path: string;
  alsoAccept: PactRule[];
}

export interface BodyMatchers {
  /** The example with Pact matchers in place of its values (pact-js integration JSON). */
  template: unknown;
  nullable: NullableRule[];
}

/** Where `$ref`s are looked up: the schema's own relative path and a lookup of other files of the set. */
export interface SchemaContext {
  path: string;
  lookup(relativePath: string): JsonSchema | undefined;
}

/** An example value that contradicts the schema's format: the example needs a repair, the contract would lie. */
export class ExampleMismatchError extends Error {}

export function matchersFromSchema(schema: JsonSchema, example: unknown, ctx?: SchemaContext): BodyMatchers {
  const nullable: NullableRule[] = [];
  const template = walk({ schema, path: ctx?.path ?? '' }, example, '$', ctx, nullable);
  return { template, nullable };
}

/** What matters of a schema node once `$ref`, `allOf` and null alternatives are looked through. */
interface SchemaView {
  types: Set<string>;
  nullable: boolean;
  format?: string;
  base64: boolean;
  properties: Map<string, Located>;
  additional?: Located;
  items?: Located;
}

interface Located {
  schema: JsonSchema;
  /** Relative path of the file the schema lives in (for relative `$ref`s). */
  path: string;
}

function walk(node: Located | undefined, example: unknown, path: string, ctx: SchemaContext | undefined, nullable: NullableRule[]): unknown {
  const view = node ? viewOf(node, ctx) : undefined;
  if (example === null) {
    const typed = view ? typedRule(view) : undefined;
    if (typed) nullable.push({ path, alsoAccept: [typed] });
    return MatchersV3.nullValue();
  }
  if (view?.nullable) nullable.push({ path, alsoAccept: [{ match: 'null' }] });
  if (Array.isArray(example)) {
    if (example.length === 0) return MatchersV3.like([]);
    return MatchersV3.eachLike(walk(view?.items, example[0], `${path}[*]`, ctx, nullable));
  }
  if (typeof example === 'object' && example !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(example)) {
      out[key] = walk(view?.properties.get(key) ?? view?.additional, value, childPath(path, key), ctx, nullable);
    }
    return out;
  }
  return scalarMatcher(view, example, path);
}

function scalarMatcher(view: SchemaView | undefined, example: unknown, path: string): unknown {
  if (typeof example === 'string') {
    const pattern = view ? stringPattern(view) : undefined;
    if (!pattern) return MatchersV3.like(example);
    if (!new RegExp(pattern.regex).test(example)) {
      throw new ExampleMismatchError(`example value "${example}" at ${path} is not a valid ${pattern.name}`);
    }
    return MatchersV3.regex(pattern.regex, example);
  }
  if (typeof example === 'number') {
    if (view?.types.has('integer') && !view.types.has('number')) {
      if (!Number.isInteger(example)) throw new ExampleMismatchError(`example value ${example} at ${path} is not an integer`);
      return MatchersV3.integer(example);
    }
    return MatchersV3.number(example);
  }
  if (typeof example === 'boolean') return MatchersV3.boolean(example);
  return MatchersV3.like(example);
}

function stringPattern(view: SchemaView): { name: string; regex: string } | undefined {
  if (view.format === 'uuid') return { name: 'GUID', regex: GUID };
  if (view.format === 'date-time') return { name: 'date-time', regex: DATE_TIME };
  if (view.format === 'date') return { name: 'date', regex: DATE };
  if (view.base64) return { name: 'base64 value', regex: BASE64 };
  return undefined;
}

/** The rule a non-null value must satisfy, for a property whose example is null. */
function typedRule(view: SchemaView): PactRule | undefined {
  const pattern = stringPattern(view);
  if (pattern) return { match: 'regex', regex: pattern.regex };
  if (view.types.has('string')) return { match: 'regex', regex: ANY_STRING };
  if (view.types.has('integer') && !view.types.has('number')) return { match: 'integer' };
  if (view.types.has('number')) return { match: 'number' };
  if (view.types.has('boolean')) return { match: 'boolean' };
  return undefined; // objects and arrays: a null example says nothing about their shape
}

/** Pact's JSON path of a child: `.name` for plain names, `['@odata.type']` otherwise. */
export function childPath(parent: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/'/g, "\\'")}']`;
}

function viewOf(node: Located, ctx: SchemaContext | undefined, seen = new Set<string>()): SchemaView {
  const view: SchemaView = { types: new Set(), nullable: false, base64: false, properties: new Map() };
  merge(view, node, ctx, seen);
  if (view.types.has('null')) {
    view.types.delete('null');
    view.nullable = true;
  }
  return view;
}

function merge(view: SchemaView, node: Located, ctx: SchemaContext | undefined, seen: Set<string>): void {
  const { schema } = node;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, node, ctx);
    const key = `${target?.path}#${schema.$ref}`;
    if (target && !seen.has(key)) merge(view, target, ctx, new Set([...seen, key]));
  }
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : typeof type === 'string' ? [type] : []) view.types.add(String(t));
  if (typeof schema.format === 'string') view.format ??= schema.format;
  if (schema.contentEncoding === 'base64') view.base64 = true;
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [name, sub] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      if (!view.properties.has(name)) view.properties.set(name, { schema: sub, path: node.path });
    }
  }
  if (isSchema(schema.additionalProperties)) view.additional ??= { schema: schema.additionalProperties, path: node.path };
  if (isSchema(schema.items)) view.items ??= { schema: schema.items, path: node.path };
  for (const sub of asArray(schema.allOf)) merge(view, { schema: sub, path: node.path }, ctx, seen);
  // anyOf/oneOf: a null branch makes the value nullable; the other branches describe the value.
  for (const sub of [...asArray(schema.anyOf), ...asArray(schema.oneOf)]) {
    if (sub.type === 'null') view.nullable = true;
    else merge(view, { schema: sub, path: node.path }, ctx, seen);
  }
}

/** Resolves a `$ref`: local (`#/$defs/x`), relative to the current file, or an absolute graphpact `$id`. */
function resolveRef(ref: string, from: Located, ctx: SchemaContext | undefined): Located | undefined {
  const [file, pointer = ''] = ref.split('#', 2);
  let path = from.path;
  if (file.startsWith(SCHEMA_ID_BASE)) path = file.slice(SCHEMA_ID_BASE.length);
  else if (file) path = posix.normalize(posix.join(posix.dirname(from.path), file));
  const root = file ? ctx?.lookup(path) : rootOf(from, ctx);
  if (!root) return undefined;
  const target = pointer ? followPointer(root, pointer) : root;
  return target ? { schema: target, path } : undefined;
}

function rootOf(from: Located, ctx: SchemaContext | undefined): JsonSchema | undefined {
  return ctx?.lookup(from.path) ?? from.schema;
}

function followPointer(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = (current as Record<string, unknown> | undefined)?.[segment];
  }
  return isSchema(current) ? current : undefined;
}

function isSchema(value: unknown): value is JsonSchema {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function asArray(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}
