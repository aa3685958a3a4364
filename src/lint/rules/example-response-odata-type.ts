import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { annotationKeyLine, derivesFrom, documentedResponse, findType, localTypeName, pageVersionOf } from '../doc-facts.js';
import { qualifyTypeName } from '../../catalog/index.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-odata-type',
  severity: 'warning',
  purpose: "A response annotation's @odata.type names the type the Response section says is returned.",
  given: 'example',
  check({ page, example, operation }, ctx) {
    const ann = example.response?.annotation;
    const annotated = ann?.data['@odata.type'];
    const documented = documentedResponse(page, operation)?.returnType;
    if (!ann || typeof annotated !== 'string' || !annotated.trim() || !documented || documented.kind !== 'named') return [];
    const at = { file: ann.file, line: annotationKeyLine(ann, '@odata.type') };
    const a = qualifyTypeName(annotated);
    const d = qualifyTypeName(documented.name);
    if (a === d) return [];
    // A name written without namespace (`updatableAssetGroup`) may live in another namespace
    // (`microsoft.graph.windowsUpdates`): then only the local names can be compared.
    if (!documented.name.includes('.') && localTypeName(a) === localTypeName(d)) return [];
    if (a.toLowerCase() === d.toLowerCase()) {
      return [findingAt(rule, at, `annotation @odata.type "${annotated}" differs only in case from the documented ${d}`, { severity: 'warning', fix: d })];
    }
    // A derived or base type of the documented one is a weaker disagreement.
    const version = pageVersionOf(page, operation);
    const annotatedDef = findType(ctx.catalog, version, a);
    const documentedDef = findType(ctx.catalog, version, d);
    const related = annotatedDef && documentedDef && (derivesFrom(ctx.catalog, annotatedDef, documentedDef) || derivesFrom(ctx.catalog, documentedDef, annotatedDef));
    // A warning: the annotation is informative, and Graph returns subtypes whose inheritance pages
    // often state only in prose (room / place).
    return [findingAt(rule, at, `annotation @odata.type "${annotated}" differs from the documented returned type ${localTypeName(d)}${related ? ' (a base or derived type)' : ''}`, { fix: d })];
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ responseAnnotation: '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.gadget"\n} -->' }, '"microsoft.graph.gadget"'),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.Widget" } -->' }, '"blockType": "response"'),
    ],
  },
};
