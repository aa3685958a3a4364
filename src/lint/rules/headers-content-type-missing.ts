import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { goesToGraph } from '../request-target.js';
import { widgetFixture } from './fixtures.js';

const headerName = (cell: string | undefined) => (cell ?? '').replace(/[`*]/g, '').trim().toLowerCase();

/**
 * A request example that sends a JSON body with a Content-Type header shows the header is needed (Graph
 * rejects a JSON body without it), so the request headers table should list it. Judged only on what the
 * page itself shows: an example body and its Content-Type line.
 */
export const rule: LintRule<'api-page'> = {
  id: 'headers-content-type-missing',
  severity: 'info',
  purpose: 'The request headers table documents the Content-Type header that the request examples send with their JSON body.',
  given: 'api-page',
  check(page) {
    const table = page.requestHeaders.table;
    if (!table || table.rows.some((r) => headerName(r.cells[0]) === 'content-type')) return [];
    for (const e of page.examples) {
      const r = e.request;
      // A request to another service (an upload URL, a callback) says nothing about Graph's headers.
      const sent = r?.body && r.body.parse !== 'invalid' && goesToGraph(r) ? r.headers.find((h) => h.name.toLowerCase() === 'content-type') : undefined;
      if (!sent) continue;
      return [findingAt(rule, table, `request headers table has no Content-Type row, but the request example sends "${sent.name}: ${sent.value}" with its body (line ${sent.line})`,
        { fix: `add |Content-Type|${sent.value}. Required.|` })];
    }
    return [];
  },
  examples: {
    ok: [
      widgetFixture(),
      // A GET-like page without a request body needs no Content-Type.
      widgetFixture({ headers: '|Header|Value|\n|:---|:---|\n|Authorization|Bearer {token}. Required.|', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets', requestBody: '' }),
    ],
    notOk: [widgetFixture({ headers: '|Header|Value|\n|:---|:---|\n|Authorization|Bearer {token}. Required.|' }, '|Header|Value|')],
  },
};
