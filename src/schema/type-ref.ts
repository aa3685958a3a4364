/** TypeRef → schema fragment: primitives inline, named types as a relative `$ref` to their type file. */
import { posix } from 'node:path';
import type { TypeDef } from '../model/catalog.js';
import type { PropertyRow, TypeRef } from '../model/page.js';
import { typeSchemaPath } from '../model/schema-layout.js';
import { lookupType } from '../catalog/index.js';
import { edmSchema, type JsonSchema } from './edm.js';
import { memoizedPair } from '../util/memo.js';

/** Where a fragment is written: the version whose type files it refers to, and the file it lives in. */
export interface RefContext {
  version: string;
  /** Relative path of the schema file being generated (`beta/operations/x.request.json`). */
  fromPath: string;
  types: Map<string, TypeDef>;
}

/** Relative `$ref` from one schema file to another (both relative to the schemas directory). */
export function relativeRef(fromPath: string, toPath: string): string {
  return relativeRefFrom(posix.dirname(fromPath), toPath);
}

// path.relative resolves both paths against the working directory (~3 µs each): the corpus's 12,590 refs,
// between a few folders, took ~35 ms uncached.
const relativeRefFrom = memoizedPair((folder, toPath) => {
  const rel = posix.relative(folder, toPath);
  return rel.startsWith('.') ? rel : `./${rel}`;
});

/** The named type a ref points at, when the catalog resolved it. */
export function refTarget(ref: TypeRef, ctx: RefContext): TypeDef | undefined {
  return ref.kind === 'named' ? lookupType(ctx.types, ctx.version, ref.name) : undefined;
}

/** Schema of one value of the type (ignoring `collection`). Unresolved or unreadable types accept anything. */
export function singleValueSchema(ref: TypeRef, ctx: RefContext): JsonSchema {
  if (ref.alternatives && ref.alternatives.length > 1) {
    return { anyOf: ref.alternatives.map((alt) => singleValueSchema({ ...alt, alternatives: undefined }, ctx)) };
  }
  switch (ref.kind) {
    case 'primitive':
      return edmSchema(ref.name) ?? {};
    case 'named': {
      const def = refTarget(ref, ctx);
      return def ? { $ref: relativeRef(ctx.fromPath, typeSchemaPath(ctx.version, def.name)) } : {};
    }
    default:
      return {};
  }
}

/** Schema of a TypeRef including collections: `[x](...) collection` → array of x. */
export function typeRefSchema(ref: TypeRef, ctx: RefContext): JsonSchema {
  const item = singleValueSchema(ref, ctx);
  return ref.collection ? { items: item, type: 'array' } : item;
}

/** Adds `null` to a schema's accepted values (`type: [X, "null"]`, or `anyOf` with null for `$ref`s). */
export function withNull(schema: JsonSchema): JsonSchema {
  if (Object.keys(schema).length === 0) return schema; // `{}` already accepts null
  const { type } = schema;
  if (typeof type === 'string' && !('anyOf' in schema)) {
    const out: JsonSchema = { ...schema, type: [type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
    return out;
  }
  if (Array.isArray(schema.anyOf) && Object.keys(schema).length === 1) return { anyOf: [...schema.anyOf, { type: 'null' }] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Schema of a property row: its type, nullable unless the docs say "Not nullable", with its description. */
export function propertySchema(row: PropertyRow, ctx: RefContext): JsonSchema {
  const base = typeRefSchema(row.type, ctx);
  const schema = row.nullable === false ? base : withNull(base);
  const notes: JsonSchema = {};
  const description = row.description.trim();
  if (description) notes.description = description;
  if (row.readOnly) notes.readOnly = true;
  return withNotes(schema, notes);
}

/**
 * Adds keywords (description, readOnly) to a schema. Beside a `$ref` they go around it in an `allOf`:
 * OpenAPI 3.0 readers and tools such as PactFlow's comparator ignore or misread a `$ref` with siblings.
 */
export function withNotes(schema: JsonSchema, notes: JsonSchema): JsonSchema {
  if (Object.keys(notes).length === 0) return schema;
  return '$ref' in schema ? { allOf: [schema], ...notes } : mergedInOrder(schema, notes);
}

/**
 * `{ ...a, ...b }` (b's value wins a key both have), with the keys in sorted order when a's and b's are.
 * Why: the writer copies every object whose keys are out of order into a sorted one (write.ts normalized),
 * and property schemas are the most numerous objects of a build (~35,000 on the corpus). Generated
 * schemas keep their keys in sorted order (edm.ts, typeRefSchema) for the same reason.
 */
export function mergedInOrder(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  const bKeys = Object.keys(b);
  let j = 0;
  for (const key of Object.keys(a)) {
    for (; j < bKeys.length && bKeys[j] < key; j++) out[bKeys[j]] = b[bKeys[j]];
    out[key] = Object.prototype.hasOwnProperty.call(b, key) ? b[key] : a[key];
  }
  for (; j < bKeys.length; j++) if (!Object.prototype.hasOwnProperty.call(out, bKeys[j])) out[bKeys[j]] = b[bKeys[j]];
  return out;
}

/** `properties` of an object schema from table rows; a repeated row keeps its first definition. */
export function propertiesSchema(rows: PropertyRow[], ctx: RefContext): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const row of rows) {
    if (!row.name || Object.prototype.hasOwnProperty.call(out, row.name)) continue;
    out[row.name] = propertySchema(row, ctx);
  }
  return out;
}
