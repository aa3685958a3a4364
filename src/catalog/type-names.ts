/** Graph type names: qualification and the lookup key shared by the catalog and schema generation. */

export const UNVERSIONED = 'unversioned';
const DEFAULT_NAMESPACE = 'microsoft.graph';

/**
 * Fully qualifies a type name as written in docs: `keyCredential` → `microsoft.graph.keyCredential`;
 * `#microsoft.graph.x`, `Collection(microsoft.graph.x)` and `graph.x` are accepted.
 */
export function qualifyTypeName(name: string): string {
  let n = name.trim().replace(/^#/, '');
  const collection = /^Collection\((.*)\)$/i.exec(n);
  if (collection) n = collection[1].trim();
  n = n.replace(/[`*[\]]/g, '');
  if (/^graph\./i.test(n)) n = 'microsoft.' + n;
  return n.includes('.') ? n : `${DEFAULT_NAMESPACE}.${n}`;
}

/** Key of a type in Catalog.types. */
export function typeKey(version: string, fqName: string): string {
  return `${version}:${fqName}`;
}
