import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { goesToGraph } from '../request-target.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-url-version',
  severity: 'warning',
  purpose: 'An example URL uses the API version of the folder its page is in (no beta URL on a v1.0 page).',
  given: 'example',
  check({ page, example }) {
    const r = example.request;
    if (!r?.version || page.version?.source !== 'folder' || r.version === page.version.value || !goesToGraph(r)) return [];
    return [findingAt(rule, r, `example URL uses version "${r.version}" on a ${page.version.value} page`,
      { fix: r.url.replace(`/${r.version}/`, `/${page.version.value}/`) })];
  },
  examples: {
    ok: [
      { ...widgetFixture(), file: 'v1.0/api/widget-create.md', pages: { 'v1.0/resources/widget.md': widgetFixture().pages!['resources/widget.md'] } },
      // A URL an upload session returned ("opaqueUrl": true) is not a Graph URL with a version.
      {
        ...widgetFixture({ requestAnnotation: '<!-- { "blockType": "request", "opaqueUrl": true } -->', requestLine: 'PUT https://graph.microsoft.com/beta/upload/fe6987415ace7X4e1eF866337' }),
        file: 'v1.0/api/widget-create.md', pages: { 'v1.0/resources/widget.md': widgetFixture().pages!['resources/widget.md'] },
      },
    ],
    notOk: [{ ...widgetFixture({ requestLine: 'POST https://graph.microsoft.com/beta/widgets' }, 'POST https://graph.microsoft.com/beta/widgets'), file: 'v1.0/api/widget-create.md', pages: { 'v1.0/resources/widget.md': widgetFixture().pages!['resources/widget.md'] } }],
  },
};
