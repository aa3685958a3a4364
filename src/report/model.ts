/**
 * The verification report: one value every report writer (JSON, JUnit, HTML, Markdown) renders.
 * Its JSON form is the machine-readable contract of `graphpact verify` (shape version 1): `graphpact diff`
 * reads `operations[].responseProperties` for drift, CI reads `outcome`/`exitCode`/`totals`.
 */
import type { CheckStatus, Scenario } from '../verify/checks.js';

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

export type Outcome = 'conformant' | 'non-conformant' | 'could-not-run';

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

/**
 * Exit code and outcome: 1 when anything failed (or, with --strict, was inconclusive), else 0.
 * `could-not-run` (2) is decided by the runner before a report like this exists.
 */
export function decideOutcome(totals: Record<CheckStatus, number>, strict: boolean): { outcome: Outcome; exitCode: 0 | 1 } {
  const bad = totals.fail > 0 || (strict && totals.inconclusive > 0);
  return bad ? { outcome: 'non-conformant', exitCode: 1 } : { outcome: 'conformant', exitCode: 0 };
}

/**
 * What a headline adds to a conformant outcome when some checks were inconclusive: without it, a run against a
 * provider that throttled everything would read as a plain "conformant" although nothing was verified.
 */
export function inconclusiveNote(report: Pick<VerificationReport, 'outcome' | 'totals'>): string {
  const n = report.totals.inconclusive;
  return report.outcome === 'conformant' && n > 0 ? `, ${n} inconclusive (provider still throttling after retries; --strict fails them)` : '';
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
