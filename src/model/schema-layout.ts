/**
 * Where generated schemas live and what they are called. Every stage that reads schemas
 * (lint, provider, contracts, verify) goes through these functions, never string-building paths itself.
 *
 * Layout under the schemas directory (default `schemas/`):
 *   <version>/types/<fqName>.json                    one per resource/complex/enum type
 *   <version>/operations/<operationId>.request.json  request body (absent when no body)
 *   <version>/operations/<operationId>.response.json success response body (absent for 204)
 *   openapi.<version>.json                           OpenAPI 3.1 per version
 *   index.json                                       { versions, operations: [{version,id,method,path,successStatus,request?,response?}] }
 */
export const SCHEMA_ID_BASE = 'https://graphpact.dev/schemas/';

export function typeSchemaPath(version: string, fqName: string): string {
  return `${version}/types/${fqName}.json`;
}

export function requestSchemaPath(version: string, operationId: string): string {
  return `${version}/operations/${operationId}.request.json`;
}

export function responseSchemaPath(version: string, operationId: string): string {
  return `${version}/operations/${operationId}.response.json`;
}

/** The index of a schemas directory (see SchemaIndex). */
export const INDEX_FILE = 'index.json';

export function openApiPath(version: string): string {
  return `openapi.${version}.json`;
}

/** `$id` of a schema file: the base plus its relative path. */
export function schemaId(relativePath: string): string {
  return SCHEMA_ID_BASE + relativePath;
}

/** One entry of `index.json`: what the provider and verifier need to find an operation's schemas. */
export interface SchemaIndexEntry {
  version: string;
  id: string;
  method: string;
  path: string;
  successStatus: number;
  /** Relative path of the request schema, when the operation has a body. */
  request?: string;
  /** Relative path of the success response schema, when it returns a body. */
  response?: string;
  source: { file: string; line: number };
}

export interface SchemaIndex {
  versions: string[];
  operations: SchemaIndexEntry[];
}
