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

/** Known files by lower-cased folder, with their normalised names, built once per file list. */
interface Known { file: string; name: string }
const byFolder = new WeakMap<readonly string[], Map<string, Known[]>>();
const closestCache = new WeakMap<readonly string[], Map<string, string | undefined>>();

/** File name without case and word separators: `intune_onboarding_sideloadingkey.md` = `intune-onboarding-sideloadingkey.md`. */
function normalisedName(file: string): string {
  return posix.basename(file).toLowerCase().replace(/[-_ ]/g, '');
}

function filesIn(knownFiles: readonly string[], dir: string): Known[] {
  let index = byFolder.get(knownFiles);
  if (!index) {
    index = new Map();
    for (const file of knownFiles) {
      const d = posix.dirname(file).toLowerCase();
      const list = index.get(d);
      const known = { file, name: normalisedName(file) };
      if (list) list.push(known);
      else index.set(d, [known]);
    }
    byFolder.set(knownFiles, index);
  }
  return index.get(dir.toLowerCase()) ?? [];
}

/** The known file most like the intended target, in the same folder (case, `_` vs `-`, a letter or two). */
function closestFile(intended: string, knownFiles: readonly string[]): string | undefined {
  let cache = closestCache.get(knownFiles);
  if (!cache) closestCache.set(knownFiles, (cache = new Map()));
  if (cache.has(intended)) return cache.get(intended);
  const base = normalisedName(intended);
  let best: string | undefined;
  // Same name but for case and separators; one letter off only for long names (contact/contract are two pages).
  let bestDistance = base.length >= 24 ? 2 : 1;
  for (const k of filesIn(knownFiles, posix.dirname(intended))) {
    // Edit distance is at least the length difference: skip the (costly) distance when that is too big.
    if (Math.abs(k.name.length - base.length) >= bestDistance) continue;
    const d = distance(base, k.name);
    if (d < bestDistance) {
      best = k.file;
      bestDistance = d;
    }
  }
  cache.set(intended, best);
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
        // A near miss (seed 000's `_` for `-`) is certainly a typo: an error with the file as fix. A
        // target with no near file may be a page this docs tree leaves out (the shared corpus is a
        // subset); for type links the catalog reports it (catalog-unresolved-type).
        if (closest) out.push(findingAt(rule, link, `link "${link.target}" points to a file that does not exist`, { fix: posix.relative(posix.dirname(page.file), closest) }));
      }
    }
    return out;
  },
  examples: {
    ok: [
      widgetFixture(),
      // A link to a page this docs tree leaves out, with no near file: not reported here.
      widgetFixture({ h1: 'Create widget', response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object in the response body. See [gadgets](../resources/gadget-overview.md).' }),
    ],
    notOk: [
      widgetFixture({ response: 'If successful, this method returns a `201 Created` response code and a [widget](../resources/wid_get.md) object in the response body.' }, 'If successful'),
      { ...widgetFixture(), markdown: widgetPage().replace('../resources/widget.md', '../resources/Widget.md'), at: 'If successful' },
    ],
  },
};
