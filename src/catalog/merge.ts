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

/** The base type of a type visible in a version (fully qualified), when its page names one. */
export type BaseTypeOf = (version: string, fqName: string) => string | undefined;

/** The nearest type both derive from (either of them included), lower-cased; undefined when none is documented. */
function commonBase(version: string, a: string, b: string, baseOf: BaseTypeOf): string | undefined {
  const chain = (name: string): string[] => {
    const out: string[] = [];
    for (let t: string | undefined = name; t && !out.includes(t.toLowerCase()); t = baseOf(version, t)) out.push(t.toLowerCase());
    return out;
  };
  const ofB = new Set(chain(b));
  return chain(a).find((t) => ofB.has(t));
}

/** The root every entity derives from: sharing only it says nothing about two pages. */
const ROOT_TYPES = new Set(['microsoft.graph.entity', 'graph.entity', 'entity']);

/**
 * One page per derived type (namedLocation / countryNamedLocation / ipNamedLocation: each page documents
 * the same GET for its own subtype): two pages whose return types differ but derive one from the other, or
 * from a common documented base other than entity, document the operation per type on purpose.
 */
function perDerivedType(first: Operation, other: Operation, baseOf: BaseTypeOf | undefined): boolean {
  if (!baseOf || !first.returnType || !other.returnType) return false;
  if (first.returnType.kind !== 'named' || other.returnType.kind !== 'named' || first.returnsCollection !== other.returnsCollection) return false;
  const common = commonBase(first.version, first.returnType.name, other.returnType.name, baseOf);
  return common !== undefined && !ROOT_TYPES.has(common);
}

/** Merges operations documented by several pages (in file order): the first wins each fact. */
export function mergeOperations(ops: Operation[], baseOf?: BaseTypeOf): { merged: Operation; findings: Finding[] } {
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
  // and type) are expected: infos. So are a hand-written page per derived type's return type and body.
  // Other disagreements between hand-written pages are a defect of one of them.
  const generated = ops.every((o) => INTUNE_PAGE.test(o.sources[0]?.file ?? ''));
  for (const other of others) {
    const at = other.sources[0];
    const derived = perDerivedType(first, other, baseOf);
    const conflict = (message: string, expected = false): void => {
      const note = derived && expected && !generated ? '; one page per derived type' : '';
      findings.push({ ...at, ruleId: 'catalog-merge-conflict', severity: generated || (derived && expected) ? 'info' : 'warning', message: `${other.id}: ${message} (kept the value of ${where}${note})` });
    };
    if (first.successStatus !== other.successStatus) conflict(`success status ${other.successStatus} here, ${first.successStatus} in ${where}`);
    const firstReturn = returnKey(first);
    const otherReturn = returnKey(other);
    // A page that leaves the returned type unnamed (it links only an expanded part) does not disagree;
    // when it is the kept one, the type another page names is taken.
    if (first.returnTypeUnstated && !merged.returnType && other.returnType) {
      merged.returnType = other.returnType;
      merged.returnsCollection = other.returnsCollection;
      delete merged.returnTypeUnstated;
    }
    const unstated = (first.returnTypeUnstated && !first.returnType) || (other.returnTypeUnstated && !other.returnType);
    if (!unstated && firstReturn !== otherReturn) conflict(`return type ${otherReturn} here, ${firstReturn} in ${where}`, true);

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
        conflict(`request property ${prop.name} is ${refKey(prop.type)} here, ${refKey(mine.type)} in ${mine.file}:${mine.line}`, true);
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
