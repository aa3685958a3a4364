/**
 * Comparing two `graphpact verify` JSON reports (shape 1, src/report/model.ts): which checks and Pact
 * interactions changed state, which appeared or went away, and which top-level response properties
 * appeared or vanished per operation (drift of a live API). Pure: reports in, differences out.
 */
import type { CheckStatus, VerificationReport } from '../report/model.js';

export interface StateChange {
  /** `beta deviceAppManagement.sideLoadingKeys.create × response_schema_conformance (success)` or `pact: <description>`. */
  key: string;
  from: CheckStatus;
  to: CheckStatus;
  /** The newer report's message for it. */
  message?: string;
}

export interface Appearance {
  key: string;
  status: CheckStatus;
}

export interface PropertyDrift {
  /** `beta deviceAppManagement.sideLoadingKeys.create`. */
  operation: string;
  appeared: string[];
  vanished: string[];
}

export interface ReportDiff {
  outcome: { from: string; to: string };
  changed: StateChange[];
  /** Only in the newer report. */
  added: Appearance[];
  /** Only in the older report. */
  removed: Appearance[];
  drift: PropertyDrift[];
  /** Operations whose success response was seen in one report only: properties not comparable. */
  notComparable: { operation: string; seenIn: 'a' | 'b' }[];
}

/** Every judged thing of a report, by a key stable across runs (no generated ids: request paths are left out). */
export function statesOf(report: VerificationReport): Map<string, { status: CheckStatus; message?: string }> {
  const states = new Map<string, { status: CheckStatus; message?: string }>();
  const put = (key: string, value: { status: CheckStatus; message?: string }) => {
    let unique = key;
    for (let n = 2; states.has(unique); n++) unique = `${key} #${n}`;
    states.set(unique, value);
  };
  for (const op of report.operations) {
    for (const c of op.checks) put(`${op.version} ${op.id} × ${c.check} (${c.scenario})`, { status: c.status, message: c.message });
  }
  for (const i of report.pact.interactions) {
    put(`pact: ${i.description}`, { status: i.status, message: i.mismatches[0]?.message });
  }
  return states;
}

export function diffReports(a: VerificationReport, b: VerificationReport): ReportDiff {
  const before = statesOf(a);
  const after = statesOf(b);
  const diff: ReportDiff = { outcome: { from: a.outcome, to: b.outcome }, changed: [], added: [], removed: [], drift: [], notComparable: [] };
  for (const [key, then] of before) {
    const now = after.get(key);
    if (!now) diff.removed.push({ key, status: then.status });
    else if (now.status !== then.status) diff.changed.push({ key, from: then.status, to: now.status, ...(now.message ? { message: now.message } : {}) });
  }
  for (const [key, now] of after) if (!before.has(key)) diff.added.push({ key, status: now.status });

  const propsBefore = new Map(a.operations.map((op) => [`${op.version} ${op.id}`, op.responseProperties]));
  for (const op of b.operations) {
    const operation = `${op.version} ${op.id}`;
    const old = propsBefore.get(operation);
    if (old === undefined) continue;
    // An empty list means no success response was seen (the operation failed or was not exercised).
    if (old.length === 0 && op.responseProperties.length === 0) continue;
    if (old.length === 0 || op.responseProperties.length === 0) {
      diff.notComparable.push({ operation, seenIn: old.length ? 'a' : 'b' });
      continue;
    }
    const appeared = op.responseProperties.filter((p) => !old.includes(p)).sort();
    const vanished = old.filter((p) => !op.responseProperties.includes(p)).sort();
    if (appeared.length || vanished.length) diff.drift.push({ operation, appeared, vanished });
  }
  return diff;
}

export function hasChanges(diff: ReportDiff): boolean {
  return diff.changed.length + diff.added.length + diff.removed.length + diff.drift.length > 0 || diff.outcome.from !== diff.outcome.to;
}

export function renderDiff(diff: ReportDiff, nameA: string, nameB: string): string {
  const lines = [`graphpact diff ${nameA} -> ${nameB}`];
  if (diff.outcome.from !== diff.outcome.to) lines.push(`outcome: ${diff.outcome.from} -> ${diff.outcome.to}`);
  if (diff.changed.length) {
    lines.push(`checks that changed state (${diff.changed.length}):`);
    for (const c of diff.changed) lines.push(`  ${c.key}: ${c.from} -> ${c.to}${c.message ? ` (${c.message})` : ''}`);
  }
  if (diff.added.length) {
    lines.push(`new checks (${diff.added.length}):`);
    for (const c of diff.added) lines.push(`  + ${c.key}: ${c.status}`);
  }
  if (diff.removed.length) {
    lines.push(`checks no longer run (${diff.removed.length}):`);
    for (const c of diff.removed) lines.push(`  - ${c.key}: was ${c.status}`);
  }
  if (diff.drift.length) {
    lines.push(`response properties that appeared or vanished (${diff.drift.length} operation(s)):`);
    for (const d of diff.drift) lines.push(`  ${d.operation}: ${[...d.appeared.map((p) => `+${p}`), ...d.vanished.map((p) => `-${p}`)].join(' ')}`);
  }
  for (const n of diff.notComparable) lines.push(`note: ${n.operation}: a success response was seen only in ${n.seenIn === 'a' ? nameA : nameB}; properties not compared`);
  if (!hasChanges(diff)) lines.push('no changes');
  return lines.join('\n') + '\n';
}
