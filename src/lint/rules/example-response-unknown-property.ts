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
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-unknown-property',
  severity: 'warning',
  purpose: 'A response example uses only properties the returned type documents (a warning: Graph adds properties over time).',
  given: 'example',
  check(subject, ctx) {
    const t = responseTarget(subject, ctx);
    if (!t?.returned || t.returned.kind === 'enum') return [];
    const baseOf = baseWithProse(ctx.sourceLines);
    const version = pageVersionOf(subject.page, subject.operation);
    // A response to a type-cast URL (`/places/microsoft.graph.room`) says so in @odata.context.
    const cast = castType(t.body.value, (name) => findType(ctx.catalog, version, name));
    const shape = typeShape(ctx.catalog, cast ?? t.returned, baseOf);
    // A documented collection is {"value": [items]}; look at the items.
    const value = t.documented.collection && isPlainObject(t.value) && Array.isArray(t.value.value) ? t.value.value : t.value;
    const prefix = value === t.value ? t.prefix : `${t.prefix}/value`;
    return unknownProperties(value, shape, ctx.catalog, pageVersionOf(subject.page, subject.operation), prefix, baseOf).map((u) =>
      findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, u.pointer) },
        `response example property "${u.name}" is not a property of ${u.owner}`,
        u.suggestion ? { fix: `"${u.suggestion}"${u.suggestionMismatch ? ` (${u.suggestionMismatch})` : ''}` } : {}));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"')],
  },
};
