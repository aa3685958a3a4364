import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-status',
  severity: 'error',
  purpose: "An example response's status line matches a status code the Response section documents.",
  given: 'example',
  check({ page, example }) {
    const r = example.response;
    const documented = page.response?.statusCodes ?? [];
    if (!r || r.status === undefined || documented.length === 0 || documented.includes(r.status)) return [];
    // Error examples (4xx/5xx) are not the success response the section describes.
    if (r.status >= 400) return [];
    return [findingAt(rule, r, `example status ${r.status} differs from the documented ${documented.join('/')} in the Response section`,
      { fix: `HTTP/1.1 ${documented[0]}` })];
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ statusLine: 'HTTP/1.1 200 OK' }, 'HTTP/1.1 200 OK')],
  },
};
