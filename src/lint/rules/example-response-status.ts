import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { judgedAgainstPage } from '../request-target.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-response-status',
  severity: 'error',
  purpose: "An example response's status line matches a status code the Response section documents.",
  given: 'example',
  check(subject, ctx) {
    const { page, example } = subject;
    const r = example.response;
    const documented = page.response?.statusCodes ?? [];
    if (!r || r.status === undefined || documented.length === 0 || documented.includes(r.status)) return [];
    // Error examples (4xx/5xx) are not the success response the section describes.
    if (r.status >= 400) return [];
    // The response of another service or of another page's operation is not described by this section.
    if (!judgedAgainstPage(subject, ctx)) return [];
    return [findingAt(rule, r, `example status ${r.status} differs from the documented ${documented.join('/')} in the Response section`,
      { fix: `HTTP/1.1 ${documented[0]}` })];
  },
  examples: {
    ok: [
      widgetFixture(),
      // The response of an upload to the URL an upload session returned is not this operation's.
      widgetFixture({ requestAnnotation: '<!-- { "blockType": "request", "opaqueUrl": true } -->', requestLine: 'PUT https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337', statusLine: 'HTTP/1.1 202 Accepted' }),
    ],
    notOk: [widgetFixture({ statusLine: 'HTTP/1.1 200 OK' }, 'HTTP/1.1 200 OK')],
  },
};
