/**
 * A tiny route table: path templates (after the version segment) with a handler per method.
 * Literal segments match case-insensitively (Graph's URLs do); `{name}` captures one segment.
 */
import type { Handler } from './context.js';
import { GUID } from '../util/values.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route {
  template: string;
  methods: Partial<Record<Method, Handler>>;
  /** The documented operation each method implements (quirks can be scoped to operations). */
  operationIds?: Partial<Record<Method, string>>;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; operationId?: string }
  | { kind: 'wrongMethod'; allowed: Method[] }
  | { kind: 'noRoute'; segment: string };

export function matchRoute(routes: Route[], method: string, segments: string[]): RouteMatch {
  let deepest = 0;
  for (const route of routes) {
    const template = route.template.split('/').filter(Boolean);
    const { params, matched } = matchSegments(template, segments);
    if (params) {
      const handler = route.methods[method as Method];
      if (handler) return { kind: 'found', handler, params, operationId: route.operationIds?.[method as Method] };
      return { kind: 'wrongMethod', allowed: Object.keys(route.methods) as Method[] };
    }
    deepest = Math.max(deepest, matched);
  }
  return { kind: 'noRoute', segment: segments[deepest] ?? '' };
}

/** A GUID in either case (path keys, keyId parameters). */

export { GUID };

/** Graph's GUID keys are case-insensitive: the store holds them in lower case (as randomUUID makes them). */
function canonicalKey(segment: string): string {
  return GUID.test(segment) ? segment.toLowerCase() : segment;
}

/** Params when every segment matches; otherwise how many leading segments did (for the error message). */
function matchSegments(template: string[], segments: string[]): { params?: Record<string, string>; matched: number } {
  const params: Record<string, string> = {};
  let i = 0;
  for (; i < Math.min(template.length, segments.length); i++) {
    const t = template[i];
    const s = segments[i];
    if (t.startsWith('{') && t.endsWith('}')) params[t.slice(1, -1)] = canonicalKey(s);
    else if (t.toLowerCase() !== s.toLowerCase()) return { matched: i };
  }
  return template.length === segments.length ? { params, matched: i } : { matched: i };
}
