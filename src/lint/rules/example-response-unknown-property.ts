import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, typeShape, unknownProperties } from '../body-check.js';
import { baseWithProse, findType, isPlainObject, pageVersionOf } from '../doc-facts.js';
import type { TypeDef } from '../../model/catalog.js';

/** The type named by a cast segment of the body's @odata.context (`#places/microsoft.graph.room`). */
function castType(body: unknown, find: (name: string) => TypeDef | undefined): TypeDef | undefined {
  const context = isPlainObject(body) ? body['@odata.context'] : undefined;
  if (typeof context !== 'string') return undefined;
  // Only a cast that is the last segment names the items' type (`#places/microsoft.graph.room`, not
  // `#places('x')/microsoft.graph.roomList/rooms`).
  const m = /[#/](microsoft\.graph\.[A-Za-z0-9_.]+)$/.exec(context.replace(/\/\$entity$/, ''));
  return m ? find(m[1]) : undefined;
}
import { responseTarget } from '../response-target.js';
import type { LintContext } from '../types.js';
import { allProperties } from '../doc-facts.js';
import { widgetFixture, WIDGET_DEFAULTS, WIDGET_RESOURCE } from './fixtures.js';

/** The widget, derived from thing (annotation only); thing's JSON representation shows "colour", which no table lists. */
const WIDGET_WITH_BASE_THING = WIDGET_RESOURCE.replace('"keyProperty": "id",', '"keyProperty": "id",\n  "baseType": "microsoft.graph.thing",');
const THING_SHOWING_COLOUR = WIDGET_RESOURCE.replace(/widget/g, 'thing').replace('"ownerId": "Guid"', '"ownerId": "Guid",\n  "colour": "String"');

/** The Response prose names two or more linked types joined by "or". */
function alternativesNamed(text: string): boolean {
  const links = new Set([...text.matchAll(/\[[^\]]+\]\(([^)]+\.md)[^)]*\)/gi)].map((m) => m[1].toLowerCase()));
  return links.size >= 2 && /\]\([^)]*\)\s+or\s+(an?\s+)?\[/i.test(text);
}

function hasValueProperty(def: TypeDef | undefined, ctx: LintContext): boolean {
  return def !== undefined && allProperties(ctx.catalog, def).some((p) => p.name === 'value');
}

export const rule: LintRule<'example'> = {
  id: 'example-response-unknown-property',
  severity: 'warning',
  purpose: 'A response example uses only properties the returned type documents (a warning: Graph adds properties over time).',
  given: 'example',
  check(subject, ctx) {
    const t = responseTarget(subject, ctx);
    if (!t?.returned || t.returned.kind === 'enum') return [];
    // "a [socialIdentityProvider](…) or a [builtinIdentityProvider](…)": the body is one of several
    // types, and only an @odata.type in it could say which.
    if (alternativesNamed(subject.page.response?.text ?? '')) return [];
    const baseOf = baseWithProse(ctx.sourceLines);
    const version = pageVersionOf(subject.page, subject.operation);
    // A response to a type-cast URL (`/places/microsoft.graph.room`) says so in @odata.context.
    const cast = castType(t.body.value, (name) => findType(ctx.catalog, version, name));
    const shape = typeShape(ctx.catalog, cast ?? t.returned, baseOf);
    // A documented collection is {"value": [items]}; look at the items. A single object documented but
    // shown as {"value": [...]} is example-response-collection's finding, on the same line: the items are
    // still checked, the "value" key is not reported a second time.
    const value = isPlainObject(t.value) && Array.isArray(t.value.value) && !hasValueProperty(t.returned, ctx) ? t.value.value : t.value;
    const prefix = value === t.value ? t.prefix : `${t.prefix}/value`;
    // Every object Graph returns by itself has the `id` of microsoft.graph.entity, which pages routinely
    // leave to that base type (openShiftChangeRequest, outlookCategory): not reported.
    return unknownProperties(value, shape, ctx.catalog, pageVersionOf(subject.page, subject.operation), prefix, baseOf).filter((u) => u.name !== 'id').map((u) =>
      findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, u.pointer) },
        `response example property "${u.name}" is not a property of ${u.owner}`,
        u.suggestion ? { fix: `"${u.suggestion}"${u.suggestionMismatch ? ` (${u.suggestionMismatch})` : ''}` } : {}));
  },
  examples: {
    ok: [
      widgetFixture(),
      // One defect, one finding: the "value" of an undocumented envelope ({"value": {...}} or {"value": [...]}
      // around the one widget) is example-response-envelope's / -collection's, not an unknown property here.
      widgetFixture({ responseBody: '{\n  "value": {\n    "id": "1",\n    "displayName": "Blue"\n  }\n}' }),
      widgetFixture({ responseBody: '{\n  "value": [\n    { "id": "1", "displayName": "Blue" }\n  ]\n}' }),
      // An open type (its H1 says so): custom properties are allowed.
      {
        ...widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE.replace('# widget resource type', '# widget resource type (Open Type)') },
      },
      // A base type named only in prose ("a subclass from [x]") lends its properties.
      {
        ...widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "label": "blue"') }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE.replace('A widget.\n---', 'A widget.\n---').replace('Namespace: microsoft.graph', 'Namespace: microsoft.graph\n\nThis creates a subclass from [thing](thing.md).'),
          'resources/thing.md': WIDGET_RESOURCE.replace(/widget/g, 'thing').replace('|ownerId|Guid|The owner.|', '|label|String|A label.|'),
        },
      },
      // The Response names two returnable types: the body may be either.
      {
        ...widgetFixture({
          response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) or a [gadget](../resources/gadget.md) in the response body.',
          responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"'),
        }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'resources/gadget.md': WIDGET_RESOURCE.replace(/widget/g, 'gadget') },
      },
      // {"value": [...]} for a single object: example-response-collection reports it; "value" is not reported again.
      widgetFixture({ responseBody: '{\n  "value": [\n    { "id": "1", "displayName": "Blue" }\n  ]\n}' }),
      // A key the base type's JSON representation shows (in none of its tables) is documented there.
      {
        ...widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }),
        pages: { 'resources/widget.md': WIDGET_WITH_BASE_THING, 'resources/thing.md': THING_SHOWING_COLOUR },
      },
    ],
    notOk: [
      widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"'),
      // The object inside an envelope is still checked.
      widgetFixture({ responseBody: '{\n  "value": {\n    "id": "1",\n    "colour": "blue"\n  }\n}' }, '"colour"'),
      // The items of a {"value": [...]} body are still checked.
      widgetFixture({ responseBody: '{\n  "value": [\n    { "id": "1", "colour": "blue" }\n  ]\n}' }, '"colour"'),
      // A key neither the tables nor any JSON representation of the type or its base shows.
      {
        ...widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "flavour": "mint"') }, '"flavour"'),
        pages: { 'resources/widget.md': WIDGET_WITH_BASE_THING, 'resources/thing.md': THING_SHOWING_COLOUR },
      },
    ],
  },
};
