/**
 * Build speed against a baseline, in one process:
 *   baseline = read every corpus .md file and parse it with a bare markdown-it (no plugins)
 *   build    = graphpact's load + parse + catalog + schemas + OpenAPI, in memory (per-phase times too)
 * Each is run once to warm up, then 3 times; the medians and their ratio (target ≤ 2.0) are printed.
 *
 *   npm run bench [-- --docs ../shared/corpus/graph-docs] [--runs 3] [--format json]
 * Times are reported, never asserted.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { runLint } from '../src/lint/run.js';
import MarkdownIt from 'markdown-it';
import { buildCatalog } from '../src/catalog/index.js';
import { loadDocs } from '../src/parse/index.js';
import { markdownFilesUnder } from '../src/parse/load.js';
import { tokenise } from '../src/parse/markdown.js';
import { generateOutput, relocateSourcePaths } from '../src/schema/pipeline.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_RATIO = 2.0;

async function baseline(dirs: string[]): Promise<number> {
  const md = new MarkdownIt();
  let tokens = 0;
  for (const dir of dirs) {
    for (const file of (await markdownFilesUnder(dir)).sort()) tokens += md.parse(await readFile(file, 'utf8'), {}).length;
  }
  return tokens;
}

/**
 * A second, stricter floor for honesty: the tokenizer exactly as src/parse configures it (html on, emphasis and
 * strikethrough off) with synchronous reads as loadDocs does. graphpact's parse can only beat the bare baseline
 * because of that configuration; against this floor the ratio shows what the parser itself adds.
 */
async function tokenizerFloor(dirs: string[]): Promise<number> {
  const files: string[] = [];
  for (const dir of dirs) files.push(...(await markdownFilesUnder(dir)).sort());
  let tokens = 0;
  for (const file of files) tokens += tokenise(readFileSync(file, 'utf8')).tokens.length;
  return tokens;
}

/** Per-phase times of the last build run, to show where the time goes. */
const phases: Record<string, number[]> = { 'load + parse': [], catalog: [], 'schemas + OpenAPI': [] };

/** The same steps as buildFromDocs (src/schema/pipeline.ts), timed one by one. */
async function build(dirs: string[]): Promise<number> {
  let t = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    phases[phase].push(Math.round(now - t));
    t = now;
  };
  const loaded = await loadDocs(dirs);
  const pages = relocateSourcePaths(loaded.pages, process.cwd(), ROOT);
  lap('load + parse');
  const catalog = buildCatalog(pages);
  lap('catalog');
  const output = generateOutput(catalog);
  lap('schemas + OpenAPI');
  return output.files.size;
}

async function timeIt(fn: () => Promise<number>): Promise<{ ms: number; result: number }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(name: string, runs: number, fn: () => Promise<number>, log: (s: string) => void): Promise<{ median: number; runs: number[]; result: number }> {
  const warm = await timeIt(fn);
  log(`${name}: warm-up ${Math.round(warm.ms)} ms`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms } = await timeIt(fn);
    times.push(Math.round(ms));
    log(`${name}: run ${i + 1} ${Math.round(ms)} ms`);
  }
  return { median: median(times), runs: times, result: warm.result };
}

const program = new Command('bench')
  .description('time graphpact build against a bare markdown-it parse of the same corpus')
  .option('--docs <dir>', 'docs directory (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
  .option('--runs <n>', 'timed runs after the warm-up', (v) => Number.parseInt(v, 10), 3)
  .option('--format <format>', 'text|json', 'text')
  .action(async (opts: { docs?: string[]; runs: number; format: string }) => {
    const docs = opts.docs ?? [join(ROOT, '..', 'shared', 'corpus', 'graph-docs')];
    const log = (line: string) => process.stderr.write(line + '\n');
    try {
      const base = await measure('markdown-it baseline', opts.runs, () => baseline(docs), log);
      const floor = await measure('tokenizer as graphpact configures it', opts.runs, () => tokenizerFloor(docs), log);
      const full = await measure('graphpact build', opts.runs, () => build(docs), log);
      const ratio = full.median / base.median;
      const lint = await measure('graphpact lint', opts.runs, () => lintDocsTree(docs), log);
      const report = {
        docs,
        runs: opts.runs,
        baselineMs: base.median,
        buildMs: full.median,
        ratio: Number(ratio.toFixed(2)),
        tokenizerFloorMs: floor.median,
        ratioToTokenizerFloor: Number((full.median / floor.median).toFixed(2)),
        target: TARGET_RATIO,
        withinTarget: ratio <= TARGET_RATIO,
        baselineRuns: base.runs,
        buildRuns: full.runs,
        outputFiles: full.result,
        /** Median per phase over the timed runs (the warm-up excluded). */
        buildPhasesMs: Object.fromEntries(Object.entries(phases).map(([name, times]) => [name, median(times.slice(1))])),
        ...lintReport(lint, base.median),
      };
      if (opts.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else {
        process.stdout.write(
          `baseline (read + markdown-it parse): ${report.baselineMs} ms (median of ${opts.runs})\n` +
            `graphpact build (in memory, ${report.outputFiles} files): ${report.buildMs} ms (median of ${opts.runs})\n` +
            `  phases (median): ${Object.entries(report.buildPhasesMs).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}\n` +
            `ratio: ${report.ratio} (target ≤ ${TARGET_RATIO}: ${report.withinTarget ? 'met' : 'NOT met'})\n` +
            `  against the tokenizer as graphpact configures it (${report.tokenizerFloorMs} ms): ${report.ratioToTokenizerFloor}\n` +
            `graphpact lint (load, parse, catalog, schemas, every example validated; ${report.lintFindings} findings): ${report.lintMs} ms (median of ${opts.runs})\n` +
            `lint ratio: ${report.lintRatio} (target ≤ ${report.lintTarget}: ${report.lintWithinTarget ? 'met' : 'NOT met'})\n`,
        );
      }
    } catch (err) {
      process.stderr.write(`bench: could not run: ${(err as Error).message}\n`);
      process.exitCode = 2;
    }
  });

await program.parseAsync(process.argv);

// --- lint timing (lint engineer): the whole lint of the corpus against the same markdown-it baseline ---
/** `graphpact lint` in process, no baseline: returns the number of findings. */
async function lintDocsTree(dirs: string[]): Promise<number> {
  return (await runLint({ docs: dirs, baseline: false })).report.findings.length;
}

/** Lint numbers for the report; the target is lint ≤ 3x the markdown-it baseline (a function: it runs before module-level consts below the top-level await are initialised). */
function lintReport(lint: { median: number; runs: number[]; result: number }, baselineMs: number) {
  const target = 3.0;
  const ratio = lint.median / baselineMs;
  return { lintMs: lint.median, lintRuns: lint.runs, lintFindings: lint.result, lintRatio: Number(ratio.toFixed(2)), lintTarget: target, lintWithinTarget: ratio <= target };
}
