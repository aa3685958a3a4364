/**
 * buildCatalog: parsed pages → operations and types of every version. Pure and deterministic
 * (pages are processed in file order whatever order they come in).
 */
import type { Catalog, Operation } from '../model/catalog.js';
import type { Finding } from '../model/finding.js';
import type { ApiPage, ParsedPage, ResourcePage } from '../model/page.js';
import { mergeOperations } from './merge.js';
import { operationFromPage } from './operation.js';
import { TypeResolver, collectTypes } from './types.js';
import { UNVERSIONED, qualifyTypeName, typeKey } from './type-names.js';

export function buildCatalog(pages: ParsedPage[]): Catalog {
  const sorted = [...pages].sort((a, b) => compareStrings(a.file, b.file));
  const resourcePages = sorted.filter((p): p is ResourcePage => p.kind === 'resource');
  const apiPages = sorted.filter((p): p is ApiPage => p.kind === 'api');
  const findings: Finding[] = sorted.flatMap((p) => p.findings);

  const collected = collectTypes(resourcePages);
  findings.push(...collected.findings);
  const resolver = new TypeResolver(collected.types, collected.files);

  // Type properties and base types refer to other types of their version.
  for (const def of collected.types.values()) {
    def.properties = resolver.resolveRows(def.properties, def.version, def.name);
    def.relationships = resolver.resolveRows(def.relationships, def.version, def.name);
  }

  // Base types as annotations name them (their case may differ from the defining page's), else as the
  // page's prose does ("Inherits from [x]": a local name, in the type's own namespace or Graph's).
  const byLowerName = new Map([...collected.types.values()].map((t) => [typeKey(t.version, t.name.toLowerCase()), t]));
  const find = (version: string, name: string) => byLowerName.get(typeKey(version, name.toLowerCase())) ?? byLowerName.get(typeKey(UNVERSIONED, name.toLowerCase()));
  const proseBase = new Map(resourcePages.flatMap((p) => (p.proseBaseType ? [[p.file, p.proseBaseType] as const] : [])));
  const baseTypeOf = (version: string, name: string): string | undefined => {
    const def = find(version, name);
    if (!def || def.baseType) return def?.baseType;
    const prose = proseBase.get(def.source.file);
    if (!prose) return undefined;
    const own = `${def.name.slice(0, def.name.lastIndexOf('.'))}.${prose}`;
    return prose.includes('.') ? qualifyTypeName(prose) : find(version, own) ? own : qualifyTypeName(prose);
  };

  const byKey = new Map<string, Operation[]>();
  for (const page of apiPages) {
    const derived = operationFromPage(page);
    findings.push(...derived.findings);
    if (!derived.operation) continue;
    const op = resolveOperationTypes(derived.operation, resolver);
    // Graph paths are case-insensitive, and ids become file names: `Events` and `events` are one operation.
    const key = `${op.version}\u0000${op.id.toLowerCase()}`;
    const group = byKey.get(key);
    if (group) group.push(op);
    else byKey.set(key, [op]);
  }
  const merged: Operation[] = [];
  for (const group of byKey.values()) {
    if (group.length === 1) {
      merged.push(group[0]);
      continue;
    }
    const result = mergeOperations(group, baseTypeOf);
    merged.push(result.merged);
    findings.push(...result.findings);
  }
  findings.push(...resolver.findings);

  const operations = merged.sort((a, b) => compareStrings(a.version, b.version) || compareStrings(a.id, b.id));
  const versions = [...new Set([...operations.map((o) => o.version), ...[...collected.types.values()].map((t) => t.version)])].sort(compareStrings);
  const types = new Map([...collected.types.entries()].sort(([a], [b]) => compareStrings(a, b)));
  return { versions, operations, types, findings: sortFindings(findings) };
}

function resolveOperationTypes(op: Operation, resolver: TypeResolver): Operation {
  const at = op.sources[0];
  const out: Operation = { ...op };
  if (op.returnType) out.returnType = resolver.resolve(op.returnType, op.version, at, `${op.id} response`);
  if (op.requestBody) {
    const body = { ...op.requestBody, properties: resolver.resolveRows(op.requestBody.properties, op.version, `${op.id} request body`) };
    if (op.requestBody.representationOf) {
      body.representationOf = resolver.resolve(op.requestBody.representationOf, op.version, op.requestBody.source, `${op.id} request body`);
    }
    out.requestBody = body;
  }
  return out;
}

/** Code-point order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message),
  );
}
