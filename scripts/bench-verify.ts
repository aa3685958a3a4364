/**
 * `npm run bench:verify [-- --operations SEL --concurrency N --runs R --docs DIR]`: operations verified per
 * second by `graphpact verify --docs DIR --operations SEL` against the embedded provider (the Graph emulator of
 * those docs), as a user runs it: whole CLI processes, median of R runs, peak RSS of the process (GNU time).
 * The floor is `graphpact operations` on the same docs and selection in the same run: reading the docs and
 * building the catalog, which every verify pays before the first request; the difference is the verification.
 * Default: the shared corpus beside the project and the proof's selection (scripts/corpus-selection.txt, about a
 * thousand operations) less what scripts/proof-exclusions.ts computes, as the proof does. Exit 2 without the corpus.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFromDocs } from '../src/schema/pipeline.js';
import { schemaSetFromFiles } from '../src/schema/load.js';
import { docsDefects, exclusionsOf } from './proof-exclusions.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'graphpact.js');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

/** Runs one CLI process under GNU time: wall seconds, peak RSS (MiB), exit code and stdout. */
function timed(args: string[]): { seconds: number; peakMiB: number; code: number; stdout: string } {
  const out = spawnSync('/usr/bin/time', ['-f', 'GRAPHPACT_TIME %e %M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
  const m = /GRAPHPACT_TIME ([\d.]+) (\d+)/.exec(out.stderr ?? '');
  if (!m) throw new Error(`could not time graphpact ${args.join(' ')}: ${(out.stderr ?? '').slice(-500)}`);
  return { seconds: Number(m[1]), peakMiB: Math.round(Number(m[2]) / 1024), code: out.status ?? -1, stdout: out.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<number> {
  const docs = resolve(option('docs', join(ROOT, '..', 'shared', 'corpus', 'graph-docs')));
  if (!existsSync(docs)) {
    process.stderr.write(`bench:verify: ${docs} not found (the shared corpus beside the project); nothing measured\n`);
    return 2;
  }
  if (!existsSync('/usr/bin/time')) {
    process.stderr.write('bench:verify: needs GNU time (/usr/bin/time) for peak memory\n');
    return 2;
  }
  const proofSelection = `@${join(ROOT, 'scripts', 'corpus-selection.txt')}`;
  let selection = option('operations', proofSelection);
  let leftOut: string[] = [];
  if (selection === proofSelection) {
    // As the corpus proof: what the emulator answers from a documented example lint rejects is left out (scripts/proof-exclusions.ts).
    const built = await buildFromDocs([docs], { root: ROOT });
    const schemaSet = schemaSetFromFiles('(corpus)', built.output.index, built.output.schemaFiles as Map<string, never>);
    const excluded = exclusionsOf(selection, built.catalog, docsDefects(built.pages, built.catalog, schemaSet));
    selection = [selection, ...excluded.terms].join(',');
    leftOut = excluded.why;
  }
  const concurrency = option('concurrency', '8');
  const runs = Number(option('runs', '3'));
  execFileSync('npm', ['run', 'compile'], { cwd: ROOT, stdio: 'ignore' });
  const floor: number[] = [];
  const verify: { seconds: number; peakMiB: number; operations: number; exercised: number; code: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const f = timed(['operations', '--docs', docs, '--operations', selection, '--version', 'beta', '--format', 'json']);
    floor.push(f.seconds);
    const reports = mkdtempSync(join(tmpdir(), 'graphpact-bench-verify-'));
    try {
      const v = timed(['verify', '--docs', docs, '--operations', selection, '--concurrency', concurrency, '--reports', reports, '--format', 'json', '--timeout', '30']);
      const report = JSON.parse(readFileSync(join(reports, 'verify.json'), 'utf8')) as { operations: { notExercised?: string; checks: unknown[] }[] };
      verify.push({ seconds: v.seconds, peakMiB: v.peakMiB, code: v.code, operations: report.operations.length, exercised: report.operations.filter((o) => o.checks.length > 0).length });
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  }
  const seconds = median(verify.map((v) => v.seconds));
  const floorSeconds = median(floor);
  const exercised = verify[0].exercised;
  const result = {
    docs, selection, leftOut, concurrency: Number(concurrency), runs,
    operationsSelected: verify[0].operations,
    operationsExercised: exercised,
    exitCodes: verify.map((v) => v.code),
    verifySecondsMedian: seconds,
    floorSecondsMedian: floorSeconds,
    operationsPerSecondWholeProcess: Number((exercised / seconds).toFixed(1)),
    operationsPerSecondAfterFloor: seconds > floorSeconds ? Number((exercised / (seconds - floorSeconds)).toFixed(1)) : null,
    peakRssMiB: Math.max(...verify.map((v) => v.peakMiB)),
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

process.exitCode = await main();
