/**
 * The same operation documented twice in one version becomes one Operation: the first page (by
 * file name) wins each fact, the others add paths, sources, permissions, examples and body
 * properties, and every fact they disagree on is a `catalog-merge-conflict` finding.
 */
import type { Finding } from '../model/finding.js';
import type { Operation } from '../model/catalog.js';
import type { TypeRef } from '../model/page.js';

export function mergeOperations(first: Operation, other: Operation): { merged: Operation; findings: Finding[] } {
  const at = other.sources[0];
  const where = `${first.sources[0].file}:${first.sources[0].line}`;
  const findings: Finding[] = [
    {
      ...at,
      ruleId: 'catalog-duplicate-operation',
      severity: 'warning',
      message: `operation ${other.id} (${other.version}) is also documented in ${where}; the two are merged`,
    },
  ];
  const conflict = (message: string): void => {
    findings.push({ ...at, ruleId: 'catalog-merge-conflict', severity: 'warning', message: `${other.id}: ${message} (kept the value of ${where})` });
  };
  if (first.successStatus !== other.successStatus) conflict(`success status ${other.successStatus} here, ${first.successStatus} in ${where}`);
  const firstReturn = returnKey(first);
  const otherReturn = returnKey(other);
  if (firstReturn !== otherReturn) conflict(`return type ${otherReturn} here, ${firstReturn} in ${where}`);

  const merged: Operation = {
    ...first,
    paths: [...first.paths, ...other.paths],
    sources: [...first.sources, ...other.sources],
    permissions: [...first.permissions, ...other.permissions.filter((p) => !first.permissions.some((q) => q.type === p.type && q.raw === p.raw))],
    examples: [...first.examples, ...other.examples],
  };
  if (first.requestBody && other.requestBody) {
    const known = new Map(first.requestBody.properties.map((p) => [p.name.toLowerCase(), p]));
    for (const prop of other.requestBody.properties) {
      const mine = known.get(prop.name.toLowerCase());
      if (mine && refKey(mine.type) !== refKey(prop.type)) {
        conflict(`request property ${prop.name} is ${refKey(prop.type)} here, ${refKey(mine.type)} in ${where}`);
      }
    }
    const extra = other.requestBody.properties.filter((p) => !known.has(p.name.toLowerCase()));
    merged.requestBody = { ...first.requestBody, properties: [...first.requestBody.properties, ...extra] };
  } else if (!first.requestBody && other.requestBody) {
    merged.requestBody = other.requestBody;
  }
  return { merged, findings };
}

function returnKey(op: Operation): string {
  return op.returnType ? refKey(op.returnType, op.returnsCollection) : 'none';
}

/** Comparable form of a type: resolved name, case-insensitive, `[]` for collections. */
export function refKey(ref: TypeRef, collection = ref.collection): string {
  return `${ref.name.toLowerCase()}${collection ? '[]' : ''}`;
}
