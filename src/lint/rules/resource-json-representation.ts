import type { Finding } from '../../model/finding.js';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { allProperties, baseWithProse, findType, isPlainObject } from '../doc-facts.js';
import { lineOfPointer, rowName } from '../body-check.js';
import { childPointer } from '../report.js';
import { WIDGET_RESOURCE } from './fixtures.js';


export const rule: LintRule<'resource-page'> = {
  id: 'resource-json-representation',
  severity: 'warning',
  purpose: "A resource page's JSON representation and its Properties table list the same properties.",
  given: 'resource-page',
  check(page, ctx) {
    const json = page.jsonRepresentation;
    if (!json || !isPlainObject(json.value) || page.properties.length === 0) return [];
    const keys = Object.keys(json.value).filter((k) => !k.includes('@'));
    const rows = new Set(page.properties.map((p) => rowName(p)));
    // Relationships are usually left out of the JSON representation; they are not missing.
    const relationships = new Set(page.relationships.map((p) => rowName(p)));
    // Keys of base types (annotation or "Inherits from [x]" prose) are the type's too, and every entity
    // has the `id` of microsoft.graph.entity.
    const def = page.typeName ? findType(ctx.catalog, page.version?.value ?? 'unversioned', page.typeName) : undefined;
    const baseOf = baseWithProse(ctx.sourceLines);
    const inherited = new Set(def ? allProperties(ctx.catalog, def, baseOf).map((p) => rowName(p)) : []);
    if (page.keyProperty || def?.kind === 'entity' || (def && baseOf(def))) inherited.add('id');
    const out: Finding[] = [];
    for (const p of page.properties) {
      if (!keys.includes(rowName(p))) out.push(findingAt(rule, p, `property "${rowName(p)}" of the Properties table is missing from the JSON representation`));
    }
    for (const key of keys) {
      if (!rows.has(key) && !relationships.has(key) && !inherited.has(key)) {
        out.push(findingAt(rule, { file: page.file, line: lineOfPointer(json, childPointer('', key)) }, `JSON representation key "${key}" is in no Properties table`));
      }
    }
    return out;
  },
  examples: {
    ok: [
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE },
      // A key of the base type (stated in prose) and an entity's id are the type's own.
      {
        file: 'resources/widget.md',
        markdown: WIDGET_RESOURCE.replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nInherits from [thing](thing.md).').replace('|id|String|Identifier. Read-only.|\n', '').replace('  "ownerId": "Guid"', '  "ownerId": "Guid",\n  "label": "String"'),
        pages: { 'resources/thing.md': WIDGET_RESOURCE.replace(/widget/g, 'thing').replace('|ownerId|Guid|The owner.|', '|label|String|A label.|').replace('"ownerId": "Guid"', '"label": "String"') },
      },
    ],
    notOk: [
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('  "ownerId": "Guid"', '  "ownerId": "Guid",\n  "colour": "String"'), at: '"colour"' },
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('  "size": 1024,\n', ''), at: '|size|Int32|' },
    ],
  },
};
