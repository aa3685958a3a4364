import type { LintRule } from '../types.js';
import type { ParsedPage } from '../../model/page.js';
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

/** A crude stem, so plurals and word forms meet: policies/policy, scheduling/schedule, shifts/shift. */
function stem(word: string): string {
  return word.toLowerCase().replace(/ies$/, 'y').replace(/(ing|es|s|e)$/, '');
}

/** The words of a camelCase identifier, stemmed (`swapShiftsChangeRequest` → swap, shift, chang, request). */
function words(identifier: string): Set<string> {
  return new Set(identifier.split(/(?=[A-Z])/).map(stem).filter(Boolean));
}

/**
 * Two identifiers name the same thing: the words of one are all words of the other (`swapshiftRequest` /
 * `swapShiftsChangeRequest`, `chatMessagePolicyTip` / `chatMessagePolicyViolationPolicyTip`,
 * `homeRealmDiscoveryPolicy` / `homeRealmDiscoveryPolicies`, `scheduleGroups` / `schedulingGroups`).
 */
function sameThing(x: string, y: string): boolean {
  // A word may be a lower-case compound on one side (`swapshift`): look for it in the other's letters.
  const within = (a: string, b: string) => {
    const letters = [b.toLowerCase(), [...words(b)].join('')];
    return [...words(a)].every((w) => letters.some((l) => l.includes(w)));
  };
  return within(x, y) || within(y, x);
}

/** The action an `x: action` heading names (the identifier after the colon). */
function actionOf(heading: string): string | undefined {
  const i = heading.indexOf(':');
  return i < 0 ? undefined : identifiers(heading.slice(i + 1))[0];
}

/** Last segment of each documented path, without function parameters (`/applications/{id}/addKey` → addKey). */
function documentedActions(page: ParsedPage): Set<string> {
  if (page.kind !== 'api') return new Set();
  return new Set(page.httpRequests.map((r) => (r.path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '').replace(/\(.*$/, '').toLowerCase()));
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
    // Similar names of an action (`addKey` / `addPasswordKey`): the documented path says which is the
    // operation; a heading naming an action the page does not document contradicts the other.
    const [at, ah] = [actionOf(title), actionOf(h1)];
    if (at && ah && at.toLowerCase() !== ah.toLowerCase()) {
      const documented = documentedActions(page);
      if (documented.has(at.toLowerCase()) !== documented.has(ah.toLowerCase())) {
        const [right, wrong] = documented.has(at.toLowerCase()) ? [at, ah] : [ah, at];
        return [findingAt(rule, page.h1, `H1 "${h1}" and title "${title}" name different operations: ${wrong} is not the documented action ${right}`)];
      }
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
      widgetFixture({ frontMatter: 'title: "List assigned widgetPolicies"\ndescription: "List."', h1: 'List assigned widgetPolicy' }),
      widgetFixture({ frontMatter: 'title: "Create swapshiftRequest"\ndescription: "Create."', h1: 'Create swapShiftsChangeRequest' }),
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('# widget resource type', '# widget resource type (Open Type)') },
    ],
    notOk: [
      // Similar names, but the documented path calls addKey: the H1's addPasswordKey is another operation.
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key."', h1: 'widget: addPasswordKey', httpRequest: 'POST /widgets/{id}/addKey' }, '# widget: addPasswordKey'),
      widgetFixture({ frontMatter: 'title: "widget: addKey"\ndescription: "Adds a key."', h1: 'widget: removeGadget' }, '# widget: removeGadget'),
      widgetFixture({ h1: 'Delete widget' }, '# Delete widget'),
      { file: 'resources/widget.md', markdown: WIDGET_RESOURCE.replace('# widget resource type', '# gadget resource type'), at: '# gadget' },
    ],
  },
};
