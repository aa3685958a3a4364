import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { documentedRequestShape, lineOfPointer, unknownProperties } from '../body-check.js';
import { baseWithProse } from '../doc-facts.js';
import { requestTarget } from '../request-target.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

/** The widget page as a replace (PUT /widgets/{id}, 200 and the widget). */
const PUT_WIDGET = {
  h1: 'Replace widget',
  frontMatter: 'title: "Replace widget"\ndescription: "Replace a widget object."\nauthor: "graphpact"',
  httpRequest: 'PUT /widgets/{id}',
  requestLine: 'PUT https://graph.microsoft.com/v1.0/widgets/1',
  response: 'If successful, this method returns a `200 OK` response code and the [widget](../resources/widget.md) object in the response body.',
  statusLine: 'HTTP/1.1 200 OK',
};

const OPEN_BODY = /\b(any|additional) (additional )?custom (data|properties)\b|\bopen (type )?extension\b/i;

export const rule: LintRule<'example'> = {
  id: 'example-request-unknown-property',
  severity: 'error',
  purpose: 'A request example uses only properties of the request body table (and of the types it names).',
  given: 'example',
  check(subject, ctx) {
    const t = requestTarget(subject, ctx);
    const baseOf = baseWithProse(ctx.sourceLines);
    // The page's own Request body section (table and prose) when the operation's body comes from this page.
    const section = t?.operation.requestBody?.source.file === subject.page.file ? subject.page.requestBody : undefined;
    const shape = t && documentedRequestShape(ctx.catalog, t.operation, section, baseOf);
    // "...and any additional custom data" (open extensions): the body is open by the page's own words.
    if (!t || !shape || OPEN_BODY.test(subject.page.requestBody?.prose ?? '')) return [];
    return unknownProperties(t.value, shape, ctx.catalog, t.operation.version, '', baseOf).map((u) =>
      findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, u.pointer) },
        `request example property "${u.name}" is not in ${u.owner}`,
        u.suggestion ? { fix: `"${u.suggestion}"${u.suggestionMismatch ? ` (${u.suggestionMismatch})` : ''}` } : {}));
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({
        bodyTable: 'Provide the following name-value pairs and any additional custom data.\n\n' + WIDGET_DEFAULTS.bodyTable,
        requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "companyName": "Wingtip"'),
      }),
      // A property the section documents in a sentence under the table, not in it.
      widgetFixture({
        bodyTable: WIDGET_DEFAULTS.bodyTable + '\n\nTo give the widget an owner, the caller can also include **ownerId**.',
        requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "ownerId": "5a1c"'),
      }),
      // A table of required properties under "supply a JSON representation of [widget](…)": any widget property.
      widgetFixture({
        bodyTable: 'In the request body, supply a JSON representation of a [widget](../resources/widget.md) object. These properties are required:\n\n' + WIDGET_DEFAULTS.bodyTable,
        requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "ownerId": "5a1c"'),
      }),
      // The same under "a JSON representation of [gadget](…)" whose page this tree does not hold: any gadget
      // property may be meant.
      widgetFixture({
        bodyTable: 'In the request body, supply a JSON representation of a [gadget](../resources/gadget.md) object. These properties are required:\n\n' + WIDGET_DEFAULTS.bodyTable,
        requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "ownerId": "5a1c"'),
      }),
      // A PUT replaces the widget: the body is a whole widget, beyond the table of changeable properties.
      widgetFixture({ ...PUT_WIDGET, requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "ownerId": "5a1c"') }),
    ],
    notOk: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"'),
      // ... but only with the widget's own properties.
      widgetFixture({ ...PUT_WIDGET, requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"'),
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"displayName"', '"displayNam"') }, '"displayNam"'),
      // Prose naming one property and a representation of the widget still leave a property neither defines.
      widgetFixture({
        bodyTable: 'Supply a JSON representation of a [widget](../resources/widget.md) object. The caller can also include **ownerId**.\n\n' + WIDGET_DEFAULTS.bodyTable,
        requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "ownerName": "Ana"'),
      }, '"ownerName"'),
    ],

  },
};
