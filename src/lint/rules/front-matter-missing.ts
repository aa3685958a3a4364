import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture } from './fixtures.js';

/** Line of `key:` inside the front matter, else the front matter's first line. */
function keyLine(lines: readonly string[] | undefined, start: number, key: string): number {
  if (!lines) return start;
  for (let i = start; i < lines.length && i < start + 40; i++) {
    if (lines[i].startsWith(`${key}:`)) return i + 1;
    if (lines[i].trim() === '---') break;
  }
  return start;
}

export const rule: LintRule<'page'> = {
  id: 'front-matter-missing',
  severity: 'warning',
  purpose: 'Every page has YAML front matter with a non-empty title and description.',
  given: 'page',
  check(page, ctx) {
    if (page.frontMatterLine === undefined) {
      // Reported on the first line with content, where the front matter belongs.
      const first = (ctx.sourceLines(page.file) ?? []).findIndex((l) => l.trim() !== '');
      return [findingAt(rule, { file: page.file, line: first >= 0 ? first + 1 : 1 }, 'page has no front matter (title, description)',
        { fix: page.h1 ? `add front matter with title: "${page.h1.text}"` : undefined })];
    }
    const out = [];
    for (const key of ['title', 'description'] as const) {
      const value = page.frontMatter[key];
      if (typeof value !== 'string' || value.trim() === '') {
        const present = value !== undefined;
        out.push(findingAt(rule, { file: page.file, line: present ? keyLine(ctx.sourceLines(page.file), page.frontMatterLine, key) : page.frontMatterLine },
          present ? `front matter ${key} is empty` : `front matter has no ${key}`));
      }
    }
    return out;
  },
  examples: {
    ok: [widgetFixture()],
    notOk: [
      { ...widgetFixture({ frontMatter: null }), line: 1 },
      widgetFixture({ frontMatter: 'title: "Create widget"\ndescription: ""' }, 'description: ""'),
    ],
  },
};
