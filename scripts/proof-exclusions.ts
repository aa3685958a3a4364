/**
 * What the corpus proof (test/verify/corpus-proof.test.ts) and `npm run bench:verify` leave out of the selection in
 * scripts/corpus-selection.txt, computed, never hand-picked.
 *
 * Docs defects in the documented example response, as lint reports them. Where the emulator answers with the
 * documented example (an action, a function, a singleton or other single-valued get/update: its route table, as
 * `graphpact operations` reads it), an operation whose example is wrong gets that defect back and the emulator is
 * no conformant reference: those are left out (an erratum correcting the example brings the operation back).
 * Entity-set operations answer stored objects, so their examples' defects do not matter there; what cannot be
 * verified at all is reported not applicable by verify itself.
 */
import type { Catalog, Operation } from '../src/model/catalog.js';
import type { SchemaSet } from '../src/schema/load.js';
import { lintDocs } from '../src/lint/engine.js';
import { allRules } from '../src/lint/rules/index.js';
import { pathKey, selectionOf } from '../src/select/index.js';
import { buildRouteTable, templateKey } from '../src/provider/emulator/route-table.js';

export const DOCS_DEFECT_RULES = ['example-response-envelope', 'example-response-invalid'];

/**
 * `version:id` → why, for the operations the emulator answers from a documented example a DOCS_DEFECT_RULES rule
 * rejects: their own, or for the update of a singleton, the example of its GET (the emulator's singleton).
 */
export function docsDefects(pages: Parameters<typeof lintDocs>[0], catalog: Catalog, schemaSet: SchemaSet): Map<string, string> {
  const findings = lintDocs(pages, catalog, schemaSet, { rules: allRules.filter((r) => DOCS_DEFECT_RULES.includes(r.id)) })
    .filter((f) => DOCS_DEFECT_RULES.includes(f.ruleId));
  const byFile = new Map<string, string>();
  for (const f of findings) if (!byFile.has(f.file)) byFile.set(f.file, `${f.ruleId} at ${f.file}:${f.line}`);
  const defectOf = (op: Operation) => op.sources.map((s) => byFile.get(s.file)).find(Boolean);
  // The route of the operation's own (first) documented path: the one verify sends the documented request to.
  const fromExample = buildRouteTable(catalog.operations).routes
    .filter((r) => pathKey(r.path) === pathKey(r.operation.path) && (r.kind === 'action' || r.kind === 'function' || r.singleValued));
  const singletonGets = new Map(fromExample.filter((r) => r.kind === 'get' && defectOf(r.operation)).map((r) => [`${r.version}:${templateKey(r.segments)}`, defectOf(r.operation)!]));
  const out = new Map<string, string>();
  for (const r of fromExample) {
    const own = defectOf(r.operation);
    const why = own ?? (r.kind === 'update' ? singletonGets.get(`${r.version}:${templateKey(r.segments)}`)?.concat(' (the GET of the same singleton)') : undefined);
    if (why && !out.has(`${r.version}:${r.operationId}`)) out.set(`${r.version}:${r.operationId}`, why);
  }
  return out;
}


/** The `!id` terms that leave the selection's docs defects out (beta), with why, for a selection text. */
export function exclusionsOf(selectionText: string, catalog: Catalog, defects: Map<string, string>): { terms: string[]; why: string[] } {
  const selection = selectionOf(selectionText);
  const left = catalog.operations.filter((op) => op.version === 'beta' && defects.has(`beta:${op.id}`) && selection.matches(op));
  return { terms: left.map((op) => `!${op.id}`), why: left.map((op) => `${op.id}: ${defects.get(`beta:${op.id}`)}`) };
}
