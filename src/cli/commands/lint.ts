/**
 * `graphpact lint`: validate every documented example against the schemas built from the docs and report
 * the docs' own contradictions (text | json | junit | sarif). Exit 1 when an error-severity finding is not
 * accepted by the baseline, 0 otherwise, 2 when lint could not run.
 */
import { PACKAGE_VERSION } from '../../util/package.js';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { DocsDirError } from '../../parse/index.js';
import { baselineOf, LintInputError, runLint, type LintRun } from '../../lint/run.js';
import { formatText } from '../../lint/format/text.js';
import { formatJson } from '../../lint/format/json.js';
import { loadModule } from '../../util/load-module.js';
import { redactValue } from '../../util/redact.js';
import { stableJson, writeFileAtomic } from '../../util/fs.js';
import { inlineLess } from '../../util/v8-flags.js';
import { action, addFormatOption, collect, EXIT, reportCouldNotRun } from '../command.js';

type LintFormat = 'text' | 'json' | 'junit' | 'sarif';

interface LintOptions {
  docs?: string[];
  format: LintFormat;
  baseline?: string;
  out?: string;
  writeBaseline?: string;
}

export function lintCommand(): Command {
  const cmd = new Command('lint')
    .description('lint the docs: validate every example against the schemas and report contradictions')
    .option('--docs <dir>', "docs directory (repeatable; default: the project's apidocs/)", collect)
    .option('--baseline <file>', 'accepted findings (default: lint-baseline.json of the project when linting its docs)')
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--write-baseline <file>', 'write a baseline accepting every current finding, then exit 0');
  addFormatOption(cmd, ['text', 'json', 'junit', 'sarif']);
  cmd.addHelpText('after', '\nExit codes: 0 no new error, 1 an error-severity finding not in the baseline, 2 could not run.\n');
  return cmd.action(action(async (opts: LintOptions) => {
    inlineLess();
    let run: LintRun;
    try {
      run = await runLint({
        ...(opts.docs ? { docs: opts.docs } : {}),
        ...(opts.baseline ? { baseline: opts.baseline } : {}),
        ...(opts.writeBaseline ? { writeBaseline: opts.writeBaseline } : {}),
      });
    } catch (err) {
      if (err instanceof DocsDirError || err instanceof LintInputError) return reportCouldNotRun('graphpact lint', err, opts.format);
      throw err;
    }
    const output = await render(run, opts.format, !opts.out);
    if (opts.out) await writeFileAtomic(resolve(opts.out), output);
    else process.stdout.write(output);
    if (opts.writeBaseline) {
      const baseline = baselineOf(run, opts.writeBaseline);
      await writeFileAtomic(resolve(opts.writeBaseline), stableJson(redactValue(baseline)));
      process.stderr.write(`graphpact lint: wrote ${baseline.findings.length} accepted findings to ${opts.writeBaseline}\n`);
      return EXIT.ok;
    }
    return run.report.exitCode;
  }));
}

async function render(run: LintRun, format: LintFormat, toTerminal: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(run.report);
    // Loaded only for their format: their libraries (junit-report-builder, node-sarif-builder) took ~0.15 s
    // of every lint's start.
    case 'junit':
      return (await loadModule<typeof import('../../lint/format/junit.js')>(import.meta.url, '../../lint/format/junit.js')).formatJunit(run.report);
    case 'sarif':
      return (await loadModule<typeof import('../../lint/format/sarif.js')>(import.meta.url, '../../lint/format/sarif.js')).formatSarif(run.report, { version: PACKAGE_VERSION });
    default:
      return formatText(run.report, { color: toTerminal && useColor(process.stdout.isTTY, process.env) });
  }
}

/** Color for a terminal, unless NO_COLOR is set to a non-empty value (https://no-color.org). */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

