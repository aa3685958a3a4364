/**
 * The errors ajv would report for a value, found by a walk over the value instead of compiled code
 * (the second fast path, after certainly-valid.ts answered "not certainly valid").
 *
 * Why: to explain a rejected example ajv compiles every schema file the value reaches first; the build's
 * ~590 rejected examples compiled ~800 files (~1.4 s of its main thread) for a one-line reason each, and
 * lint's ~380 did the same on its validation thread. Walking the value costs microseconds.
 *
 * It mirrors ajv as graphpact configures it (`createAjv({ checkSchemas: false })` with the `$ref`s between
 * files compiled as load.ts's lazy-ref keyword): allErrors, 2020-12 keywords in the order ajv's own rule
 * table (`ajv.RULES`) applies them, the same error objects (instancePath, schemaPath, keyword, params,
 * message, in that key order) and, for errors found through a reference to another file, the schemaPath
 * ajv's custom-keyword code overwrites them with. Anything it does not mirror exactly (a keyword outside
 * the generated sets' vocabulary, an object enum, a `#` ref, an unknown format, `__proto__`) answers
 * undefined: "ask ajv". ajv stays the validator of record; test/schema/mirrored-errors.test.ts and
 * scripts/corpus.ts compare the two on every rejected example.
 */
import type { ErrorObject } from 'ajv';
import { pointerSegment } from '../util/json-pointer.js';
import { formatRule, isAnnotation, isOfType, isPrimitive, isRecord, LIMITS, MAX_DEPTH, regExp, type FastPathContext } from './certainly-valid.js';

/** ajv's rule groups, in order: keywords for any data (no type), then one group per data type. */
export interface RuleGroup {
  type?: string;
  keywords: string[];
}

export interface MirrorContext extends FastPathContext {
  /** `ajv.RULES.rules` of the ajv instance mirrored, as keyword lists (with its lazy-ref keyword). */
  groups: RuleGroup[];
  /** The keyword a `$ref` to another file became in the compiled copy (load.ts's lazy ref), placed by `groups`. */
  refKeyword: string;
}

/** The rule groups of an ajv instance (`ajv.RULES.rules`), as keyword names. */
export function ruleGroups(rules: ReadonlyArray<{ type?: string; rules: ReadonlyArray<{ keyword: string }> }>): RuleGroup[] {
  return rules.map((group) => ({ ...(group.type ? { type: group.type } : {}), keywords: group.rules.map((rule) => rule.keyword) }));
}

/** Keywords mirrored exactly; a schema with any other (non-annotation) keyword is left to ajv. */
const MIRRORED = new Set(['type', 'enum', 'anyOf', 'allOf', '$ref', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'items', 'required', 'properties', 'patternProperties', 'additionalProperties']);

/** Data types with a rule group of their own in ajv (`integer`, `boolean` and `null` have none). */
const GROUP_TYPES = new Set(['number', 'string', 'array', 'object']);

/** Thrown inside the walk when ajv must judge: never escapes mirroredErrors. */
const DOUBT = Symbol('ask ajv');
/** Thrown inside the walk when the first error is found and only that was asked for: never escapes mirroredErrors. */
const FIRST_FOUND = Symbol('first error found');

/**
 * The errors found so far. With `first`, the walk stops at the first error that is sure to stay first:
 * ajv only ever adds errors after those it has, except that a matching anyOf branch takes back the errors
 * of the branches before it, so an error is sure once no anyOf branch is being tried.
 */
class Found {
  readonly list: ErrorObject[] = [];
  /** anyOf branches being tried, one inside another. */
  trying = 0;

  constructor(private readonly first: boolean) {}

  add(error: ErrorObject): void {
    this.list.push(error);
    if (this.first && this.trying === 0) throw FIRST_FOUND;
  }
}

/**
 * ajv's errors for `data` against the file `schema` (at `path`), in ajv's order; [] when ajv would accept
 * it; undefined when only ajv can tell. `first`: the walk stops as soon as ajv's first error is sure (a
 * one-line reason needs no more: the rest of a large rejected example is not walked); the list then starts
 * with that error, and holds at most the few found with it (a failed anyOf's).
 */
export function mirroredErrors(schema: unknown, data: unknown, path: string, ctx: MirrorContext, options: { first?: boolean } = {}): ErrorObject[] | undefined {
  const found = new Found(options.first === true);
  try {
    walk(schema, data, { file: path, instancePath: '', schemaPath: '#', depth: 0, fileRoot: true }, found, ctx);
  } catch (err) {
    if (err === DOUBT) return undefined;
    if (err !== FIRST_FOUND) throw err;
  }
  return found.list;
}

interface At {
  /** The schema file being walked (refs resolve against it). */
  file: string;
  instancePath: string;
  /** ajv's errSchemaPath: `#/properties/name/anyOf/0` (fragment-escaped). */
  schemaPath: string;
  depth: number;
  fileRoot: boolean;
}

