import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { identifiers } from './title-h1-mismatch.js';
import { widgetFixture } from './fixtures.js';

/** Words of a camelCase identifier after its verb: addPasswordKey → [password, key]. */
function objectWords(identifier: string): string[] {
  const words = identifier.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  return words.slice(1).filter((w) => w.length >= 3);
}

/** Crude stem so "keys"/"key", "passwords"/"password" match. */
function stem(word: string): string {
  return word.toLowerCase().replace(/(ies|es|s)$/, '');
}

function lineOf(lines: readonly string[] | undefined, fallback: number, key: string): number {
  const i = lines?.slice(0, 40).findIndex((l) => l.startsWith(`${key}:`)) ?? -1;
  return i >= 0 ? i + 1 : fallback;
}

export const rule: LintRule<'api-page'> = {
  id: 'description-h1-mismatch',
  severity: 'warning',
  purpose: 'The front matter description describes the operation the title and H1 name (an action such as addKey).',
  given: 'api-page',
  check(page, ctx) {
    const description = page.frontMatter.description;
    const title = page.frontMatter.title;
    if (typeof description !== 'string' || !description.trim() || typeof title !== 'string') return [];
    // Only action pages name their operation with an identifier after a colon (`application: addKey`).
    if (!title.includes(':')) return [];
    const ids = identifiers(title.slice(title.indexOf(':') + 1));
    if (ids.length !== 1) return [];
    const wanted = objectWords(ids[0]);
    if (wanted.length === 0) return [];
    const said = new Set((description.match(/[A-Za-z]+/g) ?? []).flatMap((w) => [stem(w), ...w.split(/(?=[A-Z])/).map(stem)]));
    const squashed = description.toLowerCase().replace(/[^a-z]/g, '');
    if (wanted.some((w) => said.has(stem(w)) || squashed.includes(stem(w)))) return [];
    return [findingAt(rule, { file: page.file, line: lineOf(ctx.sourceLines(page.file), page.frontMatterLine ?? 1, 'description') },
      `description "${description}" does not describe ${ids[0]} (no mention of ${wanted.map((w) => `"${w}"`).join(' or ')})`)];
  },
  examples: {
    ok: [
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key to a widget."', h1: 'widget: addKey' }),
      widgetFixture({ frontMatter: 'title: "widget: addKeys"\ndescription: "Add keys."', h1: 'widget: addKeys' }),
    ],
    notOk: [
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a strong password to a widget."', h1: 'widget: addKey' }, 'description:'),
    ],
  },
};
