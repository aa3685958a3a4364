/**
 * Loading a built schema set for validation (used by lint, provider and verify):
 *
 *   const set = await loadSchemaSet('schemas');
 *   const entry = set.index.operations.find((o) => o.id === 'applications.addKey' && o.version === 'beta');
 *   const validate = set.validator(entry.request!);   // ajv ValidateFunction, compiled once, cached
 *   if (!validate(body)) console.log(validate.errors);
 *
 * Every schema file of the set is registered with one ajv 2020 instance (+ ajv-formats, strict off,
 * allErrors on), so relative `$ref`s between files resolve.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SchemaIndex } from '../model/schema-layout.js';
import { INDEX_FILE, schemaId } from '../model/schema-layout.js';
import type { JsonSchema } from './edm.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export interface SchemaSet {
  dir: string;
  index: SchemaIndex;
  /** Relative paths of every schema file (`beta/types/microsoft.graph.keyCredential.json`), sorted. */
  paths: string[];
  /** The parsed schema of a relative path. */
  schema(relativePath: string): JsonSchema | undefined;
  /** Compiled validator for a relative path; throws when the set has no such file. */
  validator(relativePath: string): ValidateFunction;
}

/**
 * A fresh ajv configured the way graphpact validates: 2020-12, formats, lenient about unknown keywords.
 * `checkSchemas` (the default) validates every added schema against the meta-schema: tests use it.
 */
export function createAjv(opts: { checkSchemas?: boolean } = {}): Ajv2020 {
  const checkSchemas = opts.checkSchemas ?? true;
  const ajv = new Ajv2020({
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

/** Builds a set from schemas in memory (the same as on disk: relative path → schema). Validators compile lazily, once. */
export function schemaSetFromFiles(dir: string, index: SchemaIndex, files: Map<string, JsonSchema>): SchemaSet {
  const ajv = createAjv({ checkSchemas: false });
  const paths = [...files.keys()].sort();
  for (const path of paths) ajv.addSchema(files.get(path) as object, schemaId(path));
  const cache = new Map<string, ValidateFunction>();
  return {
    dir,
    index,
    paths,
    schema: (relativePath) => files.get(relativePath),
    validator(relativePath) {
      let validate = cache.get(relativePath);
      if (!validate) {
        validate = ajv.getSchema(schemaId(relativePath));
        if (!validate) throw new Error(`no schema ${relativePath} in ${dir} (run \`graphpact build\`)`);
        cache.set(relativePath, validate);
      }
      return validate;
    },
  };
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
