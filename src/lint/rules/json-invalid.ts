import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { jsonSources } from '../json-sources.js';
import { widgetFixture, widgetPage } from './fixtures.js';

const ZIP_BODY = '[Zip file containing the widget package]';

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
    ok: [
      widgetFixture(),
      // A body its Content-Type says is not JSON (a package upload) is not judged as JSON.
      { ...widgetFixture(), markdown: widgetPage({ requestBody: ZIP_BODY }).replace(`application/json\n\n${ZIP_BODY}`, `application/zip\n\n${ZIP_BODY}`) },
    ],
    notOk: [
      widgetFixture({ requestBody: '{\n  "displayName": "Blue"\n  "size": 3\n}' }, '"size": 3'),
      // The same text sent as JSON is not JSON.
      widgetFixture({ requestBody: ZIP_BODY }, ZIP_BODY),
    ],
  },
};
