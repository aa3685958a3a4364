/**
 * The same operation documented twice in one version becomes one Operation: the first page (by
 * file name) wins each fact, the others add paths, sources, permissions, examples and body
 * properties, and every fact they disagree on with the first is a `catalog-merge-conflict` finding.
 */
import type { Finding } from '../model/finding.js';
import type { Operation } from '../model/catalog.js';
import type { Permission, PropertyRow, TypeRef } from '../model/page.js';

/** A page of the Intune generator (`intune-*.md`). */
const INTUNE_PAGE = /(^|\/)intune-[^/]*$/i;

/** Merges operations documented by several pages (in file order): the first wins each fact. */
export function mergeOperations(ops: Operation[]): { merged: Operation; findings: Finding[] } {
  const [first, ...others] = ops;
  const findings: Finding[] = [];
  const merged: Operation = {
    ...first,
    paths: [...first.paths],
    sources: [...first.sources],
    permissions: [...first.permissions],
    examples: [...first.examples],
  };
  const permissionKeys = new Set(first.permissions.map(permissionKey));
  const where = `${first.sources[0].file}:${first.sources[0].line}`;
  const known = new Map((first.requestBody?.properties ?? []).map((p) => [p.name.toLowerCase(), p]));
  const extraProps: PropertyRow[] = [];
  // One finding for the whole group, at the first page merged into the kept one: a fact, not a defect
  // (alias pages such as table-list / workbook-list-tables, and the Intune generator's one page per
  // derived type, document one operation several times on purpose).
  if (others.length > 0) {
    const listed = others.slice(0, 3).map((o) => `${o.sources[0].file}:${o.sources[0].line}`);
    findings.push({
      ...others[0].sources[0],
      ruleId: 'catalog-duplicate-operation',
      severity: 'info',
      message: `operation ${first.id} (${first.version}) is documented by ${others.length + 1} pages, merged into the one of ${where}: ${listed.join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}`,
    });
  }
  // Disagreements between generated Intune pages (one per derived type: each documents its own body
  // and type) are expected: infos. Between hand-written pages they are a defect of one of them.
  const generated = ops.every((o) => INTUNE_PAGE.test(o.sources[0]?.file ?? ''));
  for (const other of others) {
    const at = other.sources[0];
    const conflict = (message: string): void => {
      findings.push({ ...at, ruleId: 'catalog-merge-conflict', severity: generated ? 'info' : 'warning', message: `${other.id}: ${message} (kept the value of ${where})` });
    };
    if (first.successStatus !== other.successStatus) conflict(`success status ${other.successStatus} here, ${first.successStatus} in ${where}`);
    const firstReturn = returnKey(first);
    const otherReturn = returnKey(other);
    if (firstReturn !== otherReturn) conflict(`return type ${otherReturn} here, ${firstReturn} in ${where}`);

    merged.paths.push(...other.paths);
    merged.sources.push(...other.sources);
    merged.examples.push(...other.examples);
    if (other.errorStatuses) merged.errorStatuses = [...new Set([...(merged.errorStatuses ?? []), ...other.errorStatuses])].sort((a, b) => a - b);
    for (const permission of other.permissions) {
      const key = permissionKey(permission);
      if (!permissionKeys.has(key)) {
        permissionKeys.add(key);
        merged.permissions.push(permission);
      }
    }
    for (const prop of other.requestBody?.properties ?? []) {
      const mine = known.get(prop.name.toLowerCase());
      if (!mine) {
        known.set(prop.name.toLowerCase(), prop);
        extraProps.push(prop);
      } else if (refKey(mine.type) !== refKey(prop.type)) {
        conflict(`request property ${prop.name} is ${refKey(prop.type)} here, ${refKey(mine.type)} in ${mine.file}:${mine.line}`);
      }
    }
    if (!merged.requestBody && other.requestBody) merged.requestBody = { ...other.requestBody, properties: [] };
  }
  if (merged.requestBody) merged.requestBody = { ...merged.requestBody, properties: [...(first.requestBody?.properties ?? []), ...extraProps] };
  return { merged, findings };
}

function permissionKey(p: Permission): string {
  return `${p.type}\u0000${p.raw}`;
}

function returnKey(op: Operation): string {
  return op.returnType ? refKey(op.returnType, op.returnsCollection) : 'none';
}

/** Comparable form of a type: resolved name, case-insensitive, `[]` for collections. */
export function refKey(ref: TypeRef, collection = ref.collection): string {
  return `${ref.name.toLowerCase()}${collection ? '[]' : ''}`;
}
