import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'api-page'> = {
  id: 'headers-authorization-missing',
  severity: 'error',
  purpose: 'The request headers table documents the Authorization header.',
  given: 'api-page',
  check(page) {
    const table = page.requestHeaders.table;
    if (!table) return [];
    // An "Optional request headers" table lists the optional ones only: Authorization is not among them.
    const section = [...page.headings].reverse().find((h) => h.line < table.line && h.level <= 3);
    if (section && /\boptional\b/i.test(section.text)) return [];
    const names = table.rows.map((r) => (r.cells[0] ?? '').replace(/[`*]/g, '').trim().toLowerCase());
    if (names.includes('authorization')) return [];
    return [findingAt(rule, table, 'request headers table has no Authorization row', { fix: 'add |Authorization|Bearer {token}. Required.|' })];
  },
  examples: {
    ok: [
      widgetFixture(),
      { ...widgetFixture(), markdown: widgetFixture({ headers: '|Header|Value|\n|:---|:---|\n|If-Match|etag. Optional.|' }).markdown.replace('## Request headers', '## Optional request headers') },
    ],
    notOk: [widgetFixture({ headers: '|Header|Value|\n|:---|:---|\n|Content-Type|application/json. Required.|' }, '|Header|Value|')],
  },
};
