import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { pathMatches } from '../paths.js';
import { exampleCall } from '../request-target.js';
import { widgetFixture, widgetPage, WIDGET_RESOURCE } from './fixtures.js';

export const rule: LintRule<'example'> = {
  id: 'example-path-mismatch',
  severity: 'error',
  purpose: 'An example request uses a documented method and path (placeholders match any segment; version and trailing slash ignored).',
  given: 'example',
  check(subject, ctx) {
    const { page, example } = subject;
    const r = example.request;
    if (!r || page.httpRequests.length === 0 || !r.path) return [];
    // Another service's URL, or a step of a walkthrough calling an operation another page documents.
    if (exampleCall(subject, ctx).kind !== 'undocumented') return [];
    const samePath = page.httpRequests.filter((d) => pathMatches(r.path, d.path));
    if (samePath.some((d) => d.method.toUpperCase() === r.method.toUpperCase())) return [];
    if (samePath.length > 0) {
      return [findingAt(rule, r, `example method ${r.method} differs from the documented ${[...new Set(samePath.map((d) => d.method))].join('/')} for ${r.path}`,
        { fix: `${samePath[0].method} ${r.url}` })];
    }
    const documented = page.httpRequests.map((d) => `${d.method} ${d.path}`);
    // The example as written (its URL, not our normalised path) beside the documented paths as written.
    return [findingAt(rule, r, `example request "${r.method} ${r.url}" matches no path this page documents (${documented.slice(0, 3).join('; ')}${documented.length > 3 ? `; and ${documented.length - 3} more` : ''}) nor one another page of its version documents`)];
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({ httpRequest: 'POST /groups/{id}/widgets/', requestLine: 'POST https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/widgets' }),
      // OData key syntax addresses the documented /widgets/{id}.
      widgetFixture({ httpRequest: 'POST /widgets/{id}/complete', requestLine: "POST https://graph.microsoft.com/v1.0/widgets('AAMkADA1=')/complete" }),
      // The HTTP request written with an example's ids (a GUID where the key goes) still documents the path.
      widgetFixture({ httpRequest: 'POST /groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/widgets', requestLine: 'POST https://graph.microsoft.com/v1.0/groups/7e1ac0c2-33b4-4f39-b2a5-ef0c2e7d2d41/widgets' }),
      // The drive singleton and the root item address the documented /me/drive/items/{id}.
      widgetFixture({ httpRequest: 'POST /me/drive/items/{id}/workbook/widgets', requestLine: 'POST https://graph.microsoft.com/v1.0/drive/root/workbook/widgets' }),
      // A request to another service (a bot's notification URL, an upload session's URL) is not Graph's.
      widgetFixture({ requestLine: 'POST https://bot.contoso.com/api/notifications' }),
      widgetFixture({ requestAnnotation: '<!-- { "blockType": "request", "opaqueUrl": true } -->', requestLine: 'PUT https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337' }),
      // A walkthrough step calling an operation another page of the same version documents.
      {
        ...widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/gadgets' }),
        pages: { 'resources/widget.md': WIDGET_RESOURCE, 'api/gadget-create.md': widgetPage({ httpRequest: 'POST /gadgets', requestLine: 'POST https://graph.microsoft.com/v1.0/gadgets' }) },
      },
    ],
    notOk: [
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/gadgets' }, 'POST https://graph.microsoft.com/v1.0/gadgets'),
      widgetFixture({ requestLine: 'PUT https://graph.microsoft.com/v1.0/widgets' }, 'PUT https://graph.microsoft.com/v1.0/widgets'),
      // root is an item of the drive, not any segment: /drive/root/gadgets is not /me/drive/items/{id}/workbook/widgets.
      widgetFixture({ httpRequest: 'POST /me/drive/items/{id}/workbook/widgets', requestLine: 'POST https://graph.microsoft.com/v1.0/drive/root/gadgets' }, 'v1.0/drive/root/gadgets'),
      // A GUID matches a key, not a different segment.
      widgetFixture({ httpRequest: 'POST /groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/widgets', requestLine: 'POST https://graph.microsoft.com/v1.0/groups/7e1ac0c2-33b4-4f39-b2a5-ef0c2e7d2d41/gadgets' }, 'v1.0/groups/7e1ac0c2'),
    ],
  },
};
