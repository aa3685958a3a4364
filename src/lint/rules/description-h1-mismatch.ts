import type { LintContext, LintRule } from '../types.js';
import type { ApiPage } from '../../model/page.js';
import { findingAt } from '../report.js';
import { identifiers } from './title-h1-mismatch.js';
import { widgetFixture, widgetPage, WIDGET_RESOURCE } from './fixtures.js';

/** Words of a camelCase identifier after its verb: addPasswordKey → [password, key]. */
function objectWords(identifier: string): string[] {
  const words = identifier.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  return words.slice(1).filter((w) => w.length >= 3);
}

/** Crude stem so "keys"/"key", "passwords"/"password" match. */
function stem(word: string): string {
  return word.toLowerCase().replace(/(ies|es|s)$/, '');
}

/** Operation names that are not this page's: the H1's identifiers, and the actions other pages document on the same resource (`application: x`). */
function otherOperations(page: ApiPage, title: string, own: string, ctx: LintContext): string[] {
  const prefix = title.slice(0, title.indexOf(':')).trim().toLowerCase();
  // The H1's operation: what follows its colon (before it is the resource, `informationProtectionLabel`).
  const h1 = page.h1?.text ?? '';
  const out = new Set(identifiers(h1.slice(h1.indexOf(':') + 1)).filter((id) => id.toLowerCase() !== own.toLowerCase() && id.toLowerCase() !== prefix));
  for (const op of ctx.catalog.operations) {
    const t = op.title;
    if (!t.includes(':') || t.slice(0, t.indexOf(':')).trim().toLowerCase() !== prefix) continue;
    for (const id of identifiers(t.slice(t.indexOf(':') + 1))) if (id.toLowerCase() !== own.toLowerCase()) out.add(id);
  }
  return [...out];
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
    const mentions = (w: string) => said.has(stem(w)) || squashed.includes(stem(w));
    if (wanted.some(mentions)) return [];
    // A description in other words ("the number of users capable of MFA" for usersRegisteredByFeature) is
    // fine: only one describing ANOTHER operation is a contradiction — one the H1 names, or a sibling
    // action of the same resource (`application: addPassword` beside `application: addKey`).
    // Every word naming the other operation's object, as a word (not inside another: "valIDate").
    // Words of the resource itself (`workbookRange: columnsBefore` → workbook, range) name no other
    // operation: "columns to the left of the given range" does not describe resizedRange.
    const resource = title.slice(0, title.indexOf(':')).trim().split(/(?=[A-Z])|[^A-Za-z]+/).map(stem).filter(Boolean);
    const other = otherOperations(page, title, ids[0], ctx).find((o) => {
      const words = objectWords(o).filter((w) => !wanted.some((x) => stem(x) === stem(w)) && !resource.includes(stem(w)));
      return words.length > 0 && words.every((w) => said.has(stem(w)));
    });
    if (!other) return [];
    return [findingAt(rule, { file: page.file, line: lineOf(ctx.sourceLines(page.file), page.frontMatterLine ?? 1, 'description') },
      `description "${description}" does not describe ${ids[0]} (no mention of ${wanted.map((w) => `"${w}"`).join(' or ')}); it describes ${other}`)];
  },
  examples: {
    ok: [
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key to a widget."', h1: 'widget: addKey' }),
      // The same operation in other words: no other operation is described.
      widgetFixture({ frontMatter: 'title: "widget: usersRegisteredByFeature"\ndescription: "Get the number of users capable of multi-factor authentication."', h1: 'widget: usersRegisteredByFeature' }),
      // A sibling's object word inside another word ("valIDate" is not "ids") names no other operation.
      {
        ...widgetFixture({ frontMatter: 'title: "widget: validateProperties"\ndescription: "Validate that a widget name complies with naming policies."', h1: 'widget: validateProperties' }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'api/widget-getbyids.md': widgetPage({ frontMatter: 'title: "widget: getByIds"\ndescription: "Get widgets by ids."', h1: 'widget: getByIds', httpRequest: 'POST /widgets/getByIds', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets/getByIds' }),
        },
      },
      widgetFixture({ frontMatter: 'title: "widget: addKeys"\ndescription: "Add keys."', h1: 'widget: addKeys' }),
      // A sibling whose only object word is the resource's own ("widgetRange: resizedRange") is not described
      // by a description that mentions the range.
      {
        ...widgetFixture({ frontMatter: 'title: "widgetRange: columnsBefore"\ndescription: "Gets columns to the left of the given range."', h1: 'widgetRange: columnsBefore' }),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'api/widgetrange-resizedrange.md': widgetPage({ frontMatter: 'title: "widgetRange: resizedRange"\ndescription: "Gets a resized range."', h1: 'widgetRange: resizedRange', httpRequest: 'GET /widgets/{id}/range/resizedRange', requestLine: 'GET https://graph.microsoft.com/v1.0/widgets/1/range/resizedRange' }),
        },
      },
    ],
    notOk: [
      // The H1 names addPasswordKey; the description describes it, not the title's addKey.
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a strong password to a widget."', h1: 'widget: addPasswordKey' }, 'description:'),
      // A sibling page documents widget: addPassword, which the description describes.
      {
        ...widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a strong password to a widget."', h1: 'widget: addKey' }, 'description:'),
        pages: {
          'resources/widget.md': WIDGET_RESOURCE,
          'api/widget-addpassword.md': widgetPage({ frontMatter: 'title: "widget: addPassword"\ndescription: "Adds a strong password to a widget."', h1: 'widget: addPassword', httpRequest: 'POST /widgets/{id}/addPassword', requestLine: 'POST https://graph.microsoft.com/v1.0/widgets/1/addPassword' }),
        },
      },
    ],
  },
};
