/**
 * `graphpact diff a.json b.json`: what changed between two verify reports (e.g. last night's and
 * tonight's): checks that changed state and response properties that appeared or vanished (drift).
 */
import { Command } from 'commander';
import { diffReports, hasChanges, renderDiff } from '../../drift/diff.js';
import { loadReport, ReportFileError } from '../../drift/load.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';

export function diffCommand(): Command {
  const cmd = new Command('diff')
    .description('compare two verify reports (exit 0 no change, 1 changes found, 2 could not read a report)')
    .argument('<a>', 'the older report (reports/verify.json of an earlier run)')
    .argument('<b>', 'the newer report');
  addFormatOption(cmd);
  cmd.addHelpText('after', '\nChanges: checks or Pact interactions whose status changed, appeared or went away, the overall outcome,\nand top-level response properties that appeared or vanished per operation (drift).\nExample:\n  graphpact diff previous/verify.json reports/verify.json --format json');
  return cmd.action(action(async (a: string, b: string, opts: { format: OutputFormat }) => {
    let diff;
    try {
      diff = diffReports(await loadReport(a), await loadReport(b));
    } catch (err) {
      if (!(err instanceof ReportFileError)) throw err;
      return reportCouldNotRun('graphpact diff', err, opts.format);
    }
    const exitCode = hasChanges(diff) ? EXIT.nonConformant : EXIT.ok;
    process.stdout.write(redactText(opts.format === 'json' ? JSON.stringify({ exitCode, a, b, ...diff }, null, 2) + '\n' : renderDiff(diff, a, b)));
    return exitCode;
  }));
}
