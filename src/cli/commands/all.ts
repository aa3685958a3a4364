/**
 * `graphpact all` (what `npm start` runs): build → lint (with the committed baseline) → contracts → compare → verify
 * against the embedded provider, each stage called through its exported function, then a short summary
 * and the report paths. Exit: the worst stage (2 could not run > 1 non-conformant > 0); a stage the next
 * ones depend on (build, contracts) stops the pipeline when it could not run.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { buildFromDocs } from '../../schema/pipeline.js';
import { writeGeneratedFiles } from '../../schema/write.js';
import { runLint } from '../../lint/run.js';
import { summaryCounts } from '../../lint/format/report-model.js';
import { writeContracts } from '../../contracts/index.js';
import { compareContracts, CompareInputError, readCompareInputs } from '../../compare/compare.js';
import { openApiPath } from '../../model/schema-layout.js';
import { CHECK_NAMES } from '../../verify/checks.js';
import { CouldNotRun, runVerify } from '../../verify/run.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';
import { selectionOf, type Selection } from '../../select/index.js';
import { addSelectionOptions, type SelectionFlags } from '../../select/cli-options.js';

import { PACKAGE_ROOT } from '../../util/package.js';

export interface PipelineDirs {
  /** One docs directory, or several (`--docs a --docs b`). */
  docs: string | string[];
  schemas: string;
  contracts: string;
  reports: string;
  /** `--operations`: contracts and verification of these operations only (the seed contract otherwise). */
  selection?: Selection;
  /** `--version`: the API version contracted and verified (default beta). */
  version?: string;
}

function docsOf(dirs: PipelineDirs): string[] {
  return Array.isArray(dirs.docs) ? dirs.docs : [dirs.docs];
}

export interface StageResult {
  stage: 'build' | 'lint' | 'contracts' | 'compare' | 'verify';
  exitCode: number;
  /** One line: what the stage did or why it could not. */
  summary: string;
  durationMs: number;
  /** Files the stage wrote that a person will want to open. */
  reports?: string[];
  /** Verify only: some checks could not conclude (a throttling provider); with exit 2, none on the success path did. */
  inconclusive?: boolean;
}

type Stage = () => Promise<Omit<StageResult, 'stage' | 'durationMs'>>;

/** Runs the stages in order; stops after a stage that could not run when later ones need its output. */
export async function runPipeline(dirs: PipelineDirs, onStage?: (result: StageResult) => void, timeoutMs = 30_000): Promise<StageResult[]> {
  const stages: [StageResult['stage'], Stage, boolean][] = [
    ['build', () => buildStage(dirs), true],
    ['lint', () => lintStage(dirs), false],
    ['contracts', () => contractsStage(dirs), true],
    ['compare', () => compareStage(dirs), false],
    ['verify', () => verifyStage(dirs, timeoutMs), false],
  ];
  const results: StageResult[] = [];
  for (const [stage, run, needed] of stages) {
    const started = performance.now();
    let outcome: Omit<StageResult, 'stage' | 'durationMs'>;
    try {
      outcome = await run();
    } catch (err) {
      outcome = { exitCode: EXIT.couldNotRun, summary: `could not run: ${oneLine(err)}` };
    }
    const result: StageResult = { stage, ...outcome, durationMs: Math.round(performance.now() - started) };
    results.push(result);
    onStage?.(result);
    if (needed && result.exitCode === EXIT.couldNotRun) break;
  }
  return results;
}

async function buildStage(dirs: PipelineDirs): Promise<Omit<StageResult, 'stage' | 'durationMs'>> {
  const built = await buildFromDocs(docsOf(dirs), { root: PACKAGE_ROOT });
  if (built.unreadable.length > 0) return { exitCode: EXIT.couldNotRun, summary: `could not run: ${built.unreadable[0].message}` };
  const written = await writeGeneratedFiles(dirs.schemas, built.output.files);
  return {
    exitCode: EXIT.ok,
    summary: `${built.pages.length} pages → ${built.catalog.operations.length} operations, ${built.catalog.types.size} types; ${built.output.files.size} schema files (${written.written} written)`,
  };
}

