import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, WIDGET_RESOURCE } from './fixtures.js';

/** Title or heading text without markup, case, articles and punctuation. */
function normaliseHeading(text: string): string {
  return text
    .replace(/\s+-\s+Microsoft Graph\s*$/i, '')
    .replace(/\((deprecated|preview|beta)\)/gi, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .toLowerCase()
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim()
    // "sitePage" and "sitePage resource type" name the same thing.
    .replace(/ (resource type|resource|complex type|entity type|enum type|object)$/, '');
}

/** camelCase identifiers of a heading (`application: addKey` → addKey): the operation names it carries. */
export function identifiers(text: string): string[] {
  return [...text.matchAll(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g)].map((m) => m[0]);
}

export const rule: LintRule<'page'> = {
  id: 'title-h1-mismatch',
  severity: 'warning',
  purpose: 'The front matter title and the H1 name the same thing (beyond case and markup).',
  given: 'page',
  check(page) {
    const title = page.frontMatter.title;
    if (typeof title !== 'string' || !title.trim() || !page.h1) return [];
    if (normaliseHeading(title) === normaliseHeading(page.h1.text)) return [];
    const a = identifiers(title);
    const b = identifiers(page.h1.text);
    // Both name an operation (camelCase identifier) and the names differ: a real contradiction.
    const same = (x: string, y: string) => x.toLowerCase().replace(/s$/, '') === y.toLowerCase().replace(/s$/, '');
    const differentOperation = a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => same(x, y)));
    return [findingAt(rule, page.h1, differentOperation
      ? `H1 "${page.h1.text}" names a different operation (${b.join(', ')}) than the title "${title}" (${a.join(', ')})`
      : `H1 "${page.h1.text}" differs from the title "${title}"`,
    { severity: differentOperation ? 'error' : 'warning' })];
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({ frontMatter: 'title: "create `widget`"\ndescription: "Create a widget."', h1: 'Create a widget' }),
    ],
    notOk: [
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key."', h1: 'widget: addPasswordKey' }, '# widget: addPasswordKey'),
      widgetFixture({ h1: 'Create gadget' }, '# Create gadget'),
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('# widget resource type', '# gadget resource type'), at: '# gadget' },
    ],
  },
};
