/**
 * The verification report: one value every report writer (JSON, JUnit, HTML, Markdown) renders.
 * Its JSON form is the machine-readable contract of `graphpact verify` (shape version 1): `graphpact diff`
 * reads `operations[].responseProperties` for drift, CI reads `outcome`/`exitCode`/`totals`.
 */
import type { CheckStatus, Scenario } from '../verify/checks.js';
import { RETRYABLE_STATUSES } from '../client/retry-after.js';

export type { CheckStatus, Scenario };

export interface CheckOutcome {
  check: string;
  scenario: Scenario;
  status: CheckStatus;
  message: string;
  expected?: string;
  actual?: string;
  /** The request that was judged (path relative to the base URL). */
  request: { method: string; path: string };
  /** HTTP status the provider answered, when it answered. */
  httpStatus?: number;
}

export interface OperationOutcome {
  id: string;
  version: string;
  method: string;
  path: string;
  /** Worst status over its checks. */
  status: CheckStatus;
  checks: CheckOutcome[];
  /** Top-level property names seen in the success response, sorted (drift input for `graphpact diff`). */
  responseProperties: string[];
  /** Why the operation was not exercised, when it was not. */
  notExercised?: string;
}

export interface InteractionOutcome {
  description: string;
  providerStates: string[];
  /** `warn`: it failed, but its pact is pending (--enable-pending), so the failure is not fatal. */
  status: 'pass' | 'fail' | 'warn' | 'inconclusive' | 'skip';
  /** True when the Pact verifier reported this interaction's failure as pending (non-fatal). */
  pending?: boolean;
  mismatches: { message: string; expected?: string; actual?: string; path?: string }[];
}

export interface PactOutcome {
  ran: boolean;
  /** Why it did not run or could not finish. */
  error?: string;
  pactFiles: string[];
  interactions: InteractionOutcome[];
  /** The Pact verifier's own output, redacted, written next to the reports. */
  logFile?: string;
}

/**
 * `inconclusive`: nothing failed, but some checks could not conclude (the provider was still throttling after the
 * retry budget). Exit 0 (1 with --strict) when the rest concluded; exit 2 when nothing on the success path concluded.
 */
export type Outcome = 'conformant' | 'non-conformant' | 'inconclusive' | 'could-not-run';

export interface VerificationReport {
  shape: 1;
  tool: { name: 'graphpact'; version: string };
  runId: string;
  startedAt: string;
  finishedAt: string;
  provider: { baseUrl: string; embedded: boolean };
  outcome: Outcome;
  exitCode: 0 | 1 | 2;
  /** One line: why the run could not run, when it could not. */
  reason?: string;
  strict: boolean;
  checksSelected: string[];
  totals: Record<CheckStatus, number>;
  pact: PactOutcome;
  operations: OperationOutcome[];
  cleanup: { created: number; deleted: number; leftovers: string[] };
}

const SEVERITY: CheckStatus[] = ['skip', 'pass', 'warn', 'inconclusive', 'fail'];

/** The worse of statuses: fail > inconclusive > warn > pass > skip. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'skip';
  for (const status of statuses) if (SEVERITY.indexOf(status) > SEVERITY.indexOf(worst)) worst = status;
  return worst;
}

/** Counts of check outcomes plus Pact interactions, by status. */
export function countStatuses(operations: OperationOutcome[], pact: PactOutcome): Record<CheckStatus, number> {
  const totals: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, inconclusive: 0, skip: 0 };
  for (const op of operations) for (const c of op.checks) totals[c.status]++;
  for (const i of pact.interactions) totals[i.status]++;
  return totals;
}

const CONCLUDED = new Set<CheckStatus>(['pass', 'fail', 'warn']);

/**
 * Whether the run verified anything: a success-path check (the documented call itself) or a Pact interaction
 * that concluded. The deliberately wrong requests alone (no-auth, invalid body) do not show that the provider
 * does what the docs say, so a run where only they concluded verified nothing; nor does a check that passed
 * on a 429/503/504 that outlasted the retries (a well-formed throttling answer says nothing of the operation).
 */
export function verifiedAnything(operations: OperationOutcome[], pact: PactOutcome): boolean {
  const concluded = (c: CheckOutcome) => CONCLUDED.has(c.status) && !(c.httpStatus !== undefined && RETRYABLE_STATUSES.has(c.httpStatus));
  return operations.some((op) => op.checks.some((c) => c.scenario === 'success' && concluded(c)))
    || pact.interactions.some((i) => CONCLUDED.has(i.status));
}

/**
 * Exit code and outcome: 1 when anything failed (or, with --strict, was inconclusive); when nothing failed but
 * something was inconclusive, `inconclusive` with exit 0, or exit 2 when nothing could be verified at all
 * (`verified` false: a gate must never pass a provider it could not check); else `conformant`, 0.
 * `could-not-run` (2) is decided by the runner before a report like this exists.
 */
export function decideOutcome(totals: Record<CheckStatus, number>, strict: boolean, verified = true): { outcome: Outcome; exitCode: 0 | 1 | 2 } {
  if (totals.fail > 0) return { outcome: 'non-conformant', exitCode: 1 };
  if (totals.inconclusive === 0) return { outcome: 'conformant', exitCode: 0 };
  if (!verified) return { outcome: 'inconclusive', exitCode: 2 };
  return strict ? { outcome: 'non-conformant', exitCode: 1 } : { outcome: 'inconclusive', exitCode: 0 };
}

/** Why a run that verified nothing exits 2 (the report's `reason`). */
export function nothingVerifiedReason(totals: Record<CheckStatus, number>): string {
  return `nothing could be verified: no success-path check and no Pact interaction concluded (${totals.inconclusive} inconclusive: the provider was still throttling after retries)`;
}

/**
 * What a headline adds when some checks were inconclusive: without it, a run against a provider that
 * throttled some requests would not say that part of it was not verified.
 */
export function inconclusiveNote(report: Pick<VerificationReport, 'outcome' | 'totals' | 'exitCode' | 'strict'>): string {
  const n = report.totals.inconclusive;
  if (n === 0 || report.outcome === 'could-not-run') return '';
  if (report.outcome === 'inconclusive' && report.exitCode === 2) return `, ${n} inconclusive: nothing could be verified (provider still throttling after retries)`;
  return `, ${n} inconclusive (provider still throttling after retries${report.strict ? '' : '; --strict fails them'})`;
}

/** Everything that failed, Pact interactions first, for the failure sections of the reports. */
export function failures(report: VerificationReport): { title: string; message: string; expected?: string; actual?: string }[] {
  const out: { title: string; message: string; expected?: string; actual?: string }[] = [];
  for (const i of report.pact.interactions) {
    if (i.status !== 'fail') continue;
    if (i.mismatches.length === 0) out.push({ title: `Pact: ${i.description}`, message: 'interaction failed' });
    for (const m of i.mismatches) out.push({ title: `Pact: ${i.description}`, message: m.path ? `${m.path}: ${m.message}` : m.message, expected: m.expected, actual: m.actual });
  }
  for (const op of report.operations) {
    for (const c of op.checks) {
      if (c.status !== 'fail') continue;
      out.push({ title: `${op.id} × ${c.check} (${c.scenario}: ${c.request.method} ${c.request.path})`, message: c.message, expected: c.expected, actual: c.actual });
    }
  }
  return out;
}
