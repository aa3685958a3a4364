import type { LintRule } from '../types.js';
import { findingAt } from '../report.js';
import { widgetFixture, WIDGET_RESOURCE } from './fixtures.js';

/** Title or heading text without markup, case, articles and punctuation. */
function normaliseHeading(text: string): string {
  return text
    .replace(/\s+-\s+Microsoft Graph\s*$/i, '')
    .replace(/\((deprecated|preview|beta|open type)\)/gi, '')
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

/** Verbs of the same operation kind ("Get" and "List", "Create" and "Add"), so rewordings are no contradiction. */
const VERB_KINDS: Record<string, string> = {
  get: 'read', list: 'read', read: 'read', retrieve: 'read', show: 'read', enumerate: 'read',
  create: 'create', add: 'create', post: 'create', insert: 'create', new: 'create', upload: 'create',
  update: 'update', patch: 'update', edit: 'update', modify: 'update', change: 'update', replace: 'update', set: 'update', put: 'update', configure: 'update',
  delete: 'delete', remove: 'delete',
};

function verbKind(normalised: string): string | undefined {
  return VERB_KINDS[normalised.split(' ')[0]];
}

/** Two identifiers name the same thing: equal but for case and plural, or one contains the other (`provisioningPolicies` / `cloudPcProvisioningPolicies`). */
function sameThing(x: string, y: string): boolean {
  const a = x.toLowerCase().replace(/s$/, '');
  const b = y.toLowerCase().replace(/s$/, '');
  return a.includes(b) || b.includes(a);
}

/** The type a resource page heading names (`widget resource type` → widget), when it says it names one. */
function resourceTypeNamed(text: string): string | undefined {
  const m = /^\s*`?([A-Za-z][\w.]*)`?\s+(resource type|complex type|entity type|enum type|resource)\b/i.exec(text.replace(/[*_]/g, ''));
  return m?.[1];
}

/**
 * Reports only a real contradiction between the front matter title and the H1: they name different
 * operations (different camelCase identifiers, or verbs of different kinds: Create vs Delete) or, on a
 * resource page, different types. Rewordings, synonyms and plurals ("Update a file or folder" / "Update
 * DriveItem properties", "List members in a teamworkTag" / "List teamworkTagMembers") are no finding.
 * A warning: the reader sees both and can tell which is right.
 */
export const rule: LintRule<'page'> = {
  id: 'title-h1-mismatch',
  severity: 'warning',
  purpose: 'The front matter title and the H1 do not name different operations or resources (rewordings and synonyms are fine).',
  given: 'page',
  check(page) {
    const title = page.frontMatter.title;
    if (typeof title !== 'string' || !title.trim() || !page.h1) return [];
    const h1 = page.h1.text;
    const [t, h] = [normaliseHeading(title), normaliseHeading(h1)];
    if (t === h) return [];
    const a = identifiers(title);
    const b = identifiers(h1);
    if (a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => sameThing(x, y)))) {
      return [findingAt(rule, page.h1, `H1 "${h1}" names a different operation (${b.join(', ')}) than the title "${title}" (${a.join(', ')})`)];
    }
    const [vt, vh] = [verbKind(t), verbKind(h)];
    if (vt && vh && vt !== vh) {
      return [findingAt(rule, page.h1, `H1 "${h1}" names a different kind of operation (${h.split(' ')[0]}) than the title "${title}" (${t.split(' ')[0]})`)];
    }
    if (page.kind === 'resource') {
      const [rt, rh] = [resourceTypeNamed(title), resourceTypeNamed(h1)];
      if (rt && rh && !sameThing(rt, rh)) return [findingAt(rule, page.h1, `H1 "${h1}" names another resource type (${rh}) than the title "${title}" (${rt})`)];
    }
    return [];
  },
  examples: {
    ok: [
      widgetFixture(),
      widgetFixture({ frontMatter: 'title: "create `widget`"\ndescription: "Create a widget."', h1: 'Create a widget' }),
      // Rewordings, synonyms and plurals name the same operation.
      widgetFixture({ frontMatter: 'title: "Update a file or folder"\ndescription: "Update a widget."', h1: 'Update DriveItem properties' }),
      widgetFixture({ frontMatter: 'title: "List widgetTagMembers"\ndescription: "List members."', h1: 'List members in a widgetTag' }),
      widgetFixture({ frontMatter: 'title: "Get a widget"\ndescription: "Get a widget."', h1: 'List widgets' }),
      widgetFixture({ frontMatter: 'title: "List cloudPcProvisioningPolicies"\ndescription: "List."', h1: 'List provisioningPolicies' }),
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('# widget resource type', '# widget resource type (Open Type)') },
    ],
    notOk: [
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key."', h1: 'widget: addPasswordKey' }, '# widget: addPasswordKey'),
      widgetFixture({ h1: 'Delete widget' }, '# Delete widget'),
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('# widget resource type', '# gadget resource type'), at: '# gadget' },
    ],
  },
};
