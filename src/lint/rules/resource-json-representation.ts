import type { Finding } from '../../model/finding.js';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { allProperties, baseWithProse, findType, isPlainObject, representationKeysOf, typeChain } from '../doc-facts.js';
import { lineOfPointer, rowName } from '../body-check.js';
import { childPointer } from '../report.js';
import { WIDGET_RESOURCE } from './fixtures.js';

/** The widget page with a base type named only in its annotation, and one more key in its representation. */
const WIDGET_WITH_BASE = (baseType: string, key: string) => WIDGET_RESOURCE
  .replace('"keyProperty": "id",', `"keyProperty": "id",\n  "baseType": "${baseType}",`)
  .replace('  "ownerId": "Guid"', `  "ownerId": "Guid",\n  ${key}: "String"`);

/** A base page whose representation shows "label", which none of its tables lists. */
const THING_WITH_LABEL_IN_JSON_ONLY = WIDGET_RESOURCE.replace(/widget/g, 'thing').replace('"ownerId": "Guid"', '"ownerId": "Guid",\n  "label": "String"');

export const rule: LintRule<'resource-page'> = {
  id: 'resource-json-representation',
  severity: 'warning',
  purpose: "A resource page's JSON representation and its Properties table list the same properties.",
  given: 'resource-page',
  check(page, ctx) {
    const json = page.jsonRepresentation;
    if (!json || !isPlainObject(json.value) || page.properties.length === 0) return [];
    const rows = new Set(page.properties.map((p) => rowName(p)));
    const out: Finding[] = [];
    // A list response pasted as the representation (`{"@odata.context": …, "value": [{…}]}`): one defect, said
    // once; its item is the resource, compared below (not every property "missing" from the envelope).
    let shown: Record<string, unknown> = json.value;
    let pointer = '';
    const items = shown.value;
    if (!rows.has('value') && Array.isArray(items) && isPlainObject(items[0])) {
      out.push(findingAt(rule, { file: page.file, line: lineOfPointer(json, '/value') }, 'JSON representation is a collection response ({"value": [...]}), not one resource; its first item is compared with the Properties table'));
      shown = items[0];
      pointer = '/value/0';
    }
    const keys = Object.keys(shown).filter((k) => !k.includes('@'));
    // Relationships are usually left out of the JSON representation; they are not missing.
    const relationships = new Set(page.relationships.map((p) => rowName(p)));
    // Keys of base types (annotation or "Inherits from [x]" prose) are the type's too, and every entity
    // has the `id` of microsoft.graph.entity.
    const def = page.typeName ? findType(ctx.catalog, page.version?.value ?? 'unversioned', page.typeName) : undefined;
    const baseOf = baseWithProse(ctx.sourceLines);
    const inherited = new Set(def ? allProperties(ctx.catalog, def, baseOf).map((p) => rowName(p)) : []);
    if (page.keyProperty || def?.kind === 'entity' || (def && baseOf(def))) inherited.add('id');
    const bases: { keys: Set<string>; missing?: string } = def ? basePages(def) : { keys: new Set() };
    for (const key of bases.keys) inherited.add(key);
    for (const p of page.properties) {
      if (!keys.includes(rowName(p))) out.push(findingAt(rule, p, `property "${rowName(p)}" of the Properties table is missing from the JSON representation`));
    }
    for (const key of keys) {
      if (!rows.has(key) && !relationships.has(key) && !inherited.has(key)) {
        const at = { file: page.file, line: lineOfPointer(json, childPointer(pointer, key)) };
        // A base type this docs tree does not define may be where the key comes from: only an info.
        out.push(bases.missing
          ? findingAt(rule, at, `JSON representation key "${key}" is in no Properties table (it may be inherited from ${bases.missing}, which has no page here)`, { severity: 'info' })
          : findingAt(rule, at, `JSON representation key "${key}" is in no Properties table`));
      }
    }
    return out;

    /**
     * Keys the base types' own JSON representations show (`riskType` on a base page's representation but in
     * none of its tables): inherited here, and a defect of the base page if of any page, reported there once.
     * `missing` names a base type (annotation or prose) that has no page here.
     */
    function basePages(start: NonNullable<typeof def>): { keys: Set<string>; missing?: string } {
      const chain = typeChain(ctx.catalog, start, baseOf);
      const keys = new Set(chain.slice(1).flatMap((t) => [...representationKeysOf(ctx.sourceLines(t.source.file) ?? [])]));
      const last = chain[chain.length - 1];
      const name = baseOf(last);
      return name && !findType(ctx.catalog, last.version, name) ? { keys, missing: name } : { keys };
    }
  },
  examples: {
    ok: [
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE },
      // A documented `value` property holding objects is no list envelope.
      {
        file: 'resources/widget.md',
        markdown: WIDGET_RESOURCE.replace('|ownerId|Guid|The owner.|', '|ownerId|Guid|The owner.|\n|value|[thing](thing.md) collection|The parts.|').replace('  "ownerId": "Guid"', '  "ownerId": "Guid",\n  "value": [{ "@odata.type": "microsoft.graph.thing" }]'),
        pages: { 'resources/thing.md': WIDGET_RESOURCE.replace(/widget/g, 'thing') },
      },
      // A key of the base type (stated in prose) and an entity's id are the type's own.
      {
        file: 'resources/widget.md',
        markdown: WIDGET_RESOURCE.replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nInherits from [thing](thing.md).').replace('|id|String|Identifier. Read-only.|\n', '').replace('  "ownerId": "Guid"', '  "ownerId": "Guid",\n  "label": "String"'),
        pages: { 'resources/thing.md': WIDGET_RESOURCE.replace(/widget/g, 'thing').replace('|ownerId|Guid|The owner.|', '|label|String|A label.|').replace('"ownerId": "Guid"', '"label": "String"') },
      },
      // The base type, named only in the annotation, shows "label" in its own JSON representation (in none of
      // its tables): inherited here; whatever is wrong with it is the base page's.
      {
        file: 'resources/widget.md',
        markdown: WIDGET_WITH_BASE('microsoft.graph.thing', '"label"'),
        pages: { 'resources/thing.md': THING_WITH_LABEL_IN_JSON_ONLY },
      },
    ],
    notOk: [
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('  "ownerId": "Guid"', '  "ownerId": "Guid",\n  "colour": "String"'), at: '"colour"' },
      // A list response as the representation: reported once, at "value"; its item matches the table.
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace(/```json\n\{\n([\s\S]*?)\n\}\n```/, '```json\n{\n  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets",\n  "value": [\n    {\n$1\n    }\n  ]\n}\n```'), at: '"value"' },
      // A key neither the page nor its base's representation has.
      { file: 'resources/widget.md', markdown: WIDGET_WITH_BASE('microsoft.graph.thing', '"colour"'), pages: { 'resources/thing.md': THING_WITH_LABEL_IN_JSON_ONLY }, at: '"colour"' },
      // With an undocumented base the table rows are still checked against the representation, and a key in
      // no table is still reported (as an info: it may be the base's).
      { file: 'resources/widget.md', markdown: WIDGET_WITH_BASE('microsoft.graph.elsewhereThing', '"label"').replace('  "size": 1024,\n', ''), at: '|size|Int32|' },
      { file: 'resources/widget.md', markdown: WIDGET_WITH_BASE('microsoft.graph.elsewhereThing', '"label"'), at: '"label"' },
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('  "size": 1024,\n', ''), at: '|size|Int32|' },
    ],
  },
};
