/** A Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY and friends): outcome, totals, matrix, failures. */
import { failures, inconclusiveNote, worstStatus, type CheckStatus, type VerificationReport } from './model.js';

export const STATUS_MARK: Record<CheckStatus, string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', inconclusive: '❔ inconclusive', skip: '–' };

/** Operations a job summary shows row by row (CI summaries are capped at 1 MiB). */
const MAX_ROWS = 100;

const OUTCOME_LINE = { conformant: '✅ conformant', 'non-conformant': '❌ non-conformant', inconclusive: '❔ inconclusive', 'could-not-run': '⛔ could not run' } as const;

export function renderMarkdown(report: VerificationReport): string {
  const lines: string[] = [];
  lines.push(`## graphpact verify: ${OUTCOME_LINE[report.outcome]}${inconclusiveNote(report)}`, '');
  lines.push(`Provider \`${report.provider.baseUrl}\`${report.provider.embedded ? ' (embedded)' : ''} · run \`${report.runId}\` · exit ${report.exitCode}`, '');
  if (report.reason) lines.push(`> ${report.reason}`, '');
  const t = report.totals;
  lines.push('| pass | fail | warn | inconclusive | not applicable |', '|---:|---:|---:|---:|---:|', `| ${t.pass} | ${t.fail} | ${t.warn} | ${t.inconclusive} | ${t.skip} |`, '');

  if (report.pact.ran || report.pact.error) {
    lines.push('### Pact interactions', '');
    if (report.pact.error) lines.push(`> ${report.pact.error}`, '');
    if (report.pact.interactions.length) {
      lines.push('| interaction | status |', '|---|---|');
      for (const i of report.pact.interactions) lines.push(`| ${cell(i.description)} | ${STATUS_MARK[i.status]}${i.pending ? ' (pending)' : ''} |`);
      lines.push('');
    }
  }

  if (report.operations.length) {
    // A job summary over thousands of operations lists the ones to look at: failing first, the rest counted.
    const many = report.operations.length > MAX_ROWS;
    const rank = (s: CheckStatus) => ['fail', 'inconclusive', 'warn', 'pass', 'skip'].indexOf(s);
    const shown = many ? [...report.operations].filter((o) => o.status !== 'pass' && o.status !== 'skip').sort((a, b) => rank(a.status) - rank(b.status) || a.id.localeCompare(b.id)).slice(0, MAX_ROWS) : report.operations;
    const counts = (['pass', 'fail', 'warn', 'inconclusive', 'skip'] as CheckStatus[]).map((s) => `${report.operations.filter((o) => o.status === s).length} ${s === 'skip' ? 'not applicable' : s}`).join(', ');
    lines.push('### Schema conformance', '', `${report.operations.length} operations: ${counts}${many ? ` (failing, inconclusive and warning operations listed, at most ${MAX_ROWS}; every one is in the HTML report)` : ''}`, '');
    lines.push(`| operation | ${report.checksSelected.map((c) => `\`${c}\``).join(' | ')} |`);
    lines.push(`|---|${report.checksSelected.map(() => '---').join('|')}|`);
    for (const op of shown) {
      const cells = report.checksSelected.map((name) => STATUS_MARK[worstStatus(op.checks.filter((c) => c.check === name).map((c) => c.status))]);
      lines.push(`| \`${op.method} ${op.path}\` | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }

  const failed = failures(report);
  if (failed.length) {
    lines.push('### Failures', '');
    for (const f of failed.slice(0, 50)) lines.push(`- **${cell(f.title)}**: ${cell(f.message)}`);
    if (failed.length > 50) lines.push(`- … and ${failed.length - 50} more (see the HTML report)`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Keeps table cells on one line and pipes from breaking the table. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
