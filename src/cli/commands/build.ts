/**
 * `graphpact build`: docs → JSON Schemas, OpenAPI 3.1 documents and index.json under `--out`.
 * Deterministic (same docs, same bytes) and atomic (every file replaced whole; stale files of a
 * previous build removed only after the new ones are written). The docs are read once, fingerprinted and
 * parsed from those bytes; when `--out` holds intact outputs of a build with the same fingerprint, nothing
 * is parsed or written and that build's report is given again.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type cliProgress from 'cli-progress';
import type { Finding } from '../../model/finding.js';
import { DocsDirError } from '../../parse/index.js';
import { readDocsSnapshot, type DocsSnapshot } from '../../parse/load.js';
import { buildFingerprint } from '../../schema/fingerprint.js';
import { buildOutputsFromDocs, type OutputsBuild } from '../../schema/pipeline.js';
import { upToDateReport, writeGeneratedFiles, type WriteResult } from '../../schema/write.js';
import { redactText } from '../../util/redact.js';
import { inlineLess } from '../../util/v8-flags.js';
import { action, addFormatOption, collect, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';

/** The package root (three levels above src/cli/commands and dist/cli/commands). */
import { PACKAGE_ROOT } from '../../util/package.js';

/** A progress bar is worth showing only for a large docs tree. */
const PROGRESS_MIN_PAGES = 200;

interface BuildOptions {
  docs?: string[];
  out?: string;
  format: OutputFormat;
}

export interface BuildSummary {
  docs: string[];
  out: string;
  pages: number;
  versions: string[];
  operations: number;
  types: number;
  files: { total: number; written: number; unchanged: number; removed: number };
  findings: { total: number; errors: number; warnings: number; infos: number; byRule: Record<string, number> };
  /** True when the out dir held this build already (same inputs, intact outputs): nothing parsed or written. */
  upToDate: boolean;
  durationMs: number;
}

/** The part of a summary that the build record keeps, for an up-to-date build to report again. */
type RecordedReport = Pick<BuildSummary, 'pages' | 'versions' | 'operations' | 'types' | 'findings'> & { files: number };

export function buildCommand(): Command {
  const cmd = new Command('build')
    .description('build JSON Schemas (2020-12), OpenAPI 3.1 documents and index.json from the docs')
    .option('--docs <dir>', "docs directory (repeatable; default: the package's apidocs/)", collect)
    .option('--out <dir>', "output directory (default: the package's schemas/)");
  addFormatOption(cmd);
  return cmd.action(action(async (opts: BuildOptions) => {
    inlineLess();
    const started = performance.now();
    const docs = opts.docs && opts.docs.length > 0 ? opts.docs : [resolve(PACKAGE_ROOT, 'apidocs')];
    const out = opts.out ?? resolve(PACKAGE_ROOT, 'schemas');
    let snapshot: DocsSnapshot;
    try {
      snapshot = await readDocsSnapshot(docs);
    } catch (err) {
      if (err instanceof DocsDirError) return reportCouldNotRun('graphpact build', err, opts.format);
      throw err;
    }
    const inputs = buildFingerprint(docs, snapshot, PACKAGE_ROOT);
    const recorded = asRecordedReport(upToDateReport(out, inputs));
    if (recorded) {
      return print(upToDateSummary(docs, out, recorded, performance.now() - started), opts.format);
    }
    const progress = createProgress();
    let built;
    try {
      built = await generate(docs, snapshot, progress?.update);
    } catch (err) {
      if (err instanceof DocsDirError) return reportCouldNotRun('graphpact build', err, opts.format);
      throw err;
    } finally {
      progress?.stop();
    }
    if ('unreadable' in built) {
      const first = built.unreadable[0];
      return reportCouldNotRun('graphpact build', `${first.message}${built.unreadable.length > 1 ? ` (and ${built.unreadable.length - 1} more unreadable files)` : ''}; nothing written`, opts.format);
    }
    const written = await writeGeneratedFiles(out, built.files, { record: { inputs, report: built.report } });
    return print(summarize(docs, out, built.report, written, performance.now() - started), opts.format);
  }));
}

/**
 * The output files and report of a full build, or the files that could not be read. The pages are let go
 * before the outputs are generated, and the catalog before they are written (buildOutputsFromDocs).
 */
async function generate(docs: string[], snapshot: DocsSnapshot, onProgress: ((done: number, total: number) => void) | undefined): Promise<{ files: Map<string, unknown>; report: RecordedReport } | { unreadable: Finding[] }> {
  const built = await buildOutputsFromDocs(docs, { root: PACKAGE_ROOT, onProgress, snapshot });
  if (built.unreadable.length > 0) return { unreadable: built.unreadable };
  return { files: built.output.files, report: recordedReport(built) };
}

function print(summary: BuildSummary, format: OutputFormat): number {
  process.stdout.write(redactText(format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : textSummary(summary)));
  return EXIT.ok;
}

function createProgress(): { update: (done: number, total: number) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_PAGES) return;
      if (!bar) {
        // Loaded for a terminal only (~8 ms of every build's start otherwise).
        const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
        bar = new SingleBar({ stream: process.stderr, format: 'parsing docs [{bar}] {value}/{total} pages', clearOnComplete: true }, Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

function recordedReport(built: OutputsBuild): RecordedReport {
  return {
    pages: built.pages,
    versions: built.output.index.versions,
    operations: built.catalog.operations.length,
    types: built.catalog.types.size,
    files: built.output.files.size,
    findings: countFindings(built.findings),
  };
}

/** A recorded report as read back (a record written by this code, so only its shape is checked). */
function asRecordedReport(value: unknown): RecordedReport | undefined {
  const r = value as Partial<RecordedReport> | undefined;
  return r && typeof r.pages === 'number' && typeof r.files === 'number' && Array.isArray(r.versions) && r.findings ? (r as RecordedReport) : undefined;
}

function summarize(docs: string[], out: string, report: RecordedReport, written: WriteResult, ms: number): BuildSummary {
  const { files, ...counts } = report;
  return {
    docs,
    out,
    ...counts,
    files: { total: files, written: written.written, unchanged: written.unchanged, removed: written.removed.length },
    upToDate: false,
    durationMs: Math.round(ms),
  };
}

function upToDateSummary(docs: string[], out: string, report: RecordedReport, ms: number): BuildSummary {
  const { files, ...counts } = report;
  return { docs, out, ...counts, files: { total: files, written: 0, unchanged: files, removed: 0 }, upToDate: true, durationMs: Math.round(ms) };
}

function countFindings(findings: Finding[]): BuildSummary['findings'] {
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  return { total: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info'), byRule: sorted };
}

function textSummary(s: BuildSummary): string {
  const rules = Object.entries(s.findings.byRule).map(([rule, n]) => `    ${rule}: ${n}`).join('\n');
  return [
    `graphpact build: ${s.pages} pages → ${s.operations} operations, ${s.types} types in ${s.versions.length} versions (${s.versions.join(', ')})`,
    `  ${s.out}: ${s.files.total} files (${s.files.written} written, ${s.files.unchanged} unchanged, ${s.files.removed} stale removed)`,
    ...(s.upToDate ? ['  up to date: the docs, errata and graphpact are those of the build that wrote these files, and the files are intact; nothing parsed or written'] : []),
    `  findings: ${s.findings.total} (${s.findings.errors} errors, ${s.findings.warnings} warnings, ${s.findings.infos} info)${rules ? '\n' + rules : ''}`,
    `  time: ${(s.durationMs / 1000).toFixed(2)} s`,
    '',
  ].join('\n');
}
