/**
 * The documented operations the verifier exercises: schemas/index.json entries of the provider's API
 * version, each with its response validator (ajv, via src/schema/load.ts) and the top-level property
 * names its returned type documents (to tell undocumented extras and envelopes apart from real defects).
 */
import { documentedProperties } from '../schema/properties.js';
import type { SchemaSet } from '../schema/load.js';
import type { SchemaVerdict } from './checks.js';
import type { DocumentedOperation } from './conformance.js';

/** `https://graph.microsoft.com/beta/` → `beta`: the last path segment of the service root. */
export function versionOfBaseUrl(baseUrl: string): string {
  const segments = new URL(baseUrl).pathname.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

export function documentedOperations(set: SchemaSet, version: string): DocumentedOperation[] {
  return set.index.operations
    .filter((entry) => entry.version === version)
    .map((entry) => {
      const response = entry.response;
      return {
        id: entry.id,
        version: entry.version,
        method: entry.method,
        path: entry.path,
        successStatus: entry.successStatus,
        validateResponse: response ? responseValidator(set, response) : undefined,
        documentedProperties: response ? documentedProperties(set, response) : [],
      };
    });
}

function responseValidator(set: SchemaSet, relativePath: string): (body: unknown) => SchemaVerdict {
  const validate = set.validator(relativePath);
  return (body) => {
    const valid = validate(body) as boolean;
    const errors = (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword }));
    return { valid, errors };
  };
}
