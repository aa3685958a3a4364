/**
 * JUnit XML for CI test tabs (junit-report-builder): one testsuite per file, one testcase per rule that
 * reported something there (a failure when it has a non-accepted error), and one passing `lint` testcase
 * for a file without findings.
 */
import { junit } from '../../util/junit.js';
import type { LintReport } from './report-model.js';
import type { ReportedFinding } from '../types.js';
import { redactText } from '../../util/redact.js';


export function formatJunit(report: LintReport): string {
  const builder = junit.newBuilder().name('graphpact lint');
  const byFile = new Map<string, ReportedFinding[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) {
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file)!.push(f);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const suite = builder.testSuite().name(file);
    if (findings.length === 0) {
      suite.testCase().className(file).name('lint').file(file);
      continue;
    }
    const byRule = new Map<string, ReportedFinding[]>();
    for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [ruleId, list] of byRule) {
      const tc = suite.testCase().className(file).name(ruleId).file(file);
      const describe = (f: ReportedFinding) =>
        `${file}:${f.line}: ${f.severity}: ${f.message}${f.fix ? ` (fix: ${f.fix})` : ''}${f.accepted ? ' [accepted]' : ''}${f.errata ? ` [corrected by erratum ${f.errata.join(', ')}]` : ''}`;
      const failing = list.filter((f) => f.severity === 'error' && !f.accepted);
      if (failing.length) tc.failure(redactText(failing.map(describe).join('\n')), 'lint-error');
      tc.standardOutput(redactText(list.map(describe).join('\n')));
    }
  }
  return builder.build();
}
