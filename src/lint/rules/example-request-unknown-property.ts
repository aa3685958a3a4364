import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, requestShape, unknownProperties } from '../body-check.js';
import { baseWithProse } from '../doc-facts.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

const OPEN_BODY = /\b(any|additional) (additional )?custom (data|properties)\b|\bopen (type )?extension\b/i;

export const rule: LintRule<'example'> = {
  id: 'example-request-unknown-property',
  severity: 'error',
  purpose: 'A request example uses only properties of the request body table (and of the types it names).',
  given: 'example',
  check({ page, example, operation }, ctx) {
    const body = example.request?.body;
    if (!operation || !body || body.value === undefined || example.request!.method.toUpperCase() !== operation.method.toUpperCase()) return [];
    const shape = requestShape(ctx.catalog, operation);
    // "...and any additional custom data" (open extensions): the body is open by the page's own words.
    if (!shape || OPEN_BODY.test(page.requestBody?.prose ?? '')) return [];
    return unknownProperties(body.value, shape, ctx.catalog, operation.version, '', baseWithProse(ctx.sourceLines)).map((u) =>
      findingAt(rule, { file: page.file, line: lineOfPointer(body, u.pointer) },
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
    ],
    notOk: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"'),
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"displayName"', '"displayNam"') }, '"displayNam"'),
    ],

  },
};
