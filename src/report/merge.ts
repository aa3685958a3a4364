/**
 * Merging the reports of a sharded run (`graphpact verify --shard i/n`, one CI job each) into one report:
 * operations and Pact interactions side by side, totals recounted, the worst outcome. Pure.
 */
import { countStatuses, decideOutcome, nothingVerifiedReason, verifiedAnything, type VerificationReport } from './model.js';

/** One report of every shard's; throws when the same operation was verified by two shards (overlapping selections). */
export function mergeReports(reports: VerificationReport[]): VerificationReport {
  if (reports.length === 0) throw new Error('no report to merge');
  const seen = new Map<string, number>();
  reports.forEach((r, i) => r.operations.forEach((op) => {
    const key = `${op.version}:${op.id}`;
    if (seen.has(key)) throw new Error(`${op.version} ${op.id} is in report ${seen.get(key)! + 1} and report ${i + 1}: shards must not overlap`);
    seen.set(key, i);
  }));
  const operations = reports.flatMap((r) => r.operations).sort((a, b) => a.version.localeCompare(b.version) || a.id.localeCompare(b.id));
  // The same contracts are verified by every shard that runs Pact: keep one copy of each interaction, the worst.
  const interactions = new Map<string, VerificationReport['pact']['interactions'][number]>();
  for (const i of reports.flatMap((r) => r.pact.interactions)) {
    const key = `${i.description}\u0000${i.providerStates.join('\u0000')}`;
    const before = interactions.get(key);
    if (!before || rank(i.status) > rank(before.status)) interactions.set(key, i);
  }
  const pact = {
    ran: reports.some((r) => r.pact.ran),
    pactFiles: [...new Set(reports.flatMap((r) => r.pact.pactFiles))].sort(),
    interactions: [...interactions.values()],
    ...(reports.find((r) => r.pact.error)?.pact.error ? { error: reports.find((r) => r.pact.error)!.pact.error } : {}),
  };
  const totals = countStatuses(operations, pact);
  const strict = reports.some((r) => r.strict);
  const couldNotRun = reports.find((r) => r.outcome === 'could-not-run');
  const decided = couldNotRun ? { outcome: 'could-not-run' as const, exitCode: 2 as const } : decideOutcome(totals, strict, verifiedAnything(operations, pact));
  const reason = couldNotRun?.reason ?? (decided.exitCode === 2 ? nothingVerifiedReason(totals) : undefined);
  const first = reports[0];
  return {
    shape: 1,
    tool: first.tool,
    runId: reports.map((r) => r.runId).join('+'),
    startedAt: reports.map((r) => r.startedAt).sort()[0],
    finishedAt: reports.map((r) => r.finishedAt).sort().at(-1)!,
    provider: first.provider,
    ...decided,
    ...(reason ? { reason } : {}),
    strict,
    checksSelected: [...new Set(reports.flatMap((r) => r.checksSelected))],
    totals,
    pact,
    operations,
    cleanup: {
      created: reports.reduce((n, r) => n + r.cleanup.created, 0),
      deleted: reports.reduce((n, r) => n + r.cleanup.deleted, 0),
      leftovers: reports.flatMap((r) => r.cleanup.leftovers),
    },
  };
}

function rank(status: string): number {
  return ['skip', 'pass', 'warn', 'inconclusive', 'fail'].indexOf(status);
}
