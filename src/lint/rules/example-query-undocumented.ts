import type { Finding } from '../../model/finding.js';
import { odataOptionsIn } from '../../parse/query-parameters.js';
import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { exampleCall } from '../request-target.js';
import { widgetFixture } from './fixtures.js';

/** OData options in the query string of an example URL (`?$select=a&$top=5`, `%24filter=...`), canonical names. */
export function queryOptionsOf(url: string): string[] {
  const query = url.split('#')[0].split('?').slice(1).join('?');
  if (!query) return [];
  const keys = query.split('&').map((pair) => {
    const key = pair.split('=')[0];
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  });
  return odataOptionsIn(keys.join(' '));
}

export const rule: LintRule<'api-page'> = {
  id: 'example-query-undocumented',
  severity: 'warning',
  purpose: 'Examples use only the OData query options the Optional query parameters section names.',
  given: 'api-page',
  check(page, ctx) {
    const section = page.queryParameters;
    // A section that names no option ("supports the OData query parameters") allows every one.
    if (!section || section.support === 'unspecified') return [];
    const named = new Set(section.parameters.filter((p) => p.name.startsWith('$')).map((p) => p.name));
    const out: Finding[] = [];
    for (const example of page.examples) {
      const request = example.request;
      // Only a call of this page's operation is bound by its query parameters section.
      if (!request || exampleCall({ page, example, operation: ctx.operationOf(page.file) }, ctx).kind !== 'documented') continue;
      for (const option of queryOptionsOf(request.url)) {
        if (named.has(option)) continue;
        const said = section.support === 'none' ? 'says no query parameters are supported' : `names only ${[...named].join(', ')}`;
        out.push(findingAt(rule, request, `the example uses ${option}, but the query parameters section (line ${section.line}) ${said}`, {
          fix: `document ${option} in the query parameters section, or remove it from the example`,
        }));
      }
    }
    return out;
  },
  examples: {
    ok: [
      widgetFixture({ queryParameters: 'This method supports the `$select` OData query parameter.', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets?$select=id' }),
      widgetFixture({ queryParameters: 'This method supports the OData query parameters to help customize the response. Use `$select` to pick properties.', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets?$expand=owner' }),
    ],
    notOk: [
      widgetFixture({ queryParameters: 'This method supports the `$select` OData query parameter.', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets?%24expand=owner' }, 'widgets?%24expand=owner'),
      widgetFixture({ queryParameters: 'This method does not support optional query parameters.', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets?$select=id' }, 'widgets?$select=id'),
    ],
  },
};
