/**
 * Alternate paths to the same data, from the catalog: the documented paths of one operation that address the
 * same collection (or single-valued object) are aliases of one store address.
 *
 *   GET /groups/{id}/events        GET /groups/{id}/calendar/events       → one collection, `groups/{}/events`
 *   GET /drives/{id}/items/{id}    GET /users/{id}/drive/items/{id}       → one collection, `drives/{}/items`
 *
 * Two paths of an operation are aliases when they have as many keys, end in the same name, and after their last
 * key one's literal segments are the other's with some left out (`calendar/events` and `events`; type casts
 * such as `microsoft.graph.user` do not count). That keeps pages that document several different things under
 * one operation apart (`axes/categoryAxis/format` and `axes/valueAxis/format`, `roleManagement/directory/...`
 * and `roleManagement/cloudPC/...`). Keys map by position: the drive of `/users/{u}/drive` is `drives/{u}`
 * (ids are unique across the emulator's collections, so a key stands for one object whatever the path).
 * Classes are closed transitively; each is stored at its shortest template. `/me` is handled before this
 * (it is `users/{}` in every template). Pure.
 */
import type { EmulatedRoute } from './route-table.js';
import { addressTemplate } from './route-table.js';

/** Store template (`users/{}/calendar/events`) → the template its data is kept at (`groups/{}/events`, split). */
export type Aliases = ReadonlyMap<string, string[]>;

export function findAliases(routes: EmulatedRoute[]): Map<string, string[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (shorter(ra, rb)) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const templates of dataTemplatesByOperation(routes).values()) {
    for (let i = 0; i < templates.length; i++) {
      for (let j = i + 1; j < templates.length; j++) if (areAliases(templates[i], templates[j])) union(templates[i], templates[j]);
    }
  }
  const aliases = new Map<string, string[]>();
  for (const template of parent.keys()) {
    const root = find(template);
    if (root !== template) aliases.set(template.slice(2), root.slice(2).split('/'));
  }
  return aliases;
}

/** The store address of data addressed through `template` (split): its canonical template with the keys filled in. */
export function storedAddress(aliases: Aliases, template: string[], address: string[]): string[] {
  const canonical = aliases.get(template.join('/'));
  if (!canonical) return address;
  const keys = address.filter((_, i) => template[i] === '{}');
  let k = 0;
  return canonical.map((segment) => (segment === '{}' ? keys[k++] : segment));
}

/**
 * Where a route's data lives, as a template: the collection of creates, lists and entities (`c:users/{}/notes`),
 * or the single-valued object (`s:users/{}/settings`). Actions, functions and paths with calls have none.
 */
export function dataTemplate(route: EmulatedRoute): string | undefined {
  if (route.kind === 'action' || route.kind === 'function' || route.segments.some((s) => s.kind === 'call')) return undefined;
  const template = addressTemplate(route.segments).split('/');
  if (route.singleValued) return `s:${template.join('/')}`;
  return `c:${(route.kind === 'create' || route.kind === 'list' ? template : template.slice(0, -1)).join('/')}`;
}

function dataTemplatesByOperation(routes: EmulatedRoute[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const route of routes) {
    const data = route.notServed ? undefined : dataTemplate(route);
    if (!data) continue;
    const key = `${route.version} ${route.operationId}`;
    const list = out.get(key);
    if (!list) out.set(key, [data]);
    else if (!list.includes(data)) list.push(data);
  }
  return out;
}

/** Same shape, same number of keys, same last name, and after the last key one's literals contain the other's. */
export function areAliases(a: string, b: string): boolean {
  if (a.slice(0, 2) !== b.slice(0, 2)) return false;
  const x = a.slice(2).split('/').filter(notCast);
  const y = b.slice(2).split('/').filter(notCast);
  if (x.filter(isKey).length !== y.filter(isKey).length || x[x.length - 1] !== y[y.length - 1]) return false;
  const tailX = x.slice(x.lastIndexOf('{}') + 1);
  const tailY = y.slice(y.lastIndexOf('{}') + 1);
  return tailX.length <= tailY.length ? isSubsequence(tailX, tailY) : isSubsequence(tailY, tailX);
}

const isKey = (segment: string) => segment === '{}';
const notCast = (segment: string) => !segment.startsWith('microsoft.graph.');

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const segment of long) if (i < short.length && segment === short[i]) i++;
  return i === short.length;
}

/** Fewer segments first, then alphabetical: a deterministic representative of a class. */
function shorter(a: string, b: string): boolean {
  const la = a.split('/').length;
  const lb = b.split('/').length;
  return la !== lb ? la < lb : a < b;
}
