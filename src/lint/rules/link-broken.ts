import { posix } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, widgetPage } from './fixtures.js';

/**
 * Links this rule checks: relative links to resource pages (`../resources/x.md`, or a sibling from a
 * resource page). Links to API pages, includes and snippets are left alone: a docs subset (the shared
 * corpus) leaves such pages out on purpose.
 */
function isCheckedLink(pageFile: string, target: string): boolean {
  if (!/\.md(#.*)?$/i.test(target) || /^[a-z]+:|^\//i.test(target)) return false;
  const t = target.replace(/\\/g, '/');
  if (/(^|\/)resources\//i.test(t)) return true;
  return !t.includes('/') && /(^|\/)resources\/[^/]+$/i.test(pageFile);
}

/** The known file most like the intended target, in the same folder (case, `_` vs `-`). */
export function closestFile(intended: string, knownFiles: readonly string[]): string | undefined {
  const dir = posix.dirname(intended).toLowerCase();
  const base = posix.basename(intended).toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  // Only a near miss is a useful fix (case, `_` for `-`, a letter or two).
  let bestDistance = 3;
  for (const f of knownFiles) {
    if (posix.dirname(f).toLowerCase() !== dir) continue;
    const d = distance(base, posix.basename(f).toLowerCase().replace(/_/g, '-'));
    if (d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best;
}

export const rule: LintRule<'page'> = {
  id: 'link-broken',
  severity: 'error',
  purpose: 'Relative links to resource pages resolve to an existing file (exact case; a case-only match is a warning).',
  given: 'page',
  check(page, ctx) {
    const out = [];
    for (const link of page.links) {
      if (!isCheckedLink(page.file, link.target)) continue;
      const target = link.target.replace(/\\/g, '/').replace(/#.*$/, '');
      if (link.resolved && link.caseMismatch) {
        out.push(findingAt(rule, link, `link "${link.target}" matches "${posix.basename(link.resolved)}" only ignoring case or separators`,
          { severity: 'warning', fix: posix.join(posix.dirname(target), posix.basename(link.resolved)) }));
      } else if (!link.resolved) {
        const intended = posix.normalize(posix.join(posix.dirname(page.file), target));
        const closest = closestFile(intended, ctx.knownFiles);
        out.push(findingAt(rule, link, `link "${link.target}" points to a file that does not exist`,
          closest ? { fix: posix.relative(posix.dirname(page.file), closest) } : {}));
      }
    }
    return out;
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/wid_get.md) object in the response body.' }, 'If successful'),
      { ...widgetFixture(), markdown: widgetPage().replace('../resources/widget.md', '../resources/Widget.md'), at: 'If successful' },
    ],
  },
};
