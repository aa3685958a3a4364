/**
 * Request path → emulated route, through a trie per API version (thousands of routes, one walk per request).
 * Literal segments match case-insensitively and win over keys; calls (`delta()`) match by name whatever
 * their arguments. The match also gives the request's store address: literal names in lower case, keys
 * as sent (GUIDs in lower case), `me` expanded to `users/<signed-in user id>`. Pure.
 */
import { GUID } from '../../util/values.js';
import { callName, type EmulatedRoute, type Segment } from './route-table.js';

interface Node {
  literals: Map<string, Node>;
  calls: Map<string, Node>;
  key?: Node;
  me?: Node;
  /** Routes ending here, by method. */
  routes: Map<string, EmulatedRoute>;
}

export type EmulatorMatch =
  /** `count`: the request is the list route's path + `/$count` (the number of items, as text). */
  | { kind: 'found'; route: EmulatedRoute; address: string[]; count?: true }
  | { kind: 'wrongMethod'; allowed: string[] }
  | { kind: 'noRoute' };

export interface Matcher {
  match(version: string, method: string, segments: string[]): EmulatorMatch;
}

const newNode = (): Node => ({ literals: new Map(), calls: new Map(), routes: new Map() });

export function buildMatcher(routes: EmulatedRoute[], meId: string): Matcher {
  const roots = new Map<string, Node>();
  for (const route of routes) {
    let node = roots.get(route.version);
    if (!node) roots.set(route.version, (node = newNode()));
    for (const segment of route.segments) node = child(node, segment);
    if (!node.routes.has(route.method)) node.routes.set(route.method, route);
  }
  const match = (version: string, method: string, segments: string[]): EmulatorMatch => {
    const root = roots.get(version);
    if (!root) return { kind: 'noRoute' };
    // `/$count` after any list path counts that list (OData's path segment, served by the list route).
    if (method === 'GET' && segments.length > 1 && segments[segments.length - 1].toLowerCase() === '$count') {
      const listed = match(version, 'GET', segments.slice(0, -1));
      if (listed.kind === 'found' && listed.route.kind === 'list' && !listed.count) return { ...listed, count: true };
    }
    const ends: Node[] = [];
    walk(root, segments, 0, ends);
    for (const end of ends) {
      const route = end.routes.get(method);
      if (route) return { kind: 'found', route, address: addressOf(route.segments, segments, meId) };
    }
    const allowed = [...new Set(ends.flatMap((end) => [...end.routes.keys()]))];
    return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'noRoute' };
  };
  return { match };
}

function child(node: Node, segment: Segment): Node {
  const table = segment.kind === 'literal' ? node.literals : segment.kind === 'call' ? node.calls : undefined;
  if (table) {
    const name = (segment as { name: string }).name;
    let next = table.get(name);
    if (!next) table.set(name, (next = newNode()));
    return next;
  }
  const slot = segment.kind === 'key' ? 'key' : 'me';
  return (node[slot] ??= newNode());
}

/** Collects every node the whole path can end at, literal matches first. */
function walk(node: Node, segments: string[], i: number, ends: Node[]): void {
  if (i === segments.length) {
    if (node.routes.size > 0) ends.push(node);
    return;
  }
  const raw = segments[i];
  const paren = raw.indexOf('(');
  if (paren > 0) {
    const call = node.calls.get(callName(raw.slice(0, paren)));
    if (call) walk(call, segments, i + 1, ends);
  } else {
    const lower = raw.toLowerCase();
    if (i === 0 && lower === 'me' && node.me) walk(node.me, segments, i + 1, ends);
    const literal = node.literals.get(lower);
    if (literal) walk(literal, segments, i + 1, ends);
  }
  if (node.key) walk(node.key, segments, i + 1, ends);
}

/** Graph's GUID keys are case-insensitive: the store holds them in lower case (as randomUUID makes them). */
export function canonicalKey(segment: string): string {
  return GUID.test(segment) ? segment.toLowerCase() : segment;
}

/** The store address of a matched request: `users/<id>/messages`. */
function addressOf(template: Segment[], segments: string[], meId: string): string[] {
  const out: string[] = [];
  template.forEach((segment, i) => {
    if (segment.kind === 'me') out.push('users', meId);
    else if (segment.kind === 'literal') out.push(segment.name);
    else if (segment.kind === 'key') out.push(canonicalKey(segments[i]));
    else out.push(`${segment.name}()`);
  });
  return out;
}
