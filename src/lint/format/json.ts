/** JSON output for machines: the findings (accepted flag and fingerprint included) and a summary. */
import type { LintReport } from './report-model.js';
import { summaryCounts } from './report-model.js';
import { redactText } from '../../util/redact.js';
import { stableJson } from '../../util/fs.js';

export function formatJson(report: LintReport): string {
  return stableJson(redacted({
    summary: { ...summaryCounts(report.findings), files: report.files.length, exitCode: report.exitCode },
    findings: report.findings.map((f) => ({
      file: f.file, line: f.line, ...(f.column !== undefined ? { column: f.column } : {}),
      ruleId: f.ruleId, severity: f.severity, message: f.message,
      ...(f.fix !== undefined ? { fix: f.fix } : {}),
      accepted: f.accepted, fingerprint: f.fingerprint,
      ...(f.errata ? { errata: f.errata } : {}),
    })),
  }));
}

/**
 * redactValue (util/redact.ts), without its JSON.parse of the whole report when redaction changed nothing
 * (nearly always: the report is about 9 MB on the corpus). Same text either way.
 */
function redacted<T>(value: T): T {
  const text = JSON.stringify(value);
  const out = redactText(text);
  return out === text ? value : (JSON.parse(out) as T);
}
