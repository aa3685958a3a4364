/**
 * Speed as users feel it: whole `graphpact` processes against a floor process, in the same run.
 *
 *   floor               node scripts/bench-floor.mjs: a bare markdown-it tokenising the same files graphpact reads
 *   build (fresh)       graphpact build --docs D --out O      (O a path never used before: new each round)
 *   build (up-to-date)  graphpact build --docs D --out O      (O as the previous run left it)
 *   lint --format json  graphpact lint --docs D --format json (stdout to a file)
 *
 * Each round runs every process once in that order (so load that drifts during the run hits all of them);
 * medians, min–max and spread over `--runs` rounds, the ratio of medians to the floor and the median of the
 * per-round ratios. Peak RSS and CPU come from the process itself: every child is started with
 * `node --import scripts/bench-probe.mjs`, which writes `process.resourceUsage()` (getrusage: maxRSS covers
 * all threads of the process) when it exits. The in-process phase split (one build, timed phase by phase)
 * is printed after, as a diagnostic: it is not the figure.
 *
 * Why a new out dir each round, and no output removed before the bench ends: this machine's ext4 has no
 * journal, and without one ext4 does not reuse an inode deleted less than 60 s ago (minutes more while
 * its inode table block is not written back): every new file's inode search starts at the front of its
 * block group and checks each such free inode in the buffer cache before it skips it (ialloc.c
 * recently_deleted; `perf record` of 8,500 file creations: ~45% of the samples there). So creating files costs kernel CPU in proportion to
 * how many files were deleted near them in the last minutes: 8,500 files of 10 KB took 0.25 s of system
 * CPU normally, 2.3 s right after 17,000 files were removed (sync and a 3 s wait did not help; they did
 * not before either, when each round's outputs were removed after its timings). The bench removes its
 * outputs (82 MB a fresh build) only when it ends, so that no build pays for the bench's own deletions;
 * deletions by other processes on the machine still cost (noise to keep in mind). Everything the build
 * itself does is still timed: its own writes, its temporary folder and the rename into place.
 *
 *   npm run bench [-- --docs DIR] [--runs 3] [--format json] [--cli LABEL=path/to/graphpact.js ...] [--no-phases]
 *
 * `--cli` (repeatable) times other checkouts in the same run, e.g. `--cli before=../wt-base/bin/graphpact.js
 * --cli after=bin/graphpact.js`. Times are reported, never asserted. Exit 0 when measured, 2 when it could not run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCatalog } from '../src/catalog/index.js';
import { lintWithGeneratedSchemas } from '../src/lint/engine.js';
import { loadDocs } from '../src/parse/index.js';
import { displayPath, markdownFilesUnder, readDocsSnapshot } from '../src/parse/load.js';
import { buildFingerprint } from '../src/schema/fingerprint.js';
import { correctCatalog, generateOutput } from '../src/schema/pipeline.js';
import { loadErrata } from '../src/errata/index.js';
import { writeGeneratedFiles } from '../src/schema/write.js';
import { BenchUsageError, formatTable, parseBenchArgs, summarise, type BenchArgs, type Series } from './bench-lib.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROBE = pathToFileURL(join(ROOT, 'scripts', 'bench-probe.mjs')).href;
const FLOOR = join(ROOT, 'scripts', 'bench-floor.mjs');

const USAGE = `usage: npm run bench -- [--docs DIR]... [--runs N] [--format text|json] [--cli LABEL=PATH]... [--no-phases]\n`;

interface Measured {
  wallMs: number;
  maxRssKb: number;
  cpuMs: number;
}

/** Runs `node --import probe ...args` to its end; its wall time and its own resource usage. */
async function measureProcess(args: string[], work: string, okCodes: number[]): Promise<Measured> {
  const probe = join(work, 'probe.json');
  const stdout = openSync(join(work, 'stdout'), 'w');
  const stderr = openSync(join(work, 'stderr'), 'w');
  rmSync(probe, { force: true });
  const started = performance.now();
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      stdio: ['ignore', stdout, stderr],
      env: { ...process.env, GRAPHPACT_BENCH_PROBE: probe, PACT_DO_NOT_TRACK: 'true' },
    });
    child.on('error', reject);
    child.on('exit', (c) => resolveExit(c));
  });
  const wallMs = performance.now() - started;
  closeSync(stdout);
  closeSync(stderr);
  if (code === null || !okCodes.includes(code)) {
    const tail = readFileSync(join(work, 'stderr'), 'utf8').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${args.join(' ')} exited ${code}: ${tail}`);
  }
  const usage = JSON.parse(readFileSync(probe, 'utf8')) as NodeJS.ResourceUsage;
  return { wallMs, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
}

function series(name: string, target?: number): Series {
  return { name, wallMs: [], maxRssKb: [], cpuMs: [], ...(target !== undefined ? { target } : {}) };
}

function record(s: Series, m: Measured): void {
  s.wallMs.push(m.wallMs);
  s.maxRssKb.push(m.maxRssKb);
  s.cpuMs.push(m.cpuMs);
}

async function run(args: BenchArgs, log: (line: string) => void) {
  const work = mkdtempSync(join(tmpdir(), 'graphpact-bench-'));
  try {
    // The floor reads exactly the files graphpact reads: listed by graphpact's own walk.
    const files: string[] = [];
    for (const dir of args.docs) files.push(...(await markdownFilesUnder(dir)));
    const list = join(work, 'files.txt');
    writeFileSync(list, [...new Set(files.map((f) => resolve(f)))].sort().join('\n') + '\n');
    const docsArgs = args.docs.flatMap((d) => ['--docs', resolve(d)]);

    const floor = series('floor: node + bare markdown-it');
    const rows = args.clis.map((cli) => ({
      cli,
      outs: (round: number) => join(work, `out-${cli.label}-${round}`),
      fresh: series(`${cli.label}: build (fresh out dir)`, 2.0),
      upToDate: series(`${cli.label}: build (up-to-date out dir)`, 1.5),
      lint: series(`${cli.label}: lint --format json`, 3.0),
    }));
    const loadBefore = loadavg();
    log(`bench: ${files.length} files, ${args.runs} rounds, ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
    // Warm-up (not counted): the docs into the page cache.
    await measureProcess([FLOOR, list], work, [0]);
    for (let round = 1; round <= args.runs; round++) {
      await settle();
      const step = async (s: Series, cmd: string[], ok: number[]) => {
        const m = await measureProcess(cmd, work, ok);
        record(s, m);
        log(`  round ${round}: ${s.name} ${(m.wallMs / 1000).toFixed(2)} s, ${Math.round(m.maxRssKb / 1024)} MB`);
      };
      await step(floor, [FLOOR, list], [0]);
      for (const r of rows) {
        const out = r.outs(round);
        await step(r.fresh, [r.cli.bin, 'build', ...docsArgs, '--out', out, '--format', 'json'], [0]);
        await step(r.upToDate, [r.cli.bin, 'build', ...docsArgs, '--out', out, '--format', 'json'], [0]);
        await step(r.lint, [r.cli.bin, 'lint', ...docsArgs, '--format', 'json'], [0, 1]);
      }
      // The round's outputs stay until the bench ends (see the top): the next round's files would pay for their deletion.
    }
    const loadAfter = loadavg();
    const table = summarise(floor, rows.flatMap((r) => [r.fresh, r.upToDate, r.lint]));
    const phases = args.phases ? await phaseSplit(args.docs, join(work, 'phases-out')) : undefined;
    return { docs: args.docs, files: files.length, runs: args.runs, freshOutDir: FRESH_OUT_DIR, cpus: cpus().length, loadAverage: { before: loadBefore, after: loadAfter }, rows: table, ...(phases ? { phasesMs: phases } : {}) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Before a round: flush the previous round's writes (`sync`, where there is one) and wait, so that their writeback is not charged to what runs next. */
async function settle(): Promise<void> {
  spawnSync('sync', { stdio: 'ignore' });
  await sleep(SETTLE_MS);
}

const SETTLE_MS = 3000;

const FRESH_OUT_DIR = "a new out dir each round, the disk synced and settled (3 s) before each round; outputs are removed only when the bench ends, so that no build pays for the bench's own deletions (ext4 without a journal skips inodes deleted in the last minute: see scripts/bench.ts)";

/** One build and one lint in this process, timed phase by phase (a diagnostic of where the time goes). */
async function phaseSplit(docs: string[], out: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    phases[phase] = Math.round(now - t);
    t = now;
  };
  const snapshot = await readDocsSnapshot(docs);
  buildFingerprint(docs, snapshot, ROOT);
  lap('read + fingerprint (all an up-to-date build does)');
  // As `graphpact build` does it (loadCatalog): the parser names files relative to the root, the errata corrected.
  const { pages } = await loadDocs(docs, { snapshot, root: ROOT });
  lap('parse');
  const catalog = correctCatalog(buildCatalog(pages), await loadErrata(docs, ROOT), ROOT).catalog;
  lap('catalog + errata');
  const output = generateOutput(catalog);
  lap('schemas + OpenAPI');
  await writeGeneratedFiles(out, output.files);
  lap('serialize + write (fresh)');
  await writeGeneratedFiles(out, output.files);
  lap('serialize + compare (up-to-date)');
  lintWithGeneratedSchemas(pages, catalog, {});
  lap('lint rules (schemas generated again, examples validated)');
  return phases;
}

async function main(argv: string[]): Promise<number> {
  const log = (line: string) => process.stderr.write(line + '\n');
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv, { docs: join(ROOT, '..', 'shared', 'corpus', 'graph-docs'), bin: join(ROOT, 'bin', 'graphpact.js') });
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const report = await run(args, log);
    if (args.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
      process.stdout.write(
        `${report.files} docs files (${report.docs.map((d) => displayPath(d)).join(', ')}), ${report.runs} rounds, ${report.cpus} CPUs, ` +
          `load average ${load(report.loadAverage.before)} before, ${load(report.loadAverage.after)} after\n\n` +
          formatTable(report.rows) +
          `\nbuild (fresh): ${FRESH_OUT_DIR}\n` +
          (report.phasesMs ? `\nin-process phases (one run, a diagnostic): ${Object.entries(report.phasesMs).map(([p, ms]) => `${p} ${ms} ms`).join(', ')}\n` : ''),
      );
    }
    return 0;
  } catch (err) {
    process.stderr.write(`bench: could not run: ${(err as Error).message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
