/**
 * Quirks: switches that make the provider deliberately NON-conformant (or, for `extraProperties`,
 * different but still conformant), so the verifier's negative tests have a known-bad provider to catch.
 * Each quirk is one entry of QUIRKS (data: a description and a rewrite): request-side quirks are read by
 * the pipeline by name (`skipAuth`, `skipProofCheck`), response-side quirks rewrite the response just
 * before it is sent. A response-side quirk applies to every operation, or only to those whose operationId
 * matches its globs (`{ dropProperty: { operations: 'users.*' } }`, `--quirk dropProperty@users.*`).
 */
import { compileSelection } from '../select/selection.js';
import { isPlainObject } from './annotations.js';
import type { ProviderResponse } from './response.js';

/** What a rewrite may look at besides the response: the request that it answers. */
export interface QuirkExchange {
  method: string;
  /** The parsed JSON body the client sent, if any. */
  requestBody?: Record<string, unknown>;
}

export interface QuirkDef {
  description: string;
  /** Rewrites a response (success or error) before it is sent. Absent for request-side quirks. */
  rewrite?: (res: ProviderResponse, exchange: QuirkExchange) => void;
}

/** The first property of an object that is neither its key nor an annotation. */
const firstPlainProperty = (entity: Record<string, unknown>, among?: Record<string, unknown>): string | undefined =>
  Object.keys(entity).find((key) => key !== 'id' && !key.startsWith('@') && (among === undefined || key in among));

/** Another success status than the one documented: 201 → 200, 204 → 200, 200 → 202. */
const OTHER_SUCCESS: Record<number, number> = { 200: 202, 201: 200, 202: 200, 204: 200 };

/** The objects a success body carries: the body itself, or the items of a collection. */
const entities = (body: unknown): Record<string, unknown>[] =>
  isPlainObject(body) ? (Array.isArray(body.value) ? body.value.filter(isPlainObject) : [body]) : [];

export const QUIRKS = {
  wrongCreateStatus: { description: 'creates answer 200 OK instead of 201 Created', rewrite: (r) => { if (r.status === 201) r.status = 200; } },
  omitId: { description: 'responses leave out the `id` property', rewrite: (r) => entities(r.body).forEach((e) => delete e.id) },
  totalActivationAsString: { description: 'sideLoadingKey.totalActivation is a string, not an Int32', rewrite: (r) => entities(r.body).forEach((e) => { if (typeof e.totalActivation === 'number') e.totalActivation = String(e.totalActivation); }) },
  wrapInValue: { description: 'single objects come wrapped as {"value": object}', rewrite: (r) => { if (r.ok && isPlainObject(r.body) && !Array.isArray(r.body.value)) r.body = { value: r.body }; } },
  extraProperties: { description: 'adds an undocumented property to every object (open world: still conformant)', rewrite: (r) => { if (r.ok) entities(r.body).forEach((e) => { e.graphpactExtra = 'extra'; }); } },
  plainErrorBody: { description: 'errors are plain text, not Graph\'s {"error": ...} envelope', rewrite: (r) => { if (r.error) r.plainText = `${r.error.code}: ${r.error.message}`; } },
  wrongContentType: { description: 'answers with Content-Type text/json instead of Graph\'s application/json', rewrite: (r) => { r.contentType = 'text/json'; } },
  omitRequestId: { description: 'leaves out the request-id header', rewrite: (r) => { r.omitRequestId = true; } },
  wrongStatus: { description: 'successes answer another 2xx than documented (201 → 200, 204 → 200, 200 → 202)', rewrite: (r) => { if (r.ok && OTHER_SUCCESS[r.status]) r.status = OTHER_SUCCESS[r.status]; } },
  dropProperty: { description: 'returned objects lose their first property other than `id` (a create loses one it was sent)', rewrite: (r, x) => { if (r.ok) entities(r.body).forEach((e) => { const name = firstPlainProperty(e, x.requestBody) ?? firstPlainProperty(e); if (name) delete e[name]; }); } },
  notEchoed: { description: 'a create or update answers another value than the one sent (its first string property is changed)', rewrite: (r, x) => {
    if (!r.ok || !x.requestBody) return;
    for (const e of entities(r.body)) {
      const name = Object.keys(x.requestBody).find((key) => key !== 'id' && !key.startsWith('@') && typeof e[key] === 'string');
      if (name) e[name] = `${e[name] as string} (not as sent)`;
    }
  } },
  listWithoutValue: { description: 'collections answer their items under `items` instead of Graph\'s `value`', rewrite: (r) => {
    if (r.ok && isPlainObject(r.body) && Array.isArray(r.body.value)) {
      const { value, ...rest } = r.body;
      r.body = { ...rest, items: value };
    }
  } },
  skipAuth: { description: 'accepts requests without a valid bearer token' },
  skipProofCheck: { description: 'addKey/removeKey accept any proof, even a missing one' },
} satisfies Record<string, QuirkDef>;