async function lintStage(dirs: PipelineDirs): Promise<Omit<StageResult, 'stage' | 'durationMs'>> {
  // The committed baseline holds the seeds' known defects (they stay in the docs on purpose).
  const run = await runLint({ docs: docsOf(dirs), baseline: resolve(PACKAGE_ROOT, 'lint-baseline.json') });
  const c = summaryCounts(run.report.findings);
  return {
    exitCode: run.report.exitCode,
    summary: `${run.report.findings.length} findings (${c.errors} errors, ${c.acceptedErrors} of them accepted by the baseline; ${c.warnings} warnings, ${c.infos} info)`,
  };
}

async function contractsStage(dirs: PipelineDirs): Promise<Omit<StageResult, 'stage' | 'durationMs'>> {
  const written = await writeContracts({ pactDir: dirs.contracts, docs: docsOf(dirs), schemas: dirs.schemas, logLevel: 'error', ...(dirs.selection ? { selection: dirs.selection } : {}), ...(dirs.version ? { version: dirs.version } : {}) });
  return { exitCode: EXIT.ok, summary: `${written.interactions.length} interactions in ${written.files.length} contract file(s)`, reports: written.files };
}

/**
 * The contracts against the OpenAPI with PactFlow's comparator (what bi-directional contract testing checks):
 * openapi.<--version>.json (default beta), or the build's only version when the docs have no such version.
 */
async function compareStage(dirs: PipelineDirs): Promise<Omit<StageResult, 'stage' | 'durationMs'>> {
  try {
    const built = (await readdir(dirs.schemas)).filter((n) => /^openapi\..+\.json$/.test(n)).sort();
    const wanted = openApiPath(dirs.version ?? 'beta');
    const name = built.includes(wanted) ? wanted : built[0] ?? wanted;
    const report = await compareContracts(await readCompareInputs(resolve(dirs.schemas, name), dirs.contracts));
    const first = report.results.find((r) => r.severity === 'error');
    return {
      exitCode: report.exitCode === 0 ? EXIT.ok : EXIT.nonConformant,
      summary: `${report.errors} incompatibilities, ${report.warnings} warnings between the contracts and ${name}${first ? ` (first: ${first.interaction}: ${first.code})` : ''}`,
    };
  } catch (err) {
    if (err instanceof CompareInputError) return { exitCode: EXIT.couldNotRun, summary: `could not run: ${err.message}` };
    throw err;
  }
}

async function verifyStage(dirs: PipelineDirs, timeoutMs: number): Promise<Omit<StageResult, 'stage' | 'durationMs'>> {
  try {
    const { report, paths } = await runVerify({ pactDir: dirs.contracts, schemasDir: dirs.schemas, reportsDir: dirs.reports, timeoutMs, checks: CHECK_NAMES, ...(dirs.selection ? { selection: dirs.selection } : {}), ...(dirs.version ? { version: dirs.version } : {}), ...(Array.isArray(dirs.docs) ? { docs: dirs.docs } : {}) });
    const r = report!;
    const pactPassed = r.pact.interactions.filter((i) => i.status === 'pass').length;
    return {
      exitCode: r.exitCode,
      summary: `${r.outcome}: Pact ${pactPassed}/${r.pact.interactions.length} interactions, checks ${r.totals.pass} pass / ${r.totals.fail} fail / ${r.totals.warn} warn / ${r.totals.inconclusive} inconclusive${r.reason ? ` (${r.reason})` : ''}`,
      reports: paths ? [paths.html, paths.junit, paths.json, paths.markdown] : [],
      ...(r.outcome === 'inconclusive' ? { inconclusive: true } : {}),
    };
  } catch (err) {
    if (err instanceof CouldNotRun) return { exitCode: EXIT.couldNotRun, summary: `could not run: ${err.message}` };
    throw err;
  }
}

