import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, widgetPage } from './fixtures.js';

/**
 * Lines under the H1 that are not the page's own words: the namespace line, includes, notes,
 * comments, tables, headings, tab markers.
 */
const NOT_PROSE = /^(namespace:|\[!include|\[!note|\[!important|\[!tip|\[!caution|\[!warning|>|<!--|-->|\||#|```|---)/i;

/** Whether the lines between the H1 and the next heading hold a sentence of the page's own. */
function hasSummary(lines: readonly string[], from: number, to: number): boolean {
  let inComment = false;
  for (let i = from; i < to; i++) {
    const t = lines[i].trim();
    if (inComment) {
      if (t.includes('-->')) inComment = false;
      continue;
    }
    if (t.startsWith('<!--') && !t.includes('-->')) {
      inComment = true;
      continue;
    }
    if (t !== '' && !NOT_PROSE.test(t)) return true;
  }
  return false;
}

export const rule: LintRule<'api-page'> = {
  id: 'summary-missing',
  severity: 'info',
  purpose: 'An API page says in a sentence under its H1 what the operation does (before the first section).',
  given: 'api-page',
  check(page, ctx) {
    const lines = ctx.sourceLines(page.file);
    if (!lines || !page.h1) return [];
    // Sub-headings above the first section may carry the summary (`### Delete an app from ...`).
    const next = page.headings.find((h) => h.line > page.h1!.line && h.level <= 2)?.line ?? lines.length + 1;
    if (hasSummary(lines, page.h1.line, next - 1)) return [];
    return [findingAt(rule, page.h1, `the page says nothing about what ${page.h1.text} does: no sentence between the H1 and "${lines[next - 1]?.trim() ?? 'the end'}"`)];
  },
  examples: {
    ok: [
      widgetFixture(),
      // A note alone is no summary, but a summary after a note is one.
      { ...widgetFixture(), markdown: widgetPage().replace('Create a new widget.', '> **Note:** Widgets are in preview.\n\nCreate a new widget.') },
      // A summary under a sub-heading above the first section counts.
      { ...widgetFixture(), markdown: widgetPage().replace('Create a new widget.', '### Create a widget in the catalog\n\nCreate a new widget.') },
    ],
    notOk: [
      { ...widgetFixture(), markdown: widgetPage().replace('Create a new widget.', '[!INCLUDE [beta-disclaimer](../includes/beta-disclaimer.md)]'), at: '# Create widget' },
    ],
  },
};
