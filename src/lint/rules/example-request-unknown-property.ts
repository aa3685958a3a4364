import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, requestShape, unknownProperties } from '../body-check.js';
import { baseWithProse } from '../doc-facts.js';
import { requestTarget } from '../request-target.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

const OPEN_BODY = /\b(any|additional) (additional )?custom (data|properties)\b|\bopen (type )?extension\b/i;

export const rule: LintRule<'example'> = {
  id: 'example-request-unknown-property',
  severity: 'error',
  purpose: 'A request example uses only properties of the request body table (and of the types it names).',
  given: 'example',
  check(subject, ctx) {
    const t = requestTarget(subject, ctx);
    const shape = t && requestShape(ctx.catalog, t.operation);
    // "...and any additional custom data" (open extensions): the body is open by the page's own words.
    if (!t || !shape || OPEN_BODY.test(subject.page.requestBody?.prose ?? '')) return [];
    return unknownProperties(t.value, shape, ctx.catalog, t.operation.version, '', baseWithProse(ctx.sourceLines)).map((u) =>
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
    ],
    notOk: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3,\n  "colour": "blue"') }, '"colour"'),
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"displayName"', '"displayNam"') }, '"displayNam"'),
    ],

  },
};
