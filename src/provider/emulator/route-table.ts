/**
 * The emulator's route table, built from the catalog as data: every documented `METHOD path` of every
 * operation becomes a route whose kind says what the generic store does with it.
 *
 *   POST   /users                      create    (a collection POST documented as a create)
 *   GET    /users                      list      (returns a collection)
 *   GET    /users/{id}                 get       (entity by key)     GET /me/mailboxSettings  get (single-valued)
 *   PATCH  /users/{id}                 update    PUT .../{id} too    PATCH /me/mailboxSettings update (single-valued)
 *   DELETE /users/{id}                 delete
 *   POST   /applications/{id}/addKey   action    (answers its documented example response)
 *   GET    /reports/getX(period='{p}') function
 *
 * `/me` is the signed-in user: its segment addresses `users/{the signed-in user's id}`, so `/me/messages`
 * and `/users/{id}/messages` reach the same data (other alternate paths: aliases.ts). Routes a generic store
 * cannot serve honestly (binary content, see NOT_SERVED) are kept with the reason, so requests get a 501 naming
 * it. `GET <list>/$count` is the list route's (matcher.ts). Pure.
 */
import type { Operation } from '../../model/catalog.js';
import { normalizePath } from '../../catalog/operation-id.js';

export type RouteKind = 'create' | 'get' | 'list' | 'update' | 'delete' | 'action' | 'function';

/** One segment of a path template. */
export type Segment =
  | { kind: 'literal'; name: string }
  /** `{id}`, `{item-path}:`: any one segment. */
  | { kind: 'key' }
  /** `delta()`, `getByPath(path='{p}')`: matched by name, arguments are free. */
  | { kind: 'call'; name: string }
  /** `me`: the signed-in user, addressed as `users/{id}`. */
  | { kind: 'me' };

export interface EmulatedRoute {
  method: string;
  /** The documented path, normalised (`/users/{id}/messages`). */
  path: string;
  segments: Segment[];
  kind: RouteKind;
  /** Single-valued (a navigation property or singleton, not an entity of a collection): get/update only. */
  singleValued: boolean;
  operationId: string;
  version: string;
  successStatus: number;
  operation: Operation;
  /** Set when the route cannot be served, with why (the request gets a 501 saying so). */
  notServed?: string;
  /** The documented body is a JSON array (commands, not an object to store): checked, then answered with the status. */
  arrayBody?: true;
}

export interface RouteTable {
  routes: EmulatedRoute[];
  /** Documented `METHOD path`s dropped because another operation of the version documents the same one first. */
  duplicates: { method: string; path: string; operationId: string; version: string; servedBy: string }[];
  /** Collection templates (version-free, `users/{}/messages`) that a documented create adds to. */
  creatable: Set<string>;
  /** What $expand can reach: templates of served lists (`widgets/{}/parts`) and single-valued gets (`users/{}/settings`). */
  navigations: Map<string, 'collection' | 'single'>;
}

const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

