/**
 * `graphpact report merge a.json b.json ... --out DIR`: one report (JSON, JUnit, HTML, Markdown) from the
 * verify.json of each shard of a run (`graphpact verify --shard i/n`). Exit: the merged outcome (0, 1, 2).
 */
import { Command } from 'commander';
import { loadReport, ReportFileError } from '../../drift/load.js';
import { mergeReports } from '../../report/merge.js';
import { writeReports } from '../../report/write.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, reportCouldNotRun, type OutputFormat } from '../command.js';

export function reportCommand(): Command {
  const report = new Command('report').description('work with verify reports (merge the reports of sharded runs)');
  const merge = new Command('merge')
    .description('merge the verify.json of each shard into one report (JSON, JUnit, HTML, Markdown); exit is the merged outcome')
    .argument('<reports...>', 'verify.json files, one per shard')
    .option('--out <dir>', 'directory for the merged reports', 'reports');
  addFormatOption(merge);
  merge.addHelpText('after', '\nExample:\n  graphpact report merge shard-1/verify.json shard-2/verify.json --out reports\n');
  merge.action(action(async (files: string[], opts: { out: string; format: OutputFormat }) => {
    let merged;
    try {
      merged = mergeReports(await Promise.all(files.map(loadReport)));
    } catch (err) {
      if (err instanceof ReportFileError || err instanceof Error) return reportCouldNotRun('graphpact report merge', err, opts.format);
      throw err;
    }
    const paths = await writeReports(opts.out, merged);
    const t = merged.totals;
    const text = opts.format === 'json'
      ? JSON.stringify({ outcome: merged.outcome, exitCode: merged.exitCode, operations: merged.operations.length, totals: t, reportFiles: paths }, null, 2) + '\n'
      : `${merged.outcome.toUpperCase()} (exit ${merged.exitCode}) — ${files.length} reports, ${merged.operations.length} operations; checks ${t.pass} pass, ${t.fail} fail, ${t.warn} warn, ${t.inconclusive} inconclusive\n  reports: ${paths.html} ${paths.junit} ${paths.json} ${paths.markdown}\n`;
    process.stdout.write(redactText(text));
    return merged.exitCode;
  }));
  return report.addCommand(merge);
}