/** Applies one schema to `data` as ajv's compiled subschema would, adding its errors to `found`; valid when it added none. */
function walk(schema: unknown, data: unknown, at: At, found: Found, ctx: MirrorContext): boolean {
  if (schema === true) return true;
  if (!isRecord(schema) || at.depth > MAX_DEPTH) throw DOUBT;
  const before = found.list.length;
  const present = presentKeywords(schema, at.fileRoot, ctx);
  const types = schemaTypes(schema.type);
  const groupUsed = (group: RuleGroup): boolean => group.keywords.some((k) => present.has(k));
  // ajv checks the type first unless it is one type whose group has keywords here (then it is checked there).
  const typeGroup = types.length === 1 && GROUP_TYPES.has(types[0]) ? ctx.groups.find((g) => g.type === types[0]) : undefined;
  const checkedFirst = types.length > 0 && !(typeGroup && groupUsed(typeGroup));
  if (checkedFirst && !types.some((t) => isOfType(t, data))) found.add(typeError(schema, at));
  for (const group of ctx.groups) {
    if (!groupUsed(group)) continue;
    if (group.type && !isOfType(group.type, data)) {
      if (!checkedFirst && types.length === 1 && types[0] === group.type) found.add(typeError(schema, at));
      continue;
    }
    for (const keyword of group.keywords) {
      if (keyword === 'type' || !present.has(keyword)) continue;
      const source = keyword === ctx.refKeyword ? '$ref' : keyword;
      applyKeyword(source, schema[source], schema, data, group.type, at, found, ctx);
    }
  }
  return found.list.length === before;
}

/** The keywords of a schema as ajv's compiled copy has them (annotations gone, a `$ref` to a file as the lazy-ref keyword); doubt on any other. */
function presentKeywords(schema: Record<string, unknown>, fileRoot: boolean, ctx: MirrorContext): Set<string> {
  const present = new Set<string>();
  for (const key of Object.keys(schema)) {
    if (key === '$id' && !fileRoot) throw DOUBT;
    if (isAnnotation(key) || schema[key] === undefined) continue;
    if (!MIRRORED.has(key)) throw DOUBT;
    present.add(key === '$ref' ? ctx.refKeyword : key);
  }
  return present;
}

