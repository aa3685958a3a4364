import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, schemaProblems } from '../body-check.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-request-invalid',
  severity: 'error',
  purpose: 'A request example body validates against the request schema built from the request body table (types, formats, enums).',
  given: 'example',
  check({ page, example, operation }, ctx) {
    const body = example.request?.body;
    if (!operation || !body || body.value === undefined || example.request!.method.toUpperCase() !== operation.method.toUpperCase()) return [];
    const validate = ctx.validators.request(operation);
    if (!validate) return [];
    return schemaProblems(validate, body.value, { truncated: false })
      .map((p) => findingAt(rule, { file: page.file, line: lineOfPointer(body, p.pointer) }, `request example: ${p.message}`));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3.5') }, '"size": 3.5')],
  },
};
