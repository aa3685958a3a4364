import type { LintRule } from '../types.js';
import type { JsonBody } from '../../model/page.js';
import { findingAt, childPointer } from '../report.js';
import { lineOfPointer } from '../body-check.js';
import { widgetFixture, WIDGET_DEFAULTS } from './fixtures.js';

/** Every `@odata.type` string value in a JSON value that lacks the leading `#`, with its pointer. */
function unhashedTypes(value: unknown, pointer: string, out: { pointer: string; type: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => unhashedTypes(v, childPointer(pointer, i), out));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = childPointer(pointer, key);
    // Only a type name: a placeholder such as "String" or "#microsoft.graph..." is fine or none of ours.
    if (key === '@odata.type' && typeof v === 'string' && /^microsoft\.graph\.[\w.]+$/i.test(v)) out.push({ pointer: at, type: v });
    else unhashedTypes(v, at, out);
  }
}

/**
 * In an OData JSON payload, @odata.type is a URL fragment: `"#microsoft.graph.keyCredential"`. (The
 * doc annotations in HTML comments name types without `#`; they are not payloads and are not checked.)
 */
export const rule: LintRule<'example'> = {
  id: 'example-odata-type-hash',
  severity: 'warning',
  purpose: 'An "@odata.type" value inside an example body starts with "#" ("#microsoft.graph.x"), as OData JSON requires.',
  given: 'example',
  check({ page, example }) {
    const bodies: [string, JsonBody | undefined][] = [['request', example.request?.body], ['response', example.response?.body]];
    return bodies.flatMap(([what, body]) => {
      if (!body || body.value === undefined) return [];
      const found: { pointer: string; type: string }[] = [];
      unhashedTypes(body.value, '', found);
      return found.map((u) => findingAt(rule, { file: page.file, line: lineOfPointer(body, u.pointer) },
        `${what} example: "@odata.type" value "${u.type}" lacks the leading "#"`, { fix: `"#${u.type}"` }));
    });
  },
  examples: {
    ok: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('{', '{\n  "@odata.type": "#microsoft.graph.widget",') }),
    ],
    notOk: [
      widgetFixture({ requestBody: WIDGET_DEFAULTS.requestBody.replace('{', '{\n  "@odata.type": "microsoft.graph.widget",') }, '"@odata.type": "microsoft.graph.widget"'),
      widgetFixture({ responseBody: WIDGET_DEFAULTS.responseBody.replace('"size": 3,', '"size": 3,\n  "owner": {\n    "@odata.type": "microsoft.graph.user"\n  },') }, '"@odata.type": "microsoft.graph.user"'),
    ],
  },
};
