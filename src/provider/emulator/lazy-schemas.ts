/**
 * The emulator's schemas, generated from the catalog on demand: a route's request (or response) schema and
 * the type schemas it `$ref`s are generated, registered with ajv and compiled the first time a request needs
 * them, never at start-up. The files are the ones `graphpact build` writes (the same generate.ts functions);
 * on the shared corpus this takes about 1 s of CPU (8,000 schemas generated and registered) off the start.
 *
 *   const set = lazySchemaSet(catalog);
 *   set.has('v1.0/operations/users.create.request.json');   // generates that one schema
 *   set.validator('v1.0/operations/users.create.request.json')(body);   // + its types, compiled once
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Catalog, Operation, TypeDef } from '../../model/catalog.js';
import { requestSchemaPath, responseSchemaPath, schemaId, typeSchemaPath, SCHEMA_ID_BASE } from '../../model/schema-layout.js';
import type { JsonSchema } from '../../schema/edm.js';
import { requestSchema, responseSchema, schemaVersions, typeSchema, visibleTypes } from '../../schema/generate.js';
import { createAjv, type SchemaSet } from '../../schema/load.js';

/** A schema set whose files exist once asked for: `has` says whether the catalog defines one. */
export interface LazySchemaSet extends SchemaSet {
  has(relativePath: string): boolean;
}

export function lazySchemaSet(catalog: Catalog, dir = '(schemas generated from --docs)'): LazySchemaSet {
  const versions = schemaVersions(catalog);
  // As generateSchemas writes them: a later operation with the same id and version replaces an earlier one.
  const operations = new Map<string, { op: Operation; kind: 'request' | 'response' }>();
  for (const op of catalog.operations) {
    operations.set(requestSchemaPath(op.version, op.id), { op, kind: 'request' });
    operations.set(responseSchemaPath(op.version, op.id), { op, kind: 'response' });
  }
  const typesOfVersion = new Map<string, Map<string, TypeDef>>();
  const typeOf = (version: string, name: string): TypeDef | undefined => {
    if (!versions.includes(version)) return undefined;
    let types = typesOfVersion.get(version);
    if (!types) typesOfVersion.set(version, (types = new Map(visibleTypes(catalog, version).map((def) => [def.name, def]))));
    return types.get(name);
  };

  const generated = new Map<string, JsonSchema | undefined>();
  const schema = (path: string): JsonSchema | undefined => {
    if (generated.has(path)) return generated.get(path);
    const made = generate(path);
    generated.set(path, made);
    return made;
  };
  const generate = (path: string): JsonSchema | undefined => {
    const entry = operations.get(path);
    if (entry) {
      const ctx = { version: entry.op.version, fromPath: path, types: catalog.types };
      return entry.kind === 'request' ? requestSchema(entry.op, ctx) : responseSchema(entry.op, ctx);
    }
    const type = /^([^/]+)\/types\/(.+)\.json$/.exec(path);
    const def = type ? typeOf(type[1], type[2]) : undefined;
    return def && type ? typeSchema(def, { version: type[1], fromPath: path, types: catalog.types }) : undefined;
  };

  const ajv = createAjv({ checkSchemas: false });
  const registered = new Set<string>();
  /** Adds a schema and, first, every schema its `$ref`s reach (ajv resolves them when it compiles). */
  const register = (path: string): void => {
    if (registered.has(path)) return;
    const found = schema(path);
    if (!found) return;
    registered.add(path);
    for (const ref of refsOf(found)) {
      const url = new URL(ref, schemaId(path));
      if (url.href.startsWith(SCHEMA_ID_BASE)) register(decodeURIComponent(url.href.slice(SCHEMA_ID_BASE.length).split('#')[0]));
    }
    ajv.addSchema(found as object, schemaId(path));
  };
  const compiled = new Map<string, ValidateFunction>();

  return {
    dir,
    index: { versions, operations: [] },
    paths: [],
    has: (path) => schema(path) !== undefined,
    schema,
    validator(path) {
      let validate = compiled.get(path);
      if (!validate) {
        register(path);
        validate = ajv.getSchema(schemaId(path));
        if (!validate) throw new Error(`no schema ${path} generated from ${dir}`);
        compiled.set(path, validate);
      }
      return validate;
    },
  };
}

/** Every `$ref` string in a schema. */
function refsOf(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) refsOf(item, out);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsOf(value, out);
    }
  }
  return out;
}
