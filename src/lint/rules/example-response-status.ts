import type { LintRule } from '../types.js';
import type { HttpHeader } from '../../model/page.js';
import { findingAt } from '../report.js';
import { judgedAgainstPage } from '../request-target.js';
import { widgetFixture, widgetPage } from './fixtures.js';

/** Statuses a request's own headers ask for instead of the default success. */
function askedFor(headers: readonly HttpHeader[]): number[] {
  const out: number[] = [];
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name === 'prefer' && /return\s*=\s*minimal/i.test(h.value)) out.push(204);
    if (name === 'prefer' && /respond-async/i.test(h.value)) out.push(202);
    if (name === 'range') out.push(206);
  }
  return out;
}

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
    // A request that asks for another answer gets it: `Prefer: return=minimal` → 204, `Prefer: respond-async`
    // → 202, a `Range` header → 206. The section describes the default answer.
    if (askedFor(example.request?.headers ?? []).includes(r.status)) return [];
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
      // The request asks for a minimal answer: 204 No Content instead of the documented 201.
      { ...widgetFixture(), markdown: widgetPage({ statusLine: 'HTTP/1.1 204 No Content', responseBody: '' }).replace('Content-type: application/json\n\n{\n  "displayName"', 'Content-type: application/json\nPrefer: return=minimal\n\n{\n  "displayName"') },
    ],
    notOk: [
      widgetFixture({ statusLine: 'HTTP/1.1 200 OK' }, 'HTTP/1.1 200 OK'),
      // Prefer: return=minimal explains a 204, not a 200.
      { ...widgetFixture({ statusLine: 'HTTP/1.1 200 OK' }), markdown: widgetPage({ statusLine: 'HTTP/1.1 200 OK' }).replace('Content-type: application/json\n\n{\n  "displayName"', 'Content-type: application/json\nPrefer: return=minimal\n\n{\n  "displayName"'), at: 'HTTP/1.1 200 OK' },
    ],
  },
};
