import type { Finding } from '../../model/finding.js';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { goesToGraph } from '../request-target.js';
import { widgetFixture } from './fixtures.js';

/** A trailing slash after a path segment (not `root:/` addressing, not the bare root). */
function hasTrailingSlash(path: string): boolean {
  const p = path.replace(/[?#].*$/, '').trim();
  return p.length > 1 && p.endsWith('/') && !p.endsWith(':/');
}

export const rule: LintRule<'api-page'> = {
  id: 'path-trailing-slash',
  severity: 'warning',
  purpose: 'Documented HTTP request paths and example URLs have no trailing slash.',
  given: 'api-page',
  check(page) {
    const out: Finding[] = [];
    for (const p of page.httpRequests) {
      if (hasTrailingSlash(p.path)) out.push(findingAt(rule, p, `documented path "${p.method} ${p.path}" ends with a slash`, { fix: `${p.method} ${p.path.replace(/\/+(?=$|\?)/, '')}` }));
    }
    for (const e of page.examples) {
      const r = e.request;
      if (r && goesToGraph(r) && hasTrailingSlash(r.url.replace(/^https?:\/\/[^/]+/i, ''))) {
        out.push(findingAt(rule, r, `example URL "${r.url}" ends with a slash`, { fix: r.url.replace(/\/+(?=$|\?)/, '') }));
      }
    }
    return out;
  },
  examples: {
    ok: [
      widgetFixture(),
      // Another service's URL (a bot's callback) is not Graph's to judge.
      widgetFixture({ requestLine: 'POST https://bot.contoso.com/api/notifications/' }),
    ],
    notOk: [
      widgetFixture({ httpRequest: 'POST /widgets/' }, 'POST /widgets/'),
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/widgets/' }, 'POST https://graph.microsoft.com/v1.0/widgets/'),
    ],
  },
};