/** Routes of every documented path of the given operations. */
export function buildRouteTable(operations: Operation[]): RouteTable {
  const routes: EmulatedRoute[] = [];
  const duplicates: RouteTable['duplicates'] = [];
  const seen = new Map<string, string>();
  for (const op of operations) {
    const documented = op.paths.length > 0 ? op.paths : [{ method: op.method, path: op.path }];
    for (const { method: rawMethod, path: rawPath } of documented) {
      const method = rawMethod.toUpperCase();
      if (!METHODS.has(method)) continue;
      const path = normalizePath(rawPath);
      const segments = parseTemplate(path);
      const key = `${op.version} ${method} ${templateKey(segments)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        if (first !== op.id) duplicates.push({ method, path, operationId: op.id, version: op.version, servedBy: first });
        continue;
      }
      seen.set(key, op.id);
      routes.push(routeOf(op, method, path, segments));
    }
  }
  const creatable = new Set(routes.filter((r) => r.kind === 'create' && !r.notServed).map((r) => addressTemplate(r.segments)));
  const navigations = new Map<string, 'collection' | 'single'>();
  for (const r of routes) {
    if (r.notServed) continue;
    if (r.kind === 'list') navigations.set(addressTemplate(r.segments), 'collection');
    else if (r.kind === 'get' && r.singleValued) navigations.set(addressTemplate(r.segments), 'single');
  }
  return { routes, duplicates, creatable, navigations };
}

/** `/users/{id}/microsoft.graph.delta()` → segments. */
export function parseTemplate(path: string): Segment[] {
  return path.split('/').filter(Boolean).map((raw, i): Segment => {
    const paren = raw.indexOf('(');
    if (paren > 0) return { kind: 'call', name: callName(raw.slice(0, paren)) };
    if (raw.includes('{')) return { kind: 'key' };
    if (i === 0 && raw.toLowerCase() === 'me') return { kind: 'me' };
    return { kind: 'literal', name: raw.toLowerCase() };
  });
}

/** Function names may be namespace-qualified (`microsoft.graph.delta`): compare the last part, lower case. */
export function callName(raw: string): string {
  return raw.slice(raw.lastIndexOf('.') + 1).toLowerCase();
}

/** A version-free key of a template: literals lower case, keys `{}`, calls `name()`. */
export function templateKey(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'literal' ? s.name : s.kind === 'key' ? '{}' : s.kind === 'me' ? 'me' : `${s.name}()`)).join('/');
}

/** The store's view of a template: `me` is `users/{}`. */
export function addressTemplate(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'literal' ? s.name : s.kind === 'key' ? '{}' : s.kind === 'me' ? 'users/{}' : `${s.name}()`)).join('/');
}

function routeOf(op: Operation, method: string, path: string, segments: Segment[]): EmulatedRoute {
  const last = segments[segments.length - 1];
  const endsWithKey = last !== undefined && (last.kind === 'key' || last.kind === 'me');
  const kind = kindOf(op, method, last, endsWithKey);
  const route: EmulatedRoute = {
    method,
    path,
    segments,
    kind,
    singleValued: (kind === 'get' || kind === 'update' || kind === 'delete') && !endsWithKey,
    operationId: op.id,
    version: op.version,
    successStatus: op.successStatus >= 200 && op.successStatus < 300 ? op.successStatus : 200,
    operation: op,
  };
  // A JSON array of commands (OneNote's PATCH .../content) is JSON, whatever the path's last segment says.
  if (method !== 'GET' && op.examples.some((e) => e.request?.method?.toUpperCase() === method && Array.isArray(e.request.body?.value))) route.arrayBody = true;
  const reason = route.arrayBody ? undefined : notServedReason(route);
  if (reason) route.notServed = reason;
  return route;
}

function kindOf(op: Operation, method: string, last: Segment | undefined, endsWithKey: boolean): RouteKind {
  if (last?.kind === 'call') return method === 'GET' ? 'function' : 'action';
  switch (method) {
    case 'GET':
      return !endsWithKey && (op.returnsCollection || op.id.endsWith('.list')) ? 'list' : 'get';
    case 'PATCH':
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      // A POST: a create when the catalog named it one (201, "Create x", a representation body), else an action.
      return !endsWithKey && op.id.endsWith('.create') ? 'create' : 'action';
  }
}

/**
 * Why a route cannot be served, by class (each request then gets a 501 saying so; `serve` and
 * `graphpact operations` count them): what is not JSON a store can hold or answer, and actions whose
 * answer the docs do not show.
 */
export const NOT_SERVED = {
  binaryResponse: 'binary content (a media stream, not JSON)',
  binaryRequest: 'binary request body (an upload of bytes, not JSON)',
  noExample: 'no documented example response to answer with',
} as const;

function notServedReason(route: EmulatedRoute): string | undefined {
  const literals = route.segments.filter((s): s is { kind: 'literal'; name: string } => s.kind === 'literal').map((s) => s.name);
  const last = route.segments[route.segments.length - 1];
  const lastName = last?.kind === 'literal' ? last.name : undefined;
  const examples = route.operation.examples.filter((e) => e.request?.method?.toUpperCase() === route.method);
  if (route.method !== 'GET' && route.operation.requestBody === undefined && examples.some((e) => e.request?.rawBody !== undefined && e.request.body === undefined)) {
    return NOT_SERVED.binaryRequest;
  }
  if (literals.includes('$value') || lastName === 'content' || lastName === 'contentstream') return NOT_SERVED.binaryResponse;
  // An action documented to return nothing but a status answers just that status (202 Accepted: a long-running
  // operation, with its documented Location); one that returns a type needs an example to answer with.
  if ((route.kind === 'action' || route.kind === 'function') && route.successStatus !== 204 && route.successStatus !== 202
    && route.operation.returnType !== undefined && exampleResponse(route.operation) === undefined) {
    return NOT_SERVED.noExample;
  }
  return undefined;
}

/** The first documented 2xx example response with a JSON object body: what an action or function answers. */
export function exampleResponse(op: Operation): { status: number; body: Record<string, unknown> } | undefined {
  for (const example of op.examples) {
    const response = example.response;
    const status = response?.status ?? op.successStatus;
    const value = response?.body?.value;
    if (status >= 200 && status < 300 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { status, body: value as Record<string, unknown> };
    }
  }
  return undefined;
}

/**
 * Counts of a table: routes (documented `METHOD path`s) by kind, operations by the kind of their first route,
 * and the routes not served by reason.
 */
export function summarizeRoutes(table: RouteTable): {
  served: Record<RouteKind, number>;
  notServed: Record<string, number>;
  duplicates: number;
  operations: { served: Record<RouteKind, number>; notServed: number };
} {
  const zero = (): Record<RouteKind, number> => ({ create: 0, get: 0, list: 0, update: 0, delete: 0, action: 0, function: 0 });
  const served = zero();
  const notServed: Record<string, number> = {};
  const operations = { served: zero(), notServed: 0 };
  const counted = new Set<string>();
  for (const route of table.routes) {
    if (route.notServed) notServed[route.notServed] = (notServed[route.notServed] ?? 0) + 1;
    else served[route.kind] += 1;
    const key = `${route.version} ${route.operationId}`;
    if (counted.has(key)) continue;
    counted.add(key);
    if (route.notServed) operations.notServed += 1;
    else operations.served[route.kind] += 1;
  }
  return { served, notServed, duplicates: table.duplicates.length, operations };
}

/** For each operation (`<version> <id>`) with documented paths the emulator answers 501: `METHOD path: why`, one per path. */
export function notServedByOperation(table: RouteTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const route of table.routes) {
    if (!route.notServed) continue;
    const key = `${route.version} ${route.operationId}`;
    const line = `${route.method} ${route.path}: ${route.notServed}`;
    const list = out.get(key);
    if (list) list.push(line);
    else out.set(key, [line]);
  }
  return out;
}
