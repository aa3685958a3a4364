/**
 * Loading a built schema set for validation (used by lint, provider and verify):
 *
 *   const set = await loadSchemaSet('schemas');
 *   const entry = set.index.operations.find((o) => o.id === 'applications.addKey' && o.version === 'beta');
 *   const validate = set.validator(entry.request!);   // validates as an ajv ValidateFunction, cached
 *   if (!validate(body)) console.log(validate.errors);
 *
 * One ajv 2020 instance per set (+ ajv-formats, strict off, allErrors on) judges what the fast path
 * (certainly-valid.ts) does not, and compiles each file once, when a value first needs it; relative `$ref`s
 * between files resolve by path.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { DataValidationCxt, Format, SchemaValidateFunction } from 'ajv/dist/types/index.js';
import type { SchemaIndex } from '../model/schema-layout.js';
import { INDEX_FILE, schemaId } from '../model/schema-layout.js';
import type { JsonSchema } from './edm.js';
import { certainlyValid, isAnnotation } from './certainly-valid.js';
import { mirroredErrors, type MirrorContext, type RuleGroup } from './mirrored-errors.js';
import { memoizedPair } from '../util/memo.js';

// ajv and ajv-formats (CommonJS) are loaded when a value first needs ajv, not with this module: the fast
// paths answer every example of the corpus build, and loading them was ~50 ms of every command's start.
const require = createRequire(import.meta.url);
const loadAjv = (): typeof import('ajv/dist/2020.js') => require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
const addFormats = (ajv: Ajv2020): Ajv2020 => (require('ajv-formats') as (ajv: Ajv2020) => Ajv2020)(ajv);

/** The formats ajv-formats gives an ajv (its `fullFormats`, the same objects): what the fast paths check formats with. */
export const FORMATS = (require('ajv-formats/dist/formats.js') as { fullFormats: Record<string, Format> }).fullFormats;

/** The keyword a `$ref` to another schema file of the set becomes (the file's relative path as its value). */
const LAZY_REF = 'x-graphpact-lazy-ref';

/**
 * `ajv.RULES.rules` of a set's ajv (createAjv without schema checks, with the lazy-ref keyword), as keyword
 * lists: the order mirrored-errors.ts applies keywords in. Written out so that ajv need not be loaded to
 * know it; test/schema/mirrored-errors.test.ts checks it against a real instance.
 */
