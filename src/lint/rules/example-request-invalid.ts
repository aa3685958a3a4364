import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, schemaProblems } from '../body-check.js';
import { requestTarget } from '../request-target.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-request-invalid',
  severity: 'error',
  purpose: 'A request example body validates against the request schema built from the request body table (types, formats, enums).',
  given: 'example',
  check(subject, ctx) {
    const t = requestTarget(subject);
    const validate = t && ctx.validators.request(t.operation);
    if (!t || !validate) return [];
    return schemaProblems(validate, t.value, { truncated: false })
      .map((p) => findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, p.pointer) }, `request example: ${p.message}`));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3.5') }, '"size": 3.5')],
  },
};
