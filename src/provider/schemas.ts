/**
 * The JSON Schemas the provider validates request bodies with: generated from the docs by the build
 * stage (layout in src/model/schema-layout.ts, loaded by src/schema/load.ts). Looked up per API version
 * with fallbacks (the version itself, then the other served versions, then the rest of the set), so an
 * operation documented only in beta is still validated under v1.0 by this provider.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { loadSchemaSet, type SchemaSet } from '../schema/load.js';
import { documentedProperties } from '../schema/properties.js';
import { requestSchemaPath, responseSchemaPath, typeSchemaPath } from '../model/schema-layout.js';

/** Validates a value: undefined when valid, else a one-line message naming the property at fault. */
export type Validate = (value: unknown) => string | undefined;

export interface SchemaLookup {
  /** Request body validator of an operation (`deviceAppManagement.sideLoadingKeys.create`). */
  request(version: string, operationId: string): Resolved | undefined;
  /** Validator of a type (`microsoft.graph.keyCredential`). */
  type(version: string, fqName: string): Resolved | undefined;
  /** Success response body validator of an operation (open: responses may carry more than documented). */
  response(version: string, operationId: string): Resolved | undefined;
}

export interface Resolved {
  /** Schema validation, then (for request input) no property the schema does not document. */
  validate: Validate;
  /** Top-level property names the schema documents (what a created object echoes). */
  properties: string[];
  /** Relative path of the schema file that answered, for messages. */
  file: string;
}

/** Loads a built schemas directory (src/schema/load.ts). Throws one line naming the problem file. */
export async function loadSchemaLookup(dir: string, servedVersions: string[]): Promise<SchemaLookup> {
  return schemaLookup(await loadSchemaSet(dir), servedVersions);
}

/** A built set (its `paths` say what exists), or one generated on demand that says it through `has`. */
export type SchemaSource = SchemaSet & { has?(relativePath: string): boolean };

export function schemaLookup(set: SchemaSource, servedVersions: string[]): SchemaLookup {
  const available = set.has ? undefined : new Set(set.paths);
  const has = set.has ?? ((rel: string) => available!.has(rel));
  const cache = new Map<string, Resolved>();
  const resolve = (rel: string, closed = true): Resolved | undefined => {
    if (!has(rel)) return undefined;
    let hit = cache.get(rel);
    if (!hit) {
      const validator = set.validator(rel);
      const properties = documentedProperties(set, rel).filter((name) => !name.startsWith('@'));
      hit = {
        validate: (value) => (validator(value) ? (closed ? undocumented(value, properties) : undefined) : describeError(validator.errors?.[0])),
        properties,
        file: rel,
      };
      cache.set(rel, hit);
    }
    return hit;
  };
  const order = (version: string) => [...new Set([version, ...servedVersions, ...set.index.versions])];
  const firstOf = (version: string, path: (v: string) => string, closed = true) => {
    for (const v of order(version)) {
      const hit = resolve(path(v), closed);
      if (hit) return hit;
    }
    return undefined;
  };
  return {
    request: (version, operationId) => firstOf(version, (v) => requestSchemaPath(v, operationId)),
    type: (version, fqName) => firstOf(version, (v) => typeSchemaPath(v, fqName)),
    response: (version, operationId) => firstOf(version, (v) => responseSchemaPath(v, operationId), false),
  };
}

/**
 * Type schemas are open (a response may carry more than the docs say), but a request may not:
 * Graph refuses a property its type does not define. Annotations (`@odata.*`) are allowed.
 */
function undocumented(value: unknown, properties: string[]): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || properties.length === 0) return undefined;
  const unknown = Object.keys(value).find((key) => !key.startsWith('@') && !properties.includes(key));
  return unknown === undefined ? undefined : `Property '${unknown}' is not a documented property of this type.`;
}

/** A Graph-like one-line message for the first schema error. */
export function describeError(error: ErrorObject | undefined): string {
  if (!error) return 'the request body is invalid';
  const at = (child?: unknown) => {
    const parts = error.instancePath.split('/').filter(Boolean);
    if (child !== undefined) parts.push(String(child));
    return parts.join('.') || 'the body';
  };
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': return `Property '${at(p.additionalProperty)}' is not a documented property of this type.`;
    case 'unevaluatedProperties': return `Property '${at(p.unevaluatedProperty)}' is not a documented property of this type.`;
    case 'required': return `Property '${at(p.missingProperty)}' is required.`;
    case 'type': return `Property '${at()}' must be of type ${String(p.type).split(',').join(' or ')}.`;
    case 'format': return `Property '${at()}' must be a valid ${String(p.format)}.`;
    case 'enum': return `Property '${at()}' must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    default: return `Property '${at()}' ${error.message ?? 'is invalid'}.`;
  }
}
