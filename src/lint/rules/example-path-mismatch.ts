import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { pathMatches } from '../paths.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-path-mismatch',
  severity: 'error',
  purpose: 'An example request uses a documented method and path (placeholders match any segment; version and trailing slash ignored).',
  given: 'example',
  check({ page, example }) {
    const r = example.request;
    if (!r || page.httpRequests.length === 0 || !r.path) return [];
    const samePath = page.httpRequests.filter((d) => pathMatches(r.path, d.path));
    if (samePath.some((d) => d.method.toUpperCase() === r.method.toUpperCase())) return [];
    if (samePath.length > 0) {
      return [findingAt(rule, r, `example method ${r.method} differs from the documented ${[...new Set(samePath.map((d) => d.method))].join('/')} for ${r.path}`,
        { fix: `${samePath[0].method} ${r.url}` })];
    }
    const documented = page.httpRequests.map((d) => `${d.method} ${d.path}`);
    return [findingAt(rule, r, `example request "${r.method} ${r.path}" matches no documented path (${documented.slice(0, 3).join('; ')}${documented.length > 3 ? '; ...' : ''})`)];
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({ httpRequest: 'POST /groups/{id}/widgets/', requestLine: 'POST https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/widgets' }),
    ],
    notOk: [
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/gadgets' }, 'POST https://graph.microsoft.com/v1.0/gadgets'),
      widgetFixture({ requestLine: 'PUT https://graph.microsoft.com/v1.0/widgets' }, 'PUT https://graph.microsoft.com/v1.0/widgets'),
    ],
  },
};
