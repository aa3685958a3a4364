import type { PropertyRow } from '../../model/page.js';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

/** `lastUpdatedDateTime` typed String: the name promises a timestamp the type does not. */
function contradicts(row: PropertyRow): boolean {
  return /[a-z]DateTime$/.test(row.name) && row.type.kind === 'primitive' && row.type.name === 'Edm.String' && !row.type.collection;
}

export const rule: LintRule<'page'> = {
  id: 'table-type-name-mismatch',
  severity: 'warning',
  purpose: 'A property whose name says DateTime is typed DateTimeOffset, not String.',
  given: 'page',
  check(page) {
    const rows = page.kind === 'api' ? page.requestBody?.properties ?? [] : [...page.properties, ...page.relationships];
    return rows.filter(contradicts).map((row) =>
      findingAt(rule, row, `property "${row.name}" is typed ${row.type.raw.trim()} but its name says it is a date and time`, { fix: 'DateTimeOffset' }));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [widgetFixture({ bodyTable: WIDGET_DEFAULTS.bodyTable + '\n|lastUpdatedDateTime|String|When it changed.|' }, '|lastUpdatedDateTime|')],
  },
};