export type QuirkName = keyof typeof QUIRKS;
export type ProviderQuirks = Record<QuirkName, boolean>;
/** A quirk turned on for some operations only: operationId globs (`users.*`, `**.create`), comma-separated. */
export interface QuirkScope {
  operations: string;
}
/** What callers ask for: a quirk on everywhere (`true`), off, or on for some operations. */
export type QuirkRequest = Partial<Record<string, boolean | QuirkScope>>;

export const QUIRK_NAMES = Object.keys(QUIRKS) as QuirkName[];

/** All quirks off, then the asked ones on. Unknown names are an error (a typo must not silently pass). */
export function resolveQuirks(asked: QuirkRequest = {}): ProviderQuirks {
  const unknown = Object.keys(asked).filter((name) => !(name in QUIRKS));
  if (unknown.length > 0) throw new Error(`unknown quirk(s): ${unknown.join(', ')} (known: ${QUIRK_NAMES.join(', ')})`);
  return Object.fromEntries(QUIRK_NAMES.map((name) => [name, asked[name] === true || isPlainObject(asked[name])])) as ProviderQuirks;
}

/** Which operations each scoped quirk applies to; quirks absent here apply to every response. */
export type QuirkScopes = Partial<Record<QuirkName, (operationId: string | undefined) => boolean>>;

export function resolveQuirkScopes(asked: QuirkRequest = {}): QuirkScopes {
  const scopes: QuirkScopes = {};
  for (const name of QUIRK_NAMES) {
    const request = asked[name];
    if (!isPlainObject(request)) continue;
    const matches = operationGlobs(String((request as unknown as QuirkScope).operations ?? ''));
    scopes[name] = (operationId) => operationId !== undefined && matches(operationId);
  }
  return scopes;
}

/** OperationId globs as `--operations` reads them (`users.*`, `**.create`, `!users.delete`), comma-separated. */
export function operationGlobs(text: string): (operationId: string) => boolean {
  const terms = text.split(',').map((g) => g.trim()).filter(Boolean);
  if (terms.length === 0) throw new Error(`a quirk scope needs operationId globs (got "${text}")`);
  if (terms.every((t) => t.startsWith('!'))) terms.unshift('**');
  const selection = compileSelection(terms);
  return (operationId) => selection.matches({ id: operationId, path: '' });
}

/** Applies the response-side quirks that are on (for this operation, when scoped), in QUIRKS order. */
export function applyResponseQuirks(res: ProviderResponse, quirks: ProviderQuirks, exchange: QuirkExchange = { method: 'GET' }, scopes: QuirkScopes = {}): void {
  for (const name of QUIRK_NAMES) {
    const def: QuirkDef = QUIRKS[name];
    if (!quirks[name] || !def.rewrite) continue;
    const scope = scopes[name];
    if (scope && !scope(res.operationId)) continue;
    def.rewrite(res, exchange);
  }
}
