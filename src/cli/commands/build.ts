/**
 * `graphpact build`: docs → JSON Schemas, OpenAPI 3.1 documents and index.json under `--out`.
 * Deterministic (same docs, same bytes) and atomic (every file replaced whole; stale files of a
 * previous build removed only after the new ones are written).
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Finding } from '../../model/finding.js';
import { DocsDirError } from '../../parse/index.js';
import { buildFromDocs } from '../../schema/pipeline.js';
import { writeGeneratedFiles, type WriteResult } from '../../schema/write.js';
import { redactText } from '../../util/redact.js';
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
  durationMs: number;
}

export function buildCommand(): Command {
  const cmd = new Command('build')
    .description('build JSON Schemas (2020-12), OpenAPI 3.1 documents and index.json from the docs')
    .option('--docs <dir>', "docs directory (repeatable; default: the package's apidocs/)", collect)
    .option('--out <dir>', "output directory (default: the package's schemas/)");
  addFormatOption(cmd);
  return cmd.action(action(async (opts: BuildOptions) => {
    const started = performance.now();
    const docs = opts.docs && opts.docs.length > 0 ? opts.docs : [resolve(PACKAGE_ROOT, 'apidocs')];
    const out = opts.out ?? resolve(PACKAGE_ROOT, 'schemas');
    const progress = createProgress();
    let built;
    try {
      built = await buildFromDocs(docs, { root: PACKAGE_ROOT, onProgress: progress?.update });
    } catch (err) {
      if (err instanceof DocsDirError) return reportCouldNotRun('graphpact build', err, opts.format);
      throw err;
    } finally {
      progress?.stop();
    }
    if (built.unreadable.length > 0) {
      const first = built.unreadable[0];
      return reportCouldNotRun('graphpact build', `${first.message}${built.unreadable.length > 1 ? ` (and ${built.unreadable.length - 1} more unreadable files)` : ''}; nothing written`, opts.format);
    }
    const written = await writeGeneratedFiles(out, built.output.files);
    const summary = summarize(docs, out, built, written, performance.now() - started);
    process.stdout.write(redactText(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : textSummary(summary)));
    return EXIT.ok;
  }));
}


function createProgress(): { update: (done: number, total: number) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_PAGES) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'parsing docs [{bar}] {value}/{total} pages', clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

function summarize(docs: string[], out: string, built: Awaited<ReturnType<typeof buildFromDocs>>, written: WriteResult, ms: number): BuildSummary {
  return {
    docs,
    out,
    pages: built.pages.length,
    versions: built.output.index.versions,
    operations: built.catalog.operations.length,
    types: built.catalog.types.size,
    files: { total: built.output.files.size, written: written.written, unchanged: written.unchanged, removed: written.removed.length },
    findings: countFindings(built.findings),
    durationMs: Math.round(ms),
  };
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
    `  findings: ${s.findings.total} (${s.findings.errors} errors, ${s.findings.warnings} warnings, ${s.findings.infos} info)${rules ? '\n' + rules : ''}`,
    `  time: ${(s.durationMs / 1000).toFixed(2)} s`,
    '',
  ].join('\n');
}
