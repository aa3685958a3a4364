import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { jsonSources } from '../json-sources.js';
import { widgetFixture } from './fixtures.js';

/**
 * 0-based line offset of the first thing a strict parser rejects outside strings: a trailing comma, a
 * comment, a `...` elision, a single-quoted string, an unquoted key; undefined when none is found (then
 * the block's first line is reported).
 */
export function firstLenientLine(text: string): number | undefined {
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      // Skip the string (a raw newline inside it is a control character, still counted as a line).
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') return line;
      }
    } else if (c === ',') {
      const rest = /^(\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[}\]]/.exec(text.slice(i + 1, i + 400));
      if (rest) return line;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return line;
    else if ((c === '.' && text.startsWith('...', i)) || c === '\u2026' || c === "'") return line;
    else if (/[A-Za-z_$]/.test(c) && /^[A-Za-z_$][\w$]*\s*:/.test(text.slice(i, i + 200)) && !/^(true|false|null)\b/.test(text.slice(i, i + 6))) return line;
  }
  return undefined;
}

const ELISION_ONLY = (repairs: readonly string[]) => repairs.length > 0 && repairs.every((r) => r === '... elision');

/**
 * Reported at the offending line (the first trailing comma, comment or elision), not the block's first
 * line. A body shortened with `...` and nothing else follows the docs' own convention for long examples
 * ("the response object shown here might be shortened"): an info, not a warning.
 */
export const rule: LintRule<'page'> = {
  id: 'json-lenient',
  severity: 'warning',
  purpose: 'Example bodies, annotations and JSON representations are strict JSON (no trailing commas or comments; `...` elisions, the docs\' convention, are an info).',
  given: 'page',
  check(page) {
    return jsonSources(page)
      .filter((s) => s.json.parse === 'lenient')
      .map((s) => {
        const repairs = 'repairs' in s.json ? s.json.repairs : [];
        const text = 'text' in s.json ? s.json.text : s.json.raw;
        const offset = firstLenientLine(text);
        const line = offset === undefined ? s.json.line : s.json.line + offset;
        if (ELISION_ONLY(repairs)) {
          return findingAt(rule, { file: s.json.file, line }, `${s.what} is shortened with "..." (the docs' elision convention; not strict JSON)`, { severity: 'info' });
        }
        return findingAt(rule, { file: s.json.file, line }, `${s.what} is not strict JSON${repairs.length ? ` (${repairs.join(', ')})` : ''}`);
      });
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      // The trailing comma's line, not the block's first line.
      widgetFixture({ requestBody: '{ "displayName": "Blue",\n  "size": 3,\n}' }, '"size": 3,'),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "truncated": true, } -->' }, '"blockType": "response"'),
      widgetFixture({ responseBody: '{\n  "id": "1",\n  // the name\n  "displayName": "Blue"\n}' }, '// the name'),
      // An elision: reported (at its line) as an info.
      widgetFixture({ responseBody: '{\n  "id": "1",\n  "displayName": "Blue",\n  ...\n}' }, '  ...'),
    ],
  },
};
