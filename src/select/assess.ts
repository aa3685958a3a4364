/**
 * Whether an operation can be verified, and how: which documented example gives the request, which path
 * it is sent to, and which provider states (objects the path addresses) must exist first.
 *
 *   GET /groups/{group-id}/threads/{thread-id}
 *     states: a group   (POST /groups with its documented example body)
 *             a thread  (POST /groups/{group-id}/threads, inside that group)
 *
 * A state no documented create operation with a JSON example can make (the signed-in user of `/me`, a
 * tenant object such as `/organization/{id}`) is named: a provider's own state setup URL may satisfy it,
 * otherwise the operation is not applicable. Pure: catalog operations in, assessments out.
 */
import type { Operation } from '../model/catalog.js';
import type { Example } from '../model/page.js';
import { normalizePath } from '../catalog/operation-id.js';

/** Ends the name of a state only the provider can set up (a verifier without a state setup URL skips its interactions). */
export const PROVIDER_ONLY_SUFFIX = ' (set up by the provider)';

/** One object the request path addresses, created (or asked for) before the request. */
export interface StateNeed {
  /** Human name used as the Pact provider state: `a groups/threads entity exists`. */
  name: string;
  /** The placeholder the object's id fills (`thread-id`). */
  placeholder: string;
  /** Collection it lives in, earlier placeholders kept (`/groups/{group-id}/threads`). */
  collection: string;
  /** The create operation and its documented example body, when one exists. */
  create?: { operationId: string; body: Record<string, unknown> };
  /** False for singletons and tenant objects: only a provider state setup URL can provide them. */
  creatable: boolean;
  /** The path names the object literally (`/me`): no placeholder segment takes its id. */
  literal?: boolean;
}

export type NotVerifiableCode = 'no-example' | 'invalid-example' | 'binary-body' | 'state-not-creatable' | 'unmatched-example';

export interface Assessment {
  id: string;
  version: string;
  method: string;
  /** The documented path the request is sent to (placeholders `{name}`). */
  path: string;
  title: string;
  source: { file: string; line: number };
  verifiable: boolean;
  /** Why not, in one line, when not verifiable (or verifiable only with a provider state setup URL). */
  reason?: { code: NotVerifiableCode; message: string };
  states: StateNeed[];
  /** The request the documented example makes, path segments aligned with `path`. */
  request?: {
    /** Example segments aligned with the path's (function parameters such as `(period='D7')` come from here). */
    exampleSegments: string[];
    query?: string;
    body?: unknown;
    headers: Record<string, string>;
    exampleLine: number;
  };
  /** The documented example response status and whether it shows a Location header. */
  documentedLocation: boolean;
}

/** Segments of a normalised path. */
function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const FULL_PLACEHOLDER = /^\{[^{}]+\}$/;

/** A placeholder segment (`{id}`) that an object id fills. */
export function isPlaceholderSegment(segment: string): boolean {
  return FULL_PLACEHOLDER.test(segment);
}

/** Paths compared with placeholders anonymous and case folded. */
export function pathKey(path: string): string {
  return normalizePath(path).replace(/\{[^{}/]*\}/g, '{}').toLowerCase();
}

/** A JSON object request body of an example, or undefined. */
function objectBody(example: Example): Record<string, unknown> | undefined {
  const value = example.request?.body?.value;
  return value && typeof value === 'object' && !Array.isArray(value) && example.request?.body?.parse !== 'invalid' ? (value as Record<string, unknown>) : undefined;
}

/**
 * Collections graphpact's own state handlers know how to create even when the docs at hand do not document
 * the create (the seed docs document addKey, not create application): src/verify/state-handlers.ts.
 */
export const BUILT_IN_CREATORS: Record<string, { operationId: string; body: Record<string, unknown> }> = {
  '/applications': { operationId: 'applications.create', body: { displayName: 'graphpact state application' } },
};

/** Index of create operations by collection key, per version: POST to a collection with a JSON example body. */
export class CreatorIndex {
  private byKey = new Map<string, { operationId: string; body: Record<string, unknown> }>();

  constructor(operations: Operation[]) {
    for (const op of operations) {
      if (op.method !== 'POST') continue;
      const example = op.examples.find((e) => objectBody(e) !== undefined && e.request?.method.toUpperCase() === 'POST');
      if (!example) continue;
      // Actions (`/applications/{id}/addKey`) POST too: a creator must answer 201 or be named create.
      if (op.successStatus !== 201 && !op.id.endsWith('.create')) continue;
      for (const p of [op.path, ...op.paths.map((x) => x.path)]) {
        const key = `${op.version}:${pathKey(p)}`;
        if (!this.byKey.has(key)) this.byKey.set(key, { operationId: op.id, body: objectBody(example)! });
      }
    }
  }

  find(version: string, collection: string): { operationId: string; body: Record<string, unknown> } | undefined {
    const key = pathKey(collection);
    return this.byKey.get(`${version}:${key}`) ?? this.byKey.get(`unversioned:${key}`) ?? BUILT_IN_CREATORS[key];
  }
}

