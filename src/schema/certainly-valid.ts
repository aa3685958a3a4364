/**
 * A fast path in front of ajv: walks a generated schema over a value, the way ajv's generated code for
 * graphpact's options would (`createAjv({ checkSchemas: false })`: 2020-12, allErrors, formats, strict off,
 * so strictNumbers off and properties read as `data[key]`, inherited ones too), and answers whether the
 * value is certainly valid.
 *
 * Why: ajv compiles a schema and everything it reaches before it can validate one value; the generated
 * type graph is connected, so validating a build's few thousand examples compiled most of the set (about
 * 30 MB of generated code). Most examples are valid, and for those a walk over the value is enough.
 *
 * It only ever answers `true` when ajv would: every keyword it does not mirror exactly (or any doubt:
 * object enums, refs within a file, `__proto__` keys) answers `false`, which means "ask ajv", never
 * "invalid". ajv stays the validator of record; a rejected value's errors are ajv's own, or ajv's exactly as
 * mirrored-errors.ts finds them (src/schema/load.ts).
 */
import type { JsonSchema } from './edm.js';

/** How a `format` is checked: ajv's own format table (`ajv.formats`), so both judge a value alike. */
export type FormatTable = Record<string, unknown>;

export interface FastPathContext {
  formats: FormatTable;
  /** The file a `$ref` of the file at `fromPath` names, with its own path; undefined when unknown or its `$id` is not its path's. */
  resolveRef(fromPath: string, ref: string): { path: string; schema: JsonSchema } | undefined;
  /** Compiled `pattern`/`patternProperties` regular expressions (ajv compiles them with the `u` flag). */
  patterns: Map<string, RegExp>;
}

/** Keywords that carry no validation (ajv skips them; strict mode is off, so `x-` keywords are skipped too). */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated', 'contentEncoding', 'contentMediaType']);

/** Whether a schema keyword only annotates (ajv generates no code for it with graphpact's options). */
export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}

/** Beyond this many nested schemas for one value, give up (a ref cycle that consumes no data). */
export const MAX_DEPTH = 200;

/** ajv's number limits: the comparison a value must meet (as ajv's messages write it), and when it fails (NaN fails every limit). */
export const LIMITS: Readonly<Record<string, { okStr: string; fails: (data: number, limit: number) => boolean }>> = {
  maximum: { okStr: '<=', fails: (d, l) => d > l || Number.isNaN(d) },
  minimum: { okStr: '>=', fails: (d, l) => d < l || Number.isNaN(d) },
  exclusiveMaximum: { okStr: '<', fails: (d, l) => d >= l || Number.isNaN(d) },
  exclusiveMinimum: { okStr: '>', fails: (d, l) => d <= l || Number.isNaN(d) },
};

/** True only when ajv would find `data` valid against `schema` (the file at `path`). */
export function certainlyValid(schema: JsonSchema | boolean, data: unknown, path: string, ctx: FastPathContext): boolean {
  return valid(schema, data, path, ctx, 0, true);
}

/** `fileRoot`: the schema is a whole file (its `$id` is its path's, see resolveRef); an `$id` inside one would move the base of its refs. */
function valid(schema: unknown, data: unknown, path: string, ctx: FastPathContext, depth: number, fileRoot = false): boolean {
  if (schema === true) return true;
  if (!isRecord(schema) || depth > MAX_DEPTH) return false;
  for (const key of Object.keys(schema)) {
    if (key === '$id' && !fileRoot) return false;
    if (isAnnotation(key)) continue;
    if (!keywordHolds(key, schema[key], schema, data, path, ctx, depth)) return false;
  }
  return true;
}

/** One keyword, as ajv applies it: type-specific keywords only to data of that type. */
function keywordHolds(key: string, value: unknown, schema: Record<string, unknown>, data: unknown, path: string, ctx: FastPathContext, depth: number): boolean {
  switch (key) {
    case 'type':
      return typeHolds(value, data);
    case 'enum':
      return Array.isArray(value) && !isNaNumber(data) && value.some((member) => isPrimitive(member) && member === data);
    case 'const':
      return isPrimitive(value) && !isNaNumber(data) && value === data;
    case '$ref': {
      if (typeof value !== 'string') return false;
      const target = ctx.resolveRef(path, value);
      return target !== undefined && valid(target.schema, data, target.path, ctx, depth + 1, true);
    }
    case 'allOf':
      return Array.isArray(value) && value.every((s) => valid(s, data, path, ctx, depth + 1));
    case 'anyOf':
      return Array.isArray(value) && value.some((s) => valid(s, data, path, ctx, depth + 1));
    // String keywords.
    case 'pattern':
      return typeof data !== 'string' || (typeof value === 'string' && regExp(value, ctx).test(data));
    case 'format':
      return formatHolds(value, data, ctx);
    // Number keywords.
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return typeof data !== 'number' || (typeof value === 'number' && !LIMITS[key].fails(data, value));
    // Array keywords.
    case 'items':
      return !Array.isArray(data) || (!Array.isArray(value) && schema.prefixItems === undefined && data.every((item) => valid(value, item, path, ctx, depth + 1)));
    // Object keywords.
    case 'required':
      return !isObjectData(data) || (Array.isArray(value) && value.every((name) => typeof name === 'string' && name !== '__proto__' && data[name] !== undefined));
    case 'properties':
      return !isObjectData(data) || propertiesHold(value, data, path, ctx, depth);
    case 'patternProperties':
      return !isObjectData(data) || patternPropertiesHold(value, data, path, ctx, depth);
    case 'additionalProperties':
      return !isObjectData(data) || additionalPropertiesHold(value, schema, data, path, ctx, depth);
    default:
      // A keyword not mirrored here (oneOf, minLength, ...): let ajv judge.
      return false;
  }
}