function applyKeyword(keyword: string, value: unknown, schema: Record<string, unknown>, data: unknown, groupType: string | undefined, at: At, found: Found, ctx: MirrorContext): void {
  switch (keyword) {
    case 'enum':
      if (!Array.isArray(value) || value.length === 0 || !value.every(isPrimitive)) throw DOUBT;
      if (!value.some((member) => member === data)) found.add(error(at, 'enum', { allowedValues: value }, 'must be equal to one of the allowed values'));
      return;
    case 'anyOf': {
      if (!Array.isArray(value)) throw DOUBT;
      if (value.some(alwaysValid)) return;
      const before = found.list.length;
      found.trying++;
      try {
        for (let i = 0; i < value.length; i++) {
          if (walk(value[i], data, sub(at, `/anyOf/${i}`), found, ctx)) {
            found.list.length = before;
            return;
          }
        }
      } finally {
        found.trying--;
      }
      found.add(error(at, 'anyOf', {}, 'must match a schema in anyOf'));
      return;
    }
    case 'allOf':
      if (!Array.isArray(value)) throw DOUBT;
      for (let i = 0; i < value.length; i++) if (!alwaysValid(value[i])) walk(value[i], data, sub(at, `/allOf/${i}`), found, ctx);
      return;
    case '$ref': {
      if (typeof value !== 'string' || value.startsWith('#')) throw DOUBT;
      const target = ctx.resolveRef(at.file, value);
      if (!target) throw DOUBT;
      const before = found.list.length;
      try {
        walk(target.schema, data, { file: target.path, instancePath: at.instancePath, schemaPath: '#', depth: at.depth + 1, fileRoot: true }, found, ctx);
      } finally {
        // ajv's code for a custom keyword gives every error it adds the keyword's own schemaPath.
        for (let i = before; i < found.list.length; i++) found.list[i].schemaPath = `${at.schemaPath}/${ctx.refKeyword}`;
      }
      return;
    }
    case 'pattern':
      if (typeof value !== 'string') throw DOUBT;
      if (!regExp(value, ctx).test(data as string)) found.add(error(at, 'pattern', { pattern: value }, `must match pattern "${value}"`));
      return;
    case 'format':
      if (!formatHolds(value, data, groupType, ctx)) found.add(error(at, 'format', { format: value }, `must match format "${value as string}"`));
      return;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      if (typeof value !== 'number') throw DOUBT;
      const limit = LIMITS[keyword];
      if (limit.fails(data as number, value)) found.add(error(at, keyword, { comparison: limit.okStr, limit: value }, `must be ${limit.okStr} ${value}`));
      return;
    }
    case 'items': {
      if (Array.isArray(value) || schema.prefixItems !== undefined) throw DOUBT;
      if (alwaysValid(value)) return;
      const items = data as unknown[];
      for (let i = 0; i < items.length; i++) walk(value, items[i], { ...sub(at, '/items'), instancePath: `${at.instancePath}/${i}` }, found, ctx);
      return;
    }
    case 'required': {
      if (!Array.isArray(value)) throw DOUBT;
      const object = data as Record<string, unknown>;
      for (const name of value) {
        if (typeof name !== 'string' || name === '__proto__') throw DOUBT;
        if (object[name] === undefined) found.add(error(at, 'required', { missingProperty: name }, `must have required property '${name}'`));
      }
      return;
    }
    case 'properties': {
      const properties = schemaMap(value);
      const object = data as Record<string, unknown>;
      for (const name of Object.keys(properties)) {
        const inner = object[name];
        if (inner === undefined || alwaysValid(properties[name])) continue;
        walk(properties[name], inner, property(at, name, `/properties/${escapeFragment(name)}`), found, ctx);
      }
      return;
    }
    case 'patternProperties': {
      const patterns = schemaMap(value);
      const object = data as Record<string, unknown>;
      for (const pattern of Object.keys(patterns)) {
        if (alwaysValid(patterns[pattern])) continue;
        const re = regExp(pattern, ctx);
        for (const key in object) {
          if (key === '__proto__') throw DOUBT;
          if (re.test(key)) walk(patterns[pattern], object[key], property(at, key, `/patternProperties/${escapeFragment(pattern)}`), found, ctx);
        }
      }
      return;
    }
    case 'additionalProperties': {
      if (alwaysValid(value)) return;
      if (value !== false && !isRecord(value)) throw DOUBT;
      const names = new Set(Object.keys(schemaMap(schema.properties ?? {})));
      const patterns = Object.keys(schemaMap(schema.patternProperties ?? {})).map((p) => regExp(p, ctx));
      const object = data as Record<string, unknown>;
      for (const key in object) {
        if (key === '__proto__') throw DOUBT;
        if (names.has(key) || patterns.some((re) => re.test(key))) continue;
        if (value === false) found.add(error(at, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties'));
        else walk(value, object[key], property(at, key, '/additionalProperties'), found, ctx);
      }
      return;
    }
    default:
      throw DOUBT;
  }
}

function error(at: At, keyword: string, params: Record<string, unknown>, message: string): ErrorObject {
  return { instancePath: at.instancePath, schemaPath: `${at.schemaPath}/${keyword}`, keyword, params, message };
}

function typeError(schema: Record<string, unknown>, at: At): ErrorObject {
  return error(at, 'type', { type: schema.type }, `must be ${String(schema.type)}`);
}

/** A subschema of the same data. */
function sub(at: At, schemaPath: string): At {
  return { file: at.file, instancePath: at.instancePath, schemaPath: at.schemaPath + schemaPath, depth: at.depth + 1, fileRoot: false };
}

/** A subschema of a property of the data. */
function property(at: At, name: string, schemaPath: string): At {
  return { file: at.file, instancePath: `${at.instancePath}/${pointerSegment(name)}`, schemaPath: at.schemaPath + schemaPath, depth: at.depth + 1, fileRoot: false };
}

/** The `type` keyword's types (ajv's getSchemaTypes without `nullable`, which generated schemas never use). */
function schemaTypes(type: unknown): string[] {
  if (type === undefined) return [];
  const types = Array.isArray(type) ? type : [type];
  if (!types.every((t) => typeof t === 'string' && (GROUP_TYPES.has(t) || t === 'integer' || t === 'boolean' || t === 'null'))) throw DOUBT;
  return types as string[];
}

/** ajv's `format` in the group of `groupType`: only formats of that data type are checked there; unknown and async ones: doubt. */
function formatHolds(name: unknown, data: unknown, groupType: string | undefined, ctx: MirrorContext): boolean {
  const rule = formatRule(name, ctx.formats);
  if (rule === undefined) throw DOUBT;
  return rule === true || rule.type !== groupType || rule.test(data);
}

/** ajv's alwaysValidSchema for the compiled copy: `true`, or nothing left once annotations are gone. */
function alwaysValid(schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!isRecord(schema)) throw DOUBT;
  for (const key of Object.keys(schema)) if (!isAnnotation(key) && schema[key] !== undefined) return false;
  return true;
}

/** A map of schemas (`properties`, `patternProperties`); doubt on `__proto__`, which ajv skips. */
function schemaMap(value: unknown): Record<string, unknown> {
  if (!isRecord(value) || Object.hasOwn(value, '__proto__')) throw DOUBT;
  return value;
}

function escapeFragment(name: string): string {
  return encodeURIComponent(pointerSegment(name));
}
