import type { LintRule } from '../types.js';
import type { Finding } from '../../model/finding.js';
import { findingAt } from '../report.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

const DESCRIPTION_HEADERS = new Set(['description', 'notes', 'remarks']);

/**
 * A request body table row with an empty Description cell tells a caller nothing about the parameter:
 * whether it is required, what format it takes (an addKey `proof` is a signed JWT, which only a
 * description can say). Only tables that have a Description column are judged.
 */
export const rule: LintRule<'api-page'> = {
  id: 'request-table-description-empty',
  severity: 'info',
  purpose: 'Every request body table row has a description (the Description column is not left empty).',
  given: 'api-page',
  check(page) {
    const out: Finding[] = [];
    for (const table of page.requestBody?.tables ?? []) {
      const col = table.header.findIndex((h) => DESCRIPTION_HEADERS.has(h));
      if (col <= 0) continue;
      const typeCol = table.header.indexOf('type');
      for (const row of table.rows) {
        const name = (row.cells[0] ?? '').replace(/[`*\\]/g, '').trim();
        // A name with spaces is the tail of a description broken over two rows, not a property; a row
        // with no type either is a group label (`|**On-boarding**|`).
        if (typeCol > 0 && (row.cells[typeCol] ?? '').trim() === '') continue;
        if (/^[A-Za-z_@$][\w.@/$-]*$/.test(name) && (row.cells[col] ?? '').replace(/<br\s*\/?>|&nbsp;/gi, '').trim() === '') {
          out.push(findingAt(rule, row, `request body property "${name}" has an empty description`));
        }
      }
    }
    return out;
  },
  examples: {
    ok: [
      widgetFixture(),
      // A group label row is no property.
      widgetFixture({ bodyTable: WIDGET_DEFAULTS.bodyTable + '\n|**Appearance**|||' }),
    ],
    notOk: [widgetFixture({ bodyTable: WIDGET_DEFAULTS.bodyTable.replace('|Size of the widget.|', '||') }, '|size|Int32||')],
  },
};
