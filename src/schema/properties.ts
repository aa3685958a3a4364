/**
 * What a generated schema documents, read from the schema set: the property names a type declares.
 * Shared by the provider (a request may only carry documented properties) and the verifier (a response's
 * extra properties are warnings), so both agree on what "documented" means.
 */
import { SCHEMA_ID_BASE, schemaId } from '../model/schema-layout.js';
import type { SchemaSet } from './load.js';

type Schema = Record<string, unknown>;

/**
 * Property names a schema declares at the top level, following `$ref` (across files), `allOf` and the
 * non-null branches of `anyOf`/`oneOf` (nullable references). Sorted, without duplicates.
 */
export function documentedProperties(set: SchemaSet, relativePath: string): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (schema: unknown, at: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Schema;
    if (s.properties && typeof s.properties === 'object') for (const name of Object.keys(s.properties)) names.add(name);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) for (const part of s[key] as unknown[]) visit(part, at);
    }
    if (typeof s.$ref === 'string') {
      const target = resolveRef(set, s.$ref, at);
      if (target && !seen.has(`${target.path}#${target.pointer}`)) {
        seen.add(`${target.path}#${target.pointer}`);
        visit(target.schema, target.path);
      }
    }
  };
  visit(set.schema(relativePath), relativePath);
  return [...names].sort();
}

/** Resolves a `$ref` written in the file `at` (relative path) to the schema it points to. */
function resolveRef(set: SchemaSet, ref: string, at: string): { path: string; pointer: string; schema: unknown } | undefined {
  const url = new URL(ref, schemaId(at));
  if (!url.href.startsWith(SCHEMA_ID_BASE)) return undefined;
  const path = decodeURIComponent(url.href.slice(SCHEMA_ID_BASE.length).split('#')[0]);
  const pointer = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
  let schema: unknown = set.schema(path);
  for (const token of pointer.split('/').filter(Boolean)) {
    schema = schema && typeof schema === 'object' ? (schema as Schema)[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return schema === undefined ? undefined : { path, pointer, schema };
}
