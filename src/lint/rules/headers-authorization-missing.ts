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
    const names = table.rows.map((r) => (r.cells[0] ?? '').replace(/[`*]/g, '').trim().toLowerCase());
    if (names.includes('authorization')) return [];
    return [findingAt(rule, table, 'request headers table has no Authorization row', { fix: 'add |Authorization|Bearer {token}. Required.|' })];
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ headers: '|Header|Value|\n|:---|:---|\n|Content-Type|application/json. Required.|' }, '|Header|Value|')],
  },
};
