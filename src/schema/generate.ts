/**
 * Catalog → JSON Schema files (2020-12), in the layout of src/model/schema-layout.ts. Pure: returns
 * relative path → schema; src/schema/write.ts puts them on disk.
 *
 * Policy (why the schemas look the way they do):
 * - Types and responses allow unknown properties (Graph adds properties over time); known ones are
 *   typed, nullable unless documented "Not nullable"; nothing is required.
 * - Request bodies reject unknown properties (a provider does), apart from `@odata.*` annotations.
 * - Type schemas never say `additionalProperties: true` explicitly: that would mark every property
 *   as evaluated and defeat `unevaluatedProperties: false` in request schemas that `$ref` them.
 */
import type { Catalog, Operation, TypeDef } from '../model/catalog.js';
import type { Finding, SourcePos } from '../model/finding.js';
import type { PropertyRow } from '../model/page.js';
import type { SchemaIndex, SchemaIndexEntry } from '../model/schema-layout.js';
import { requestSchemaPath, responseSchemaPath, schemaId, typeSchemaPath } from '../model/schema-layout.js';
import { UNVERSIONED, compareStrings } from '../catalog/index.js';
import type { JsonSchema } from './edm.js';
import { mergedInOrder, propertiesSchema, refTarget, relativeRef, singleValueSchema, type RefContext } from './type-ref.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const SOURCE_KEYWORD = 'x-graphpact-source';
/** Ids of the errata (apidocs/errata) that corrected what a schema, operation or example says. */
export const ERRATA_KEYWORD = 'x-graphpact-errata';

/** `{ 'x-graphpact-errata': [ids] }` when any erratum touched the element, else nothing (sorted, unique). */
export function errataMark(...lists: Array<readonly string[] | undefined>): Record<string, string[]> {
  const ids = [...new Set(lists.flatMap((l) => l ?? []))].sort(compareStrings);
  return ids.length > 0 ? { [ERRATA_KEYWORD]: ids } : {};
}

/** `@odata.*` control information is allowed on every object (`@odata.type` is a string). */
const ODATA_ANNOTATIONS = { '^@odata\\.': {} };
// Keys in sorted order, as the writer writes them (it copies an object whose keys are not: this one is in
// almost every type).
const ODATA_TYPE = { description: 'OData type annotation (`#microsoft.graph.x`).', type: 'string' };

export interface GeneratedSchemas {
  /** Relative path (`beta/types/microsoft.graph.keyCredential.json`) → schema. */
  files: Map<string, JsonSchema>;
  index: SchemaIndex;
  findings: Finding[];
}

/** Versions that get a folder: those with operations (every one sees the unversioned types), else all. */
export function schemaVersions(catalog: Catalog): string[] {
  const withOps = [...new Set(catalog.operations.map((o) => o.version))].sort(compareStrings);
  return withOps.length > 0 ? withOps : catalog.versions;
}

/** Types visible in a version: its own, plus unversioned ones it does not redefine. */
export function visibleTypes(catalog: Catalog, version: string): TypeDef[] {
  const byName = new Map<string, TypeDef>();
  for (const def of catalog.types.values()) if (def.version === version) byName.set(def.name, def);
  for (const def of catalog.types.values()) if (def.version === UNVERSIONED && !byName.has(def.name)) byName.set(def.name, def);
  return [...byName.values()].sort((a, b) => compareStrings(a.name, b.name));
}

export function generateSchemas(catalog: Catalog): GeneratedSchemas {
  const files = new Map<string, JsonSchema>();
  const findings: Finding[] = [];
  const entries: SchemaIndexEntry[] = [];
  const versions = schemaVersions(catalog);
  for (const version of versions) {
    for (const def of visibleTypes(catalog, version)) {
      const path = typeSchemaPath(version, def.name);
      files.set(path, typeSchema(def, { version, fromPath: path, types: catalog.types }, findings));
    }
  }
  // Every operation's version has a folder (schemaVersions is derived from them).
  for (const op of catalog.operations) {
    const requestPath = requestSchemaPath(op.version, op.id);
    const request = requestSchema(op, { version: op.version, fromPath: requestPath, types: catalog.types });
    if (request) files.set(requestPath, request);
    const responsePath = responseSchemaPath(op.version, op.id);
    const response = responseSchema(op, { version: op.version, fromPath: responsePath, types: catalog.types });
    if (response) files.set(responsePath, response);
    // Keys in sorted order, as the writer writes them (header's comment).
    entries.push({
      id: op.id,
      method: op.method,
      path: op.path,
      ...(request ? { request: requestPath } : {}),
      ...(response ? { response: responsePath } : {}),
      source: { file: op.sources[0].file, line: op.sources[0].line },
      successStatus: op.successStatus,
      version: op.version,
    });
  }
  // An unversioned type is generated once per version: report its problems once.
  const unique = [...new Map(findings.map((f) => [`${f.file}:${f.line}:${f.ruleId}:${f.message}`, f])).values()];
  return { files, index: { versions, operations: entries }, findings: unique };
}

/**
 * The members every schema file starts from. Schema files are built with their keys in sorted order, as the
 * writer writes them (it copies an object whose keys are not): `file(head, body)` with body's keys sorted.
 */
function header(path: string, title: string, description: string | undefined, source: SourcePos, errata?: readonly string[]): JsonSchema {
  const out: JsonSchema = { $id: schemaId(path), $schema: JSON_SCHEMA_DIALECT };
  if (description && description.trim()) out.description = description.trim();
  out.title = title;
  Object.assign(out, errataMark(errata));
  out[SOURCE_KEYWORD] = { file: source.file, line: source.line };
  return out;
}