export function worstExitCode(results: StageResult[]): number {
  return results.reduce<number>((worst, r) => Math.max(worst, r.exitCode), EXIT.ok);
}

/** The pipeline's headline, the same words as verify's: INCONCLUSIVE whenever verification was, unless something failed. */
export function pipelineOutcome(results: StageResult[]): string {
  const exit = worstExitCode(results);
  if (exit === EXIT.nonConformant) return 'NON-CONFORMANT';
  const inconclusive = results.some((r) => r.inconclusive);
  if (exit === EXIT.couldNotRun) return inconclusive && results.every((r) => r.exitCode !== EXIT.couldNotRun || r.inconclusive) ? 'INCONCLUSIVE' : 'COULD NOT RUN';
  return inconclusive ? 'INCONCLUSIVE' : 'conformant';
}

export function renderPipelineSummary(results: StageResult[]): string {
  const exit = worstExitCode(results);
  const lines = results.map((r) => `  ${r.exitCode === 0 ? (r.inconclusive ? 'INC ' : 'ok  ') : r.exitCode === 1 ? 'FAIL' : r.inconclusive ? 'INC ' : 'STOP'} ${r.stage.padEnd(9)} ${r.summary} (${(r.durationMs / 1000).toFixed(1)} s)`);
  const reports = results.flatMap((r) => r.reports ?? []);
  return [
    `graphpact all: ${pipelineOutcome(results)} (exit ${exit})`,
    ...lines,
    ...(reports.length ? ['  reports:', ...reports.map((p) => `    ${relativeToCwd(p)}`)] : []),
    '',
  ].join('\n');
}

function relativeToCwd(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function oneLine(err: unknown): string {
  // Some stages throw multi-line messages (Pact lists mismatches below a heading): keep the start, on one line.
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ').trim();
  return redactText(text.length > 400 ? `${text.slice(0, 400)}…` : text);
}

export function allCommand(): Command {
  const cmd = new Command('all')
    .description("build + lint (with the committed baseline) + contracts + compare (contracts vs OpenAPI) + verify against the embedded provider: what `npm start` runs")
    .option('--reports <dir>', 'directory for the verification reports', 'reports')
    .option('--version <version>', 'API version contracted and verified with --operations (beta, v1.0, ...; default beta)');
  addSelectionOptions(cmd, { operations: 'the seed operations' });
  addFormatOption(cmd);
  cmd.addHelpText('after', "\nWith --docs or --operations, the schemas and contracts of the run go to <reports>/schemas and <reports>/contracts\n(the package's committed ones stay as they are).\n");
  return cmd.action(action(async (opts: SelectionFlags & { reports: string; version?: string; format: OutputFormat }) => {
    let selection: Selection | undefined;
    try {
      selection = opts.operations !== undefined ? selectionOf(opts.operations) : undefined;
    } catch (err) {
      return reportCouldNotRun('graphpact all', err, opts.format);
    }
    const own = (opts.docs && opts.docs.length > 0) || selection !== undefined;
    const dirs: PipelineDirs = {
      docs: opts.docs && opts.docs.length > 0 ? opts.docs : resolve(PACKAGE_ROOT, 'apidocs'),
      schemas: own ? resolve(opts.reports, 'schemas') : resolve(PACKAGE_ROOT, 'schemas'),
      contracts: own ? resolve(opts.reports, 'contracts') : resolve(PACKAGE_ROOT, 'contracts'),
      reports: opts.reports,
      ...(selection ? { selection } : {}),
      ...(opts.version ? { version: opts.version } : {}),
    };
    const progress = opts.format === 'text' ? (r: StageResult) => process.stderr.write(`graphpact: ${r.stage} done (exit ${r.exitCode})\n`) : undefined;
    const results = await runPipeline(dirs, progress);
    process.stdout.write(redactText(opts.format === 'json' ? JSON.stringify({ exitCode: worstExitCode(results), stages: results }, null, 2) + '\n' : renderPipelineSummary(results)));
    return worstExitCode(results);
  }));
}