export const RULE_GROUPS: RuleGroup[] = [
  { keywords: ['$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef', '$comment', 'id', '$ref', 'type', 'nullable', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', LAZY_REF] },
  { type: 'number', keywords: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'] },
  { type: 'string', keywords: ['maxLength', 'minLength', 'pattern', 'format', 'formatMaximum', 'formatMinimum', 'formatExclusiveMaximum', 'formatExclusiveMinimum'] },
  { type: 'array', keywords: ['maxItems', 'minItems', 'prefixItems', 'items', 'contains', 'uniqueItems', 'maxContains', 'minContains', 'unevaluatedItems'] },
  { type: 'object', keywords: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties'] },
];

export interface SchemaSet {
  dir: string;
  index: SchemaIndex;
  /** Relative paths of every schema file (`beta/types/microsoft.graph.keyCredential.json`), sorted. */
  paths: string[];
  /** The parsed schema of a relative path. */
  schema(relativePath: string): JsonSchema | undefined;
  /** Validator for a relative path (ajv's, compiled when first needed); throws when the set has no such file. */
  validator(relativePath: string): SchemaValidator;
}

/** A set built in memory (schemaSetFromFiles): also answers whether a value is certainly valid without ajv. */
export interface FilesSchemaSet extends SchemaSet {
  /** True only when the file's validator would accept `data`, judged by the fast path alone (false: ask the validator). */
  certainlyValid(relativePath: string, data: unknown): boolean;
  /**
   * The first error the file's validator would report for `data`, or null when it accepts it: the same as
   * `validator(relativePath)` then `.errors[0]`, but a rejected value is walked only up to that error.
   */
  firstError(relativePath: string, data: unknown): ErrorObject | null;
}

/** Validates like an ajv ValidateFunction: true, or false with ajv's errors in `errors`. */
export type SchemaValidator = ((data: unknown) => boolean) & Pick<ValidateFunction, 'errors'>;

/**
 * A fresh ajv configured the way graphpact validates: 2020-12, formats, lenient about unknown keywords.
 * `checkSchemas` (the default) validates every added schema against the meta-schema: tests use it.
 */
export function createAjv(opts: { checkSchemas?: boolean } = {}): Ajv2020 {
  const checkSchemas = opts.checkSchemas ?? true;
  const ajv = new (loadAjv().Ajv2020)({
    strict: false,
    allErrors: true,
    validateFormats: true,
    // For generated (and separately tested) schema sets: no meta-schema pass, referenced schemas compiled
    // once as their own functions, no code optimisation. Measured on the shared corpus: compiling every
    // operation's validators takes 3.1 s instead of 15.5 s, adding the 7,912 files 0.3 s instead of 2.8 s.
    ...(checkSchemas ? {} : { validateSchema: false, inlineRefs: false, code: { optimize: false } }),
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Builds a set from schemas in memory (the same as on disk: relative path → schema). A value the schema
 * certainly accepts is answered by a walk over the value (certainly-valid.ts); any other is validated by
 * ajv, which reports the errors. ajv compiles a file only when a value needs it, and a file it refers to
 * only when such a value first reaches that `$ref` (see `lazyRefs`): the generated type graph is connected,
 * so compiling refs eagerly compiled most of the set for the first value validated.
 */
export function schemaSetFromFiles(dir: string, index: SchemaIndex, files: Map<string, JsonSchema>, options: SetOptions = {}): FilesSchemaSet {
  let ajv: Ajv2020 | undefined;
  const paths = [...files.keys()].sort();
  const compiled = new Map<string, ValidateFunction>();
  // Files that validate alike (a create and an update request, often) share one compiled function: ajv's
  // errors come from the keywords and the data, never from the annotations the files differ in.
  const byContent = new Map<string, ValidateFunction>();
  const compile = (relativePath: string): ValidateFunction => {
    let validate = compiled.get(relativePath);
    if (!validate) {
      const schema = lazyRefs(schemaAt(relativePath), relativePath, files);
      const key = JSON.stringify(schema);
      validate = byContent.get(key) ?? (ajv ??= setAjv(compile)).compile(schema);
      byContent.set(key, validate);
      compiled.set(relativePath, validate);
    }
    return validate;
  };
  // Both walks' context (certainly-valid.ts, mirrored-errors.ts): ajv's formats, and its rule table with
  // the lazy-ref keyword in it (ajv places that keyword among the others).
  const walks: MirrorContext = {
    formats: FORMATS,
    patterns: new Map(),
    resolveRef(fromPath, ref) {
      const path = refTarget(fromPath, ref);
      const schema = path === undefined ? undefined : files.get(path);
      return schema && isOwnId(schema, path as string) ? { path: path as string, schema } : undefined;
    },
    groups: RULE_GROUPS,
    refKeyword: LAZY_REF,
  };
  const mirrorErrors = options.mirrorErrors ?? true;
  const validators = new Map<string, SchemaValidator>();
  return {
    dir,
    index,
    paths,
    schema: (relativePath) => files.get(relativePath),
    certainlyValid(relativePath, data) {
      const schema = schemaAt(relativePath);
      return isOwnId(schema, relativePath) && certainlyValid(schema, data, relativePath, walks);
    },
    firstError(relativePath, data) {
      const errors = errorsOf(relativePath, data, true);
      return errors && (errors[0] ?? NO_REASON);
    },
    validator(relativePath) {
      let validator = validators.get(relativePath);
      if (!validator) {
        schemaAt(relativePath); // throws now for a file the set does not have
        const validate: SchemaValidator = Object.assign((data: unknown): boolean => {
          validate.errors = errorsOf(relativePath, data, false);
          return validate.errors === null;
        }, { errors: null });
        validator = validate;
        validators.set(relativePath, validator);
      }
      return validator;
    },
  };

  /**
   * null when the file's validator accepts `data`, else ajv's errors (with `first`, at least ajv's first):
   * the certainly-valid walk, then the mirrored-errors walk (ajv's errors without compiling, when it can be
   * sure of them), then ajv itself.
   */
  function errorsOf(relativePath: string, data: unknown, first: boolean): ErrorObject[] | null {
    const schema = schemaAt(relativePath);
    if (isOwnId(schema, relativePath)) {
      if (certainlyValid(schema, data, relativePath, walks)) return null;
      const mirrored = mirrorErrors ? mirroredErrors(schema, data, relativePath, walks, { first }) : undefined;
      if (mirrored && mirrored.length > 0) return mirrored;
    }
    const full = compile(relativePath);
    return full(data) ? null : (full.errors ?? []);
  }

  function schemaAt(relativePath: string): JsonSchema {
    const schema = files.get(relativePath);
    if (!schema) throw new Error(`no schema ${relativePath} in ${dir} (run \`graphpact build\`)`);
    return schema;
  }
}

/** The reason given for a value ajv rejects without an error (never seen: ajv always says why). */
const NO_REASON: ErrorObject = { instancePath: '', schemaPath: '#', keyword: 'false', params: {}, message: 'does not validate' };

/**
 * The ajv of a set (made when a value first needs it): createAjv without schema checks, and the lazy-ref
 * keyword, whose functions compile the file they name with `compile`.
 */
export function setAjv(compile: (relativePath: string) => ValidateFunction): Ajv2020 {
  const ajv = createAjv({ checkSchemas: false });
  ajv.addKeyword({
    keyword: LAZY_REF,
    schemaType: 'string',
    // One small function per reference: compiles its file on the first value that reaches it. ajv adds
    // the errors it leaves in `.errors` as it adds a `$ref`'s (only their schemaPath differs).
    compile(target: string) {
      const referenced = function (data: unknown, cxt?: DataValidationCxt): boolean {
        const validate = compile(target);
        const valid = validate(data, cxt) as boolean;
        referenced.errors = validate.errors ?? undefined;
        return valid;
      } as SchemaValidateFunction;
      return referenced;
    },
  });
  return ajv;
}

export interface SetOptions {
  /**
   * false: every value the fast path does not accept is validated by ajv (compiled), never by the
   * mirrored-errors walk. For comparing the two; the verdicts and errors are the same.
   */
  mirrorErrors?: boolean;
}

/** The relative path a `$ref` of the file at `fromPath` names (`../types/x.json` → `beta/types/x.json`); undefined for a ref with a fragment or a scheme. */
function refTarget(fromPath: string, ref: string): string | undefined {
  if (ref.includes('#') || ref.includes(':')) return undefined;
  return joinedRef(fromPath, ref);
}

// The walks follow the same refs of the same files for every example (~45 ms of path arithmetic on the corpus).
const joinedRef = memoizedPair((fromPath, ref) => posix.normalize(posix.join(posix.dirname(fromPath), ref)));

/** A file whose `$id` is its own path's (as the build writes them): its relative refs mean the files beside it. */
function isOwnId(schema: JsonSchema, relativePath: string): boolean {
  return schema.$id === undefined || schema.$id === schemaId(relativePath);
}

/** Keywords whose value is a schema, a list of schemas or a map of schemas (JSON Schema 2020-12 applicators). */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems', 'contentSchema']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/**
 * A copy of a schema file for compiling alone: no `$id` (the set's files are not registered with ajv), no
 * annotations (`description`, `x-graphpact-source`, ...), and every `$ref` to another file of the set
 * (`../types/microsoft.graph.entity.json`) replaced by `LAZY_REF` naming that file's relative path. Refs
 * within the file (`#/...`) stay. Throws for a ref to no file of the set.
 */
function lazyRefs(schema: JsonSchema, path: string, files: ReadonlyMap<string, JsonSchema>): JsonSchema {
  return copy(schema) as JsonSchema;

  function copy(value: unknown): unknown {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const inner = (value as Record<string, unknown>)[key];
      if (isAnnotation(key)) continue;
      if (key === '$ref' && typeof inner === 'string' && !inner.startsWith('#')) out[LAZY_REF] = target(inner);
      else if (SCHEMA_KEYWORDS.has(key)) out[key] = Array.isArray(inner) ? inner.map(copy) : copy(inner);
      else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(inner)) out[key] = inner.map(copy);
      else if (SCHEMA_MAP_KEYWORDS.has(key) && inner && typeof inner === 'object') {
        const map: Record<string, unknown> = {};
        for (const entry in inner) map[entry] = copy((inner as Record<string, unknown>)[entry]);
        out[key] = map;
      } else out[key] = inner;
    }
    return out;
  }

  function target(ref: string): string {
    const resolved = refTarget(path, ref);
    if (resolved === undefined || !files.has(resolved)) throw new Error(`${path}: $ref ${ref} names no schema file of the set`);
    return resolved;
  }
}

/** Reads `index.json` and every `<version>/{types,operations}/*.json` of a schemas directory. */
export async function loadSchemaSet(dir: string): Promise<SchemaSet> {
  const index = (await readJson(join(dir, INDEX_FILE))) as SchemaIndex;
  if (!index || !Array.isArray(index.versions) || !Array.isArray(index.operations)) {
    throw new Error(`${join(dir, INDEX_FILE)}: not a graphpact schema index (run \`graphpact build\`)`);
  }
  const files = new Map<string, JsonSchema>();
  for (const version of index.versions) {
    for (const folder of ['types', 'operations']) {
      const rel = `${version}/${folder}`;
      for (const name of await listJson(join(dir, rel))) {
        files.set(`${rel}/${name}`, (await readJson(join(dir, rel, name))) as JsonSchema);
      }
    }
  }
  return schemaSetFromFiles(dir, index, files);
}

async function listJson(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${path}: cannot read schema file (${code ?? String(err)})${code === 'ENOENT' ? ' — run `graphpact build`' : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: invalid JSON (${(err as Error).message})`);
  }
}
