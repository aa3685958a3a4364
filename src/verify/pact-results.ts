/**
 * Reading Pact: the interactions a contract file declares, and the Pact verifier's JSON result
 * (pact_ffi `pactffi_verifier_json`) turned into per-interaction outcomes for the reports. Pure.
 */
import { stripVTControlCharacters } from 'node:util';
import type { InteractionOutcome } from '../report/model.js';

export interface DeclaredInteraction {
  description: string;
  providerStates: string[];
  method: string;
  path: string;
  /** Request header names (values are examples or matchers; shown only redacted in a dry run). */
  headers: string[];
}

/** Interactions of a Pact (V2–V4) JSON document; throws with the reason when it is not one. */
export function declaredInteractions(pact: unknown, file: string): DeclaredInteraction[] {
  const interactions = (pact as { interactions?: unknown })?.interactions;
  if (!Array.isArray(interactions)) throw new Error(`${file}: not a Pact file (no "interactions" array)`);
  return interactions.map((raw, i) => {
    const it = raw as {
      description?: unknown; providerStates?: { name?: string }[]; providerState?: string;
      request?: { method?: string; path?: string; headers?: Record<string, unknown>; generators?: { path?: { type?: string; expression?: string } } };
    };
    // A path filled from the provider state (`/applications/${applicationId}/addKey`) is shown as its expression.
    const generated = it.request?.generators?.path;
    const path = generated?.type === 'ProviderState' && generated.expression ? generated.expression : it.request?.path ?? '/';
    if (typeof it.description !== 'string') throw new Error(`${file}: interaction ${i + 1} has no description`);
    const states = Array.isArray(it.providerStates) ? it.providerStates.map((s) => s?.name ?? '').filter(Boolean) : it.providerState ? [it.providerState] : [];
    return {
      description: it.description,
      providerStates: states,
      method: it.request?.method ?? 'GET',
      path,
      headers: Object.keys(it.request?.headers ?? {}),
    };
  });
}

interface VerifierMismatch {
  type?: string;
  path?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
  description?: string;
}

interface VerifierError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: VerifierMismatch[] };
}

interface VerifierResult {
  result?: boolean;
  interactionResults?: { description?: string; result?: string }[];
  errors?: VerifierError[];
  /** Failures of pending pacts (--enable-pending): published to the broker, but not fatal. */
  pendingErrors?: VerifierError[];
  output?: string[];
}

/** The note a pending failure carries in the reports. */
export const PENDING_NOTE = 'pending pact: this failure is published to the broker but does not fail the run (--enable-pending)';

const THROTTLED = ['429', '503', '504'];

/** Parses the verifier's JSON result; undefined when it is not JSON. */
export function parseVerifierJson(text: string | undefined): VerifierResult | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as VerifierResult) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One outcome per declared interaction. The verifier names failed interactions as
 * "Verifying a pact between A and B Given <state> - <description>", so errors are matched by suffix.
 * A failure the verifier lists only among its pending errors is `warn` (with PENDING_NOTE), not `fail`.
 */
export function interactionOutcomes(declared: DeclaredInteraction[], result: VerifierResult): InteractionOutcome[] {
  const ran = result.interactionResults ?? [];
  return declared.map((interaction) => {
    const mismatches = errorsOf(result.errors ?? [], interaction).flatMap(mismatchesOf);
    const pendingMismatches = errorsOf(result.pendingErrors ?? [], interaction).flatMap(mismatchesOf);
    const verdict = ran.find((r) => r.description === interaction.description)?.result;
    const failed = mismatches.length > 0 || (verdict !== undefined && verdict !== 'OK' && pendingMismatches.length === 0);
    const all = [...mismatches, ...pendingMismatches];
    // Still throttled after the forwarder's retry budget: the provider never answered the question.
    const throttled = all.some((m) => m.message.startsWith('StatusMismatch') && THROTTLED.includes(m.actual ?? '') && !THROTTLED.includes(m.expected ?? ''));
    const base = { description: interaction.description, providerStates: interaction.providerStates };
    if (failed) return { ...base, status: throttled ? 'inconclusive' : 'fail', mismatches: all };
    if (pendingMismatches.length > 0) return { ...base, status: 'warn', pending: true, mismatches: [...pendingMismatches, { message: PENDING_NOTE }] };
    return { ...base, status: verdict === 'OK' ? 'pass' : 'skip', mismatches: [] };
  });
}

function errorsOf(errors: VerifierError[], interaction: DeclaredInteraction): VerifierError[] {
  return errors.filter((e) => e.interaction === interaction.description || e.interaction?.endsWith(` - ${interaction.description}`));
}

function mismatchesOf(e: VerifierError): InteractionOutcome['mismatches'] {
  if (e.mismatch?.mismatches?.length) return mergeAlternatives(e.mismatch.mismatches).map((m) => ({
    message: `${m.type ? `${m.type}: ` : ''}${m.mismatch ?? m.description ?? 'mismatch'}`,
    ...(m.path ? { path: m.path } : {}),
    ...(m.expected !== undefined ? { expected: text(m.expected) } : {}),
    ...(m.actual !== undefined ? { actual: text(m.actual) } : {}),
  }));
  return [{ message: e.mismatch?.message ?? 'verification error' }];
}

/**
 * A nullable property is matched by an OR of rules (`integer` or `null`), and the verifier reports one mismatch per
 * alternative for a single wrong value. One wrong value is one failure: alternatives at the same path with the same
 * actual value are merged into one mismatch whose message lists them, joined by "or".
 */
function mergeAlternatives(mismatches: VerifierMismatch[]): VerifierMismatch[] {
  const merged: VerifierMismatch[] = [];
  const byKey = new Map<string, VerifierMismatch>();
  for (const m of mismatches) {
    const key = m.path === undefined ? undefined : JSON.stringify([m.type, m.path, m.actual]);
    const first = key === undefined ? undefined : byKey.get(key);
    if (first) {
      first.mismatch = `${first.mismatch ?? first.description ?? 'mismatch'}, or ${m.mismatch ?? m.description ?? 'mismatch'}`;
      continue;
    }
    const copy = { ...m };
    if (key !== undefined) byKey.set(key, copy);
    merged.push(copy);
  }
  return merged;
}

/** The verifier's human output without terminal colours. */
export function plainOutput(result: VerifierResult | undefined): string {
  return stripVTControlCharacters((result?.output ?? []).join('\n'));
}

/** Expected/actual as text; JSON objects and arrays pretty-printed so the reports' line diffs are readable. */
function text(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2);
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}
