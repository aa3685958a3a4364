import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { jsonSources } from '../json-sources.js';
import { widgetFixture } from './fixtures.js';

/** The parser's error without its "at 3:3" position: the finding carries the line, and lines move. */
function reason(error: string | undefined): string {
  return (error ?? '').replace(/ at \d+:\d+$/, '');
}

export const rule: LintRule<'page'> = {
  id: 'json-invalid',
  severity: 'error',
  purpose: 'Example bodies and annotations parse as JSON at all (even leniently).',
  given: 'page',
  check(page) {
    return jsonSources(page)
      .filter((s) => s.json.parse === 'invalid')
      .map((s) => {
        const body = 'text' in s.json ? s.json : undefined;
        const why = body ? reason(body.error) : '';
        return findingAt(rule, { file: s.json.file, line: body?.errorLine ?? s.json.line }, `${s.what} is not JSON${why ? `: ${why}` : ''}`,
          // A JSON representation is a type sketch, often not JSON on purpose: only a warning there.
          s.what === 'JSON representation' ? { severity: 'warning' } : {});
      });
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      widgetFixture({ requestBody: '{\n  "displayName": "Blue"\n  "size": 3\n}' }, '"size": 3'),
    ],
  },
};