/** A schema file: its header's members and the body's, in sorted order. */
const file = mergedInOrder;

export function typeSchema(def: TypeDef, ctx: RefContext, findings: Finding[] = []): JsonSchema {
  const head = header(ctx.fromPath, def.name, def.description, def.source, def.errata);
  if (def.kind === 'enum') {
    // An enum without documented members still is a string.
    return def.members && def.members.length > 0 ? file(head, { enum: [...new Set(def.members)], type: 'string' }) : file(head, { type: 'string' });
  }
  const body: JsonSchema = {};
  if (def.baseType) {
    const base = refTarget({ raw: def.baseType, kind: 'named', name: def.baseType, collection: false }, ctx);
    if (base && base.name !== def.name) {
      body.allOf = [{ $ref: relativeRef(ctx.fromPath, typeSchemaPath(ctx.version, base.name)) }];
    } else {
      findings.push({ ...def.source, ruleId: 'schema-unresolved-base-type', severity: 'warning', message: `${def.name}: base type ${def.baseType} is defined by no resource page; its properties are not inherited` });
    }
  }
  body.patternProperties = ODATA_ANNOTATIONS;
  body.properties = { '@odata.type': ODATA_TYPE, ...propertiesSchema([...def.properties, ...def.relationships], ctx) };
  body.type = 'object';
  return file(head, body);
}

/** Request body schema; undefined when the operation takes no body. */
export function requestSchema(op: Operation, ctx: RefContext): JsonSchema | undefined {
  const body = op.requestBody;
  if (!body) return undefined;
  const head = header(ctx.fromPath, `${op.title}: request body`, op.description || `Request body of ${op.method} ${op.path}.`, body.source, [...(op.errata ?? []), ...(body.errata ?? [])]);
  if (body.representationOf && body.properties.length === 0) {
    const def = refTarget(body.representationOf, ctx);
    if (!def || def.kind === 'enum') return file(head, { type: 'object' });
    // The type allows unknown properties; a request does not: close it over the type's own and inherited
    // properties, written out. (`$ref` + `unevaluatedProperties: false` says the same, but only a complete
    // 2020-12 reader understands it; OpenAPI tools and PactFlow's comparator read it as an open object.)
    const closed = closedObject(inheritedRows(def, ctx), ctx);
    return file(head, { ...closed, properties: { '@odata.type': ODATA_TYPE, ...(closed.properties as object) } });
  }
  const table = closedObject(body.properties, ctx);
  if (body.wrapperProperty) {
    return file(head, { additionalProperties: false, patternProperties: ODATA_ANNOTATIONS, properties: { [body.wrapperProperty]: table }, type: 'object' });
  }
  return file(head, table);
}

/** Properties of a type and of its base types (the type's own first: they win a repeated name). */
function inheritedRows(def: TypeDef, ctx: RefContext): PropertyRow[] {
  const rows: PropertyRow[] = [];
  const seen = new Set<string>();
  for (let at: TypeDef | undefined = def; at && !seen.has(at.name); ) {
    seen.add(at.name);
    rows.push(...at.properties, ...at.relationships);
    at = at.baseType ? refTarget({ raw: at.baseType, kind: 'named', name: at.baseType, collection: false }, ctx) : undefined;
  }
  return rows;
}

function closedObject(rows: PropertyRow[], ctx: RefContext): JsonSchema {
  const required = [...new Set(rows.filter((r) => r.required === true && r.name).map((r) => r.name))];
  const out: JsonSchema = { additionalProperties: false, patternProperties: ODATA_ANNOTATIONS, properties: propertiesSchema(rows, ctx) };
  if (required.length > 0) out.required = required;
  out.type = 'object';
  return out;
}

/**
 * Success response schema; undefined for 204 and when the docs name no returned type.
 * Collections are `{ value: [...] }` with paging links; primitives and enums are `{ value: x }`
 * (OData's wrapping of non-entity results); entities and complex types are the type itself.
 */
export function responseSchema(op: Operation, ctx: RefContext): JsonSchema | undefined {
  const ret = op.returnType;
  if (!ret || op.successStatus === 204) return undefined;
  const head = header(ctx.fromPath, `${op.title}: ${op.successStatus} response body`, op.description || `${op.successStatus} response body of ${op.method} ${op.path}.`, op.sources[0], op.errata);
  const item = singleValueSchema({ ...ret, collection: false }, ctx);
  const context = { type: 'string' };
  if (op.returnsCollection || ret.collection) {
    return file(head, {
      properties: {
        value: { items: item, type: 'array' },
        '@odata.context': context,
        '@odata.nextLink': { description: 'URL of the next page of results (present while there are more).', type: 'string' },
        '@odata.count': { description: 'Total number of items, when $count=true was requested.', minimum: 0, type: 'integer' },
      },
      required: ['value'],
      type: 'object',
    });
  }
  const target = refTarget(ret, ctx);
  // allOf, not `$ref` beside the title and description: tools read a `$ref` with siblings as an empty object.
  if (target && target.kind !== 'enum') return file(head, { allOf: [item], type: 'object' });
  if (ret.kind === 'named' && !target) return file(head, { type: 'object' });
  if (ret.kind === 'unknown') return head; // free text we could not read: accept any body
  return file(head, { properties: { value: item, '@odata.context': context }, required: ['value'], type: 'object' });
}
