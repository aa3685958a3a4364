/**
 * Judging documented examples against a generated schema set (for the OpenAPI documents): the set's
 * validators accept most with a walk over the value (certainly-valid.ts) and explain a rejected one with
 * ajv's errors found by a second walk (mirrored-errors.ts), compiling with ajv only what neither is sure of.
 */
import type { ExampleCheck } from '../openapi/generate.js';
import type { SchemaSet } from './load.js';

/** ajv's first error for a value, in one line; undefined when it validates. */
export function firstError(set: SchemaSet, schemaPath: string, value: unknown): string | undefined {
  const validate = set.validator(schemaPath);
  if (validate(value)) return undefined;
  const error = validate.errors?.[0];
  return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'does not validate';
}

/** Validates in this thread (compiled on first use): the first error, in one line. */
export function exampleCheck(set: SchemaSet): ExampleCheck {
  return (schemaPath, value) => firstError(set, schemaPath, value);
}
