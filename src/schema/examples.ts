/**
 * Judging documented examples against a generated schema set (for the OpenAPI documents): the set's
 * validators accept most with a walk over the value (certainly-valid.ts) and explain a rejected one with
 * ajv's errors found by a second walk (mirrored-errors.ts), compiling with ajv only what neither is sure of.
 */
import type { ExampleCheck } from '../openapi/generate.js';
import type { FilesSchemaSet } from './load.js';

/** Validates in this thread: ajv's first error for a value, in one line; undefined when it validates. */
export function exampleCheck(set: FilesSchemaSet): ExampleCheck {
  return (schemaPath, value) => {
    const error = set.firstError(schemaPath, value);
    return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : undefined;
  };
}
