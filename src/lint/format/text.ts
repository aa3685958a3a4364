/** Text output for people: findings grouped by file, colored when asked (TTY and no NO_COLOR). */
import pc from 'picocolors';
import type { LintReport } from './report-model.js';
import { summaryCounts } from './report-model.js';
import { redactText } from '../../util/redact.js';

/** Docs text (names, values) may hold control characters; a terminal must see them, not obey them. */
const CONTROL = /[\u0000-\u001f\u007f]/g;
const printable = (text: string): string => text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function formatText(report: LintReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const sevColor = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of report.findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(c.underline(printable(f.file)));
      current = f.file;
    }
    const pos = `${f.line}${f.column !== undefined ? `:${f.column}` : ""}`.padEnd(8);
    const sev = sevColor[f.severity](f.severity.padEnd(7));
    const accepted = f.accepted ? c.dim(' [accepted]') : '';
    const corrected = f.errata ? c.dim(` [corrected by erratum ${f.errata.join(', ')}]`) : '';
    lines.push(`  ${c.dim(pos)} ${sev} ${printable(f.message)}  ${c.dim(f.ruleId)}${accepted}${corrected}`);
    if (f.fix) lines.push(`  ${' '.repeat(8)} ${' '.repeat(7)} ${c.green('fix:')} ${printable(f.fix)}`);
  }
  const s = summaryCounts(report.findings);
  if (lines.length) lines.push('');
  const summary = `${s.errors} error${s.errors === 1 ? '' : 's'}${s.acceptedErrors ? ` (${s.acceptedErrors} accepted by the baseline)` : ''}, `
    + `${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info in ${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  lines.push(report.exitCode === 0 ? c.green(summary) : c.red(c.bold(summary)));
  return redactText(lines.join('\n')) + '\n';
}
