/**
 * Quirks: switches that make the provider deliberately NON-conformant (or, for `extraProperties`,
 * different but still conformant), so the verifier's negative tests have a known-bad provider to catch.
 * Each quirk is one entry of QUIRKS: request-side quirks are read by the pipeline by name
 * (`skipAuth`, `skipProofCheck`), response-side quirks rewrite the response just before it is sent.
 */
import { isPlainObject } from './annotations.js';
import type { ProviderResponse } from './response.js';

export interface QuirkDef {
  description: string;
  /** Rewrites a response (success or error) before it is sent. Absent for request-side quirks. */
  rewrite?: (res: ProviderResponse) => void;
}

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
  skipAuth: { description: 'accepts requests without a valid bearer token' },
  skipProofCheck: { description: 'addKey/removeKey accept any proof, even a missing one' },
} satisfies Record<string, QuirkDef>;

export type QuirkName = keyof typeof QUIRKS;
export type ProviderQuirks = Record<QuirkName, boolean>;

export const QUIRK_NAMES = Object.keys(QUIRKS) as QuirkName[];

/** All quirks off, then the asked ones on. Unknown names are an error (a typo must not silently pass). */
export function resolveQuirks(asked: Partial<Record<string, boolean>> = {}): ProviderQuirks {
  const unknown = Object.keys(asked).filter((name) => !(name in QUIRKS));
  if (unknown.length > 0) throw new Error(`unknown quirk(s): ${unknown.join(', ')} (known: ${QUIRK_NAMES.join(', ')})`);
  return Object.fromEntries(QUIRK_NAMES.map((name) => [name, asked[name] === true])) as ProviderQuirks;
}

/** Applies the response-side quirks that are on, in QUIRKS order. */
export function applyResponseQuirks(res: ProviderResponse, quirks: ProviderQuirks): void {
  for (const name of QUIRK_NAMES) {
    const def: QuirkDef = QUIRKS[name];
    if (quirks[name] && def.rewrite) def.rewrite(res);
  }
}
