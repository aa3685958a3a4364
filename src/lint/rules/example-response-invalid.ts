import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { lineOfPointer, schemaProblems } from '../body-check.js';
import { isTruncated } from '../doc-facts.js';
import { responseTarget } from '../response-target.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-invalid',
  severity: 'error',
  purpose: 'A response example body validates against the success response schema (types, date-times, uuids, base64, enums).',
  given: 'example',
  check(subject, ctx) {
    const t = responseTarget(subject, ctx);
    const validate = subject.operation && ctx.validators.response(subject.operation);
    if (!t || !validate) return [];
    return schemaProblems(validate, t.value, { truncated: isTruncated(subject.example.response!), prefix: t.prefix })
      .map((p) => findingAt(rule, { file: subject.page.file, line: lineOfPointer(t.body, p.pointer) }, `response example: ${p.message}`));
  },
  examples: {
    ok: [
      widgetFixture(),
      // A value shortened with "..." is the docs' convention, not an invalid date-time.
      widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"2024-01-01T00:00:00Z"', '"2024-01-01T00:..."') }),
    ],
    notOk: [
      widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": "three"') }, '"size": "three"'),
      widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"2024-01-01T00:00:00Z"', '"yesterday"') }, '"createdDateTime"'),
    ],
  },
};