/** The objects a documented path addresses, outermost first. */
export function statesOf(path: string, version: string, creators: CreatorIndex): StateNeed[] {
  const segs = segments(path);
  const out: StateNeed[] = [];
  if (segs[0]?.toLowerCase() === 'me') {
    out.push({ name: `the signed-in user (/me) exists${PROVIDER_ONLY_SUFFIX}`, placeholder: 'me', collection: '/me', creatable: false, literal: true });
  }
  segs.forEach((segment, i) => {
    if (!isPlaceholderSegment(segment)) return;
    const collection = '/' + segs.slice(0, i).join('/');
    const placeholder = segment.slice(1, -1);
    const create = i > 0 && !isPlaceholderSegment(segs[i - 1]) ? creators.find(version, collection) : undefined;
    const name = `an object of ${collection} exists (${placeholder})${create ? '' : PROVIDER_ONLY_SUFFIX}`;
    out.push({ name, placeholder, collection, ...(create ? { create } : {}), creatable: create !== undefined });
  });
  return out;
}

/** Fake ids of the objects provider states create, in contracts and state params (real ones come from the state). */
export function exampleId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** An id no provider has: the unknown id of the 404 interactions of contracts and verify's requests. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-0000000dead0';

/** A body that breaks a schema: the first string property becomes a number (else a number a string, else an array). */
export function invalidBodyOf(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['graphpact: not the documented body'];
  const record = body as Record<string, unknown>;
  const key = Object.keys(record).find((k) => !k.startsWith('@') && typeof record[k] === 'string')
    ?? Object.keys(record).find((k) => !k.startsWith('@') && typeof record[k] === 'number');
  if (key === undefined) return ['graphpact: not the documented body'];
  return { ...record, [key]: typeof record[key] === 'string' ? 12345 : 'not-a-number' };
}

