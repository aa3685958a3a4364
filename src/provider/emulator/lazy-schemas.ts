/**
 * The emulator's schemas, generated from the catalog on demand: a route's request (or response) schema and
 * the type schemas it `$ref`s are generated the first time a request needs them (and compiled then, by the
 * schema set of schema/load.ts), never at start-up. The files are the ones `graphpact build` writes (the same
 * generate.ts functions); on the shared corpus this takes about 1 s of CPU (8,475 schemas) off the start.
 *
 *   const set = lazySchemaSet(catalog);
 *   set.has('v1.0/operations/users.create.request.json');   // generates that one schema
 *   set.validator('v1.0/operations/users.create.request.json')(body);   // + its types, compiled once
 */
import type { Catalog, Operation, TypeDef } from '../../model/catalog.js';
import { requestSchemaPath, responseSchemaPath } from '../../model/schema-layout.js';
import type { JsonSchema } from '../../schema/edm.js';
import { requestSchema, responseSchema, schemaVersions, typeSchema, visibleTypes } from '../../schema/generate.js';
import { schemaSetFromFiles, type SchemaSet } from '../../schema/load.js';

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
  // The set compiles a file, and each file it `$ref`s, when a value first needs it (schema/load.ts): it only
  // ever asks the map for files by path, so the map generates them then.
  const files = new GeneratedFiles(generate);
  const set = schemaSetFromFiles(dir, { versions, operations: [] }, files);
  return { ...set, has: (path) => files.has(path) };
}

/** Schema files by relative path, each generated the first time it is asked for (and remembered, absent ones too). */
class GeneratedFiles extends Map<string, JsonSchema> {
  private readonly absent = new Set<string>();

  constructor(private readonly generate: (path: string) => JsonSchema | undefined) {
    super();
  }

  override get(path: string): JsonSchema | undefined {
    if (super.has(path) || this.absent.has(path)) return super.get(path);
    const made = this.generate(path);
    if (made) super.set(path, made);
    else this.absent.add(path);
    return made;
  }

  override has(path: string): boolean {
    return this.get(path) !== undefined;
  }
}