/** ajv's type test with strictNumbers off: NaN and Infinity are numbers; an integer is a number with no fraction. */
function typeHolds(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => isOfType(t, data));
}

/** ajv's test of one JSON Schema type (strictNumbers off); false for a name that is not a type. */
export function isOfType(type: unknown, data: unknown): boolean {
  switch (type) {
    case 'null': return data === null;
    case 'boolean': return typeof data === 'boolean';
    case 'string': return typeof data === 'string';
    case 'number': return typeof data === 'number';
    case 'integer': return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
    case 'array': return Array.isArray(data);
    case 'object': return isObjectData(data);
    default: return false;
  }
}

/** ajv's `format`: the format's own check, applied only to data of the format's type (string unless it says). */
function formatHolds(name: unknown, data: unknown, ctx: FastPathContext): boolean {
  if (typeof data !== 'string' && typeof data !== 'number') return true;
  const rule = formatRule(name, ctx.formats);
  if (rule === undefined) return false;
  return rule === true || typeof data !== rule.type || rule.test(data);
}

/**
 * How ajv checks the format `name` from its format table: the data type it applies to and the test ajv's
 * code runs (a RegExp's `test`, or the function, its result taken as a condition); `true` for a format
 * that accepts anything; undefined when only ajv can tell (an unknown or async format, no test).
 */
export function formatRule(name: unknown, formats: FormatTable): FormatRule | true | undefined {
  if (typeof name !== 'string' || !Object.hasOwn(formats, name)) return undefined;
  // Read once per table and name (a set's ajv has all its formats before it validates): the walks ask for
  // every value a format keyword meets.
  let rules = formatRules.get(formats);
  if (!rules) formatRules.set(formats, (rules = new Map()));
  if (!rules.has(name)) rules.set(name, readFormat(formats[name]));
  return rules.get(name);
}

interface FormatRule {
  type: string;
  test: (data: unknown) => boolean;
}

const formatRules = new WeakMap<FormatTable, Map<string, FormatRule | true | undefined>>();

function readFormat(def: unknown): FormatRule | true | undefined {
  if (def === true) return true;
  const detailed = isRecord(def) && !(def instanceof RegExp);
  if (detailed && def.async) return undefined;
  const type = detailed ? ((def.type as string | undefined) ?? 'string') : 'string';
  const check = detailed ? def.validate : def;
  if (check instanceof RegExp) return { type, test: (data) => check.test(data as string) };
  if (typeof check !== 'function') return undefined;
  return { type, test: (data) => Boolean((check as (value: unknown) => unknown)(data)) };
}

/** ajv reads `data[name]` (inherited properties too) and validates it when it is not undefined. */
function propertiesHold(properties: unknown, data: Record<string, unknown>, path: string, ctx: FastPathContext, depth: number): boolean {
  if (!isRecord(properties) || Object.hasOwn(properties, '__proto__')) return false;
  for (const name of Object.keys(properties)) {
    const inner = data[name];
    if (inner !== undefined && !valid(properties[name], inner, path, ctx, depth + 1)) return false;
  }
  return true;
}

/** Every key (`for...in`, as ajv) matching a pattern validates against that pattern's schema. */
function patternPropertiesHold(patterns: unknown, data: Record<string, unknown>, path: string, ctx: FastPathContext, depth: number): boolean {
  if (!isRecord(patterns) || Object.hasOwn(patterns, '__proto__')) return false;
  for (const pattern of Object.keys(patterns)) {
    const re = regExp(pattern, ctx);
    for (const key in data) {
      if (re.test(key) && !valid(patterns[pattern], data[key], path, ctx, depth + 1)) return false;
    }
  }
  return true;
}

/** Keys neither in `properties` nor matching a `patternProperties` pattern validate against `additionalProperties`. */
function additionalPropertiesHold(additional: unknown, schema: Record<string, unknown>, data: Record<string, unknown>, path: string, ctx: FastPathContext, depth: number): boolean {
  const properties = schema.properties ?? {};
  const patterns = schema.patternProperties ?? {};
  if (!isRecord(properties) || !isRecord(patterns) || Object.hasOwn(properties, '__proto__')) return false;
  const res = Object.keys(patterns).map((p) => regExp(p, ctx));
  for (const key in data) {
    if (Object.hasOwn(properties, key) || res.some((re) => re.test(key))) continue;
    if (!valid(additional, data[key], path, ctx, depth + 1)) return false;
  }
  return true;
}

/** A `pattern` as ajv compiles it (the `u` flag), compiled once per context. */
export function regExp(pattern: string, ctx: FastPathContext): RegExp {
  let re = ctx.patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    ctx.patterns.set(pattern, re);
  }
  return re;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ajv's object test: `data && typeof data == "object" && !Array.isArray(data)`. */
function isObjectData(data: unknown): data is Record<string, unknown> {
  return isRecord(data);
}

export function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function isNaNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isNaN(value);
}