/** Pact expression names of states: `group-id` → `group_id`; a repeated name gets its position (`id`, `id_2`). */
export function paramNames(states: StateNeed[]): string[] {
  const used = new Map<string, number>();
  return states.map((s) => {
    const base = s.placeholder.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'id';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/**
 * The params a provider state carries (in the contract, and to a --provider-states-setup-url in either phase):
 * the param its id fills (`as`), its collection with earlier ids as `${name}` expressions, a fake example id,
 * and how graphpact creates it (`createdBy` and the documented `body`), or `creatable: 'false'`.
 */
export function stateParams(states: StateNeed[]): Record<string, string>[] {
  const names = paramNames(states);
  return states.map((s, i) => {
    // Placeholders take the ids of the states before this one that a placeholder addresses (not /me).
    const earlier = names.slice(0, i).filter((_, k) => !states[k].literal);
    let k = 0;
    const collection = s.collection.replace(/\{[^{}/]+\}/g, () => `\${${earlier[k++]}}`);
    return {
      as: names[i],
      collection,
      example: exampleId(i + 1),
      ...(s.create ? { createdBy: s.create.operationId, body: JSON.stringify(s.create.body) } : { creatable: 'false' }),
    };
  });
}

/** Request path segments whose function parameters the example must supply. */
function hasInlinePlaceholder(segment: string): boolean {
  return !isPlaceholderSegment(segment) && /\{[^{}]*\}/.test(segment);
}

/**
 * Aligns an example's path with a documented path from the end (`/me/messages/AAMk` against
 * `/users/{id}/messages/{message-id}`): literal segments must agree (function names before `(`),
 * placeholders take anything. Returns the example segments aligned with the documented ones, or undefined.
 */
export function alignExample(documented: string, examplePath: string): string[] | undefined {
  const doc = segments(documented);
  const ex = segments(normalizePath(examplePath));
  const aligned: string[] = new Array(doc.length).fill('');
  let di = doc.length - 1;
  let ei = ex.length - 1;
  for (; di >= 0; di--, ei--) {
    const d = doc[di];
    const e = ex[ei];
    if (isPlaceholderSegment(d)) {
      aligned[di] = e ?? d;
      continue;
    }
    if (e === undefined) {
      // The example is shorter (a /me path for a /users/{id} one): the rest is literal or filled by states.
      if (hasInlinePlaceholder(d)) return undefined;
      aligned[di] = d;
      continue;
    }
    const name = (s: string) => s.replace(/\(.*$/, '').replace(/^.*:/, '').toLowerCase();
    if (name(d) !== name(e)) {
      // Only the root may differ (`me` against `users/{id}`), and only once the suffix matched.
      if (di < doc.length - 1 && ei <= 1) {
        for (let k = di; k >= 0; k--) aligned[k] = doc[k];
        return doc.slice(0, di + 1).some(hasInlinePlaceholder) ? undefined : aligned;
      }
      return undefined;
    }
    aligned[di] = hasInlinePlaceholder(d) ? e : d;
  }
  return aligned;
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;

/** Why a request or response of an operation cannot be JSON (stream content, a non-JSON example body). */
function binaryReason(op: Operation, example: Example | undefined): string | undefined {
  const last = segments(op.path).at(-1)?.toLowerCase() ?? '';
  if (last === '$value' || last === 'content' || last.endsWith(':content')) return `${op.method} ${op.path} reads or writes stream content`;
  if (op.returnType?.kind === 'primitive' && /stream/i.test(op.returnType.name)) return 'returns a stream';
  if (op.requestBody?.representationOf?.kind === 'primitive' && /stream|binary/i.test(op.requestBody.representationOf.name)) return 'the request body is a stream';
  const contentType = example?.request?.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  if (contentType && !JSON_TYPE.test(contentType)) return `the documented request is ${contentType}, not JSON`;
  if (example?.request?.rawBody && example.request.rawBody.trim()) return 'the documented request body is not JSON';
  return undefined;
}

/** Assesses one operation against the creators of its catalog. */
export function assessOperation(op: Operation, creators: CreatorIndex): Assessment {
  const base = { id: op.id, version: op.version, method: op.method, title: op.title, source: op.sources[0] ?? { file: '', line: 0 } };
  const candidates = uniquePaths(op);
  const requests = op.examples.filter((e) => e.request && e.request.method.toUpperCase() === op.method);
  const documentedLocation = op.examples.some((e) => e.response?.headers.some((h) => h.name.toLowerCase() === 'location'));
  const notVerifiable = (code: NotVerifiableCode, message: string, path = op.path, states: StateNeed[] = []): Assessment =>
    ({ ...base, path, verifiable: false, reason: { code, message }, states, documentedLocation });
  if (requests.length === 0) return notVerifiable('no-example', op.examples.length ? `no documented ${op.method} request example` : 'no documented example');
  const binary = binaryReason(op, requests[0]);
  if (binary) return notVerifiable('binary-body', binary);
  const usable = requests.filter((e) => e.request!.body === undefined || e.request!.body.parse !== 'invalid');
  if (usable.length === 0) return notVerifiable('invalid-example', `the documented request body is not valid JSON (line ${requests[0].request!.body?.line ?? requests[0].line})`);
  if (op.requestBody && !usable.some((e) => e.request!.body?.value !== undefined)) return notVerifiable('no-example', 'the documented request has no JSON body to send');

  let fallback: Assessment | undefined;
  for (const path of candidates) {
    for (const example of usable) {
      const aligned = alignExample(path, example.request!.path);
      if (!aligned) continue;
      const states = statesOf(path, op.version, creators);
      const request = {
        exampleSegments: aligned,
        ...(example.request!.query ? { query: example.request!.query } : {}),
        ...(example.request!.body?.value !== undefined ? { body: example.request!.body.value } : {}),
        headers: Object.fromEntries(example.request!.headers.filter((h) => !/^(authorization|content-length|host)$/i.test(h.name)).map((h) => [h.name, h.value])),
        exampleLine: example.request!.line,
      };
      const missing = states.filter((s) => !s.creatable);
      if (missing.length === 0) return { ...base, path, verifiable: true, states, request, documentedLocation };
      fallback ??= {
        ...base, path, verifiable: false, states, request, documentedLocation,
        reason: { code: 'state-not-creatable', message: `state that cannot be created through the API: ${missing.map((s) => s.name.replace(PROVIDER_ONLY_SUFFIX, '')).join('; ')} (a --provider-states-setup-url can provide it)` },
      };
    }
  }
  return fallback ?? notVerifiable('unmatched-example', `the example request path ${requests[0].request!.path} matches none of the documented paths`);
}

/** The documented paths of an operation with its method, first path first, duplicates (by key) dropped. */
function uniquePaths(op: Operation): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [op.path, ...op.paths.filter((p) => p.method === op.method).map((p) => p.path)]) {
    const path = normalizePath(raw);
    const key = pathKey(path);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(path);
  }
  // Paths whose states can all be created first: `/users/{id}/...` before `/me/...`.
  return out;
}

/** Every operation of a catalog (or a selection of it) assessed, sorted by version then id. */
export function assessOperations(all: Operation[], selected: Operation[] = all): Assessment[] {
  const creators = new CreatorIndex(all);
  return selected.map((op) => assessOperation(op, creators));
}

/** Counts by verdict and reason code, for summaries and the corpus figures. */
export function summarise(assessments: Assessment[]): { selected: number; verifiable: number; notVerifiable: Record<string, number> } {
  const notVerifiable: Record<string, number> = {};
  for (const a of assessments) if (!a.verifiable) notVerifiable[a.reason!.code] = (notVerifiable[a.reason!.code] ?? 0) + 1;
  return { selected: assessments.length, verifiable: assessments.filter((a) => a.verifiable).length, notVerifiable };
}
