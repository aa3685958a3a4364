import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { isPlainObject } from '../doc-facts.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

export const rule: LintRule<'api-page'> = {
  id: 'request-table-unused-row',
  severity: 'info',
  purpose: 'Every request body table row is used by at least one request example (rows no example shows are untested).',
  given: 'api-page',
  check(page, ctx) {
    const rows = page.requestBody?.properties ?? [];
    if (rows.length === 0) return [];
    const wrapper = ctx.operationOf(page.file)?.requestBody?.wrapperProperty;
    const used = new Set<string>();
    let bodies = 0;
    for (const e of page.examples) {
      let v = e.request?.body?.value;
      if (wrapper && isPlainObject(v) && isPlainObject(v[wrapper])) v = v[wrapper];
      if (!isPlainObject(v)) continue;
      bodies++;
      for (const key of Object.keys(v)) used.add(key);
    }
    if (bodies === 0) return [];
    return rows.filter((r) => !used.has(r.name)).map((r) =>
      findingAt(rule, r, `request body property "${r.name}" is used by no request example`));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ bodyTable: WIDGET_DEFAULTS.bodyTable + '\n|ownerId|Guid|The owner.|' }, '|ownerId|')],
  },
};
