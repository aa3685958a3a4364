import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { jsonSources } from '../json-sources.js';
import { widgetFixture } from './fixtures.js';

export const rule: LintRule<'page'> = {
  id: 'json-lenient',
  severity: 'warning',
  purpose: 'Example bodies, annotations and JSON representations are strict JSON (no trailing commas, comments or ... elisions).',
  given: 'page',
  check(page) {
    return jsonSources(page)
      .filter((s) => s.json.parse === 'lenient')
      .map((s) => findingAt(rule, s.json, `${s.what} is not strict JSON${'repairs' in s.json && s.json.repairs.length ? ` (${s.json.repairs.join(', ')})` : ''}`));
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ requestBody: '{ "displayName": "Blue",\n  "size": 3,\n}' }, '{ "displayName": "Blue",'),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "truncated": true, } -->' }, '"blockType": "response"'),
    ],
  },
};
