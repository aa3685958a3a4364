/** What every output format renders: the reported findings of one lint run and the rules behind them. */
import type { ReportedFinding, RuleInfo } from '../types.js';

export interface LintReport {
  /** Sorted (file, line, column, rule id); paths '/' separated relative to `root`. */
  findings: ReportedFinding[];
  /** Rules known to the run (lint rules plus parser/catalog ids seen in findings). */
  rules: RuleInfo[];
  /** Files that were linted (relative to `root`), so clean files show in per-file formats too. */
  files: string[];
  /** Exit code the run ends with (0 ok, 1 non-accepted error). */
  exitCode: number;
}

export function summaryCounts(findings: readonly ReportedFinding[]) {
  const count = (sev: string, accepted?: boolean) =>
    findings.filter((f) => f.severity === sev && (accepted === undefined || f.accepted === accepted)).length;
  return {
    errors: count('error'),
    acceptedErrors: count('error', true),
    warnings: count('warning'),
    infos: count('info'),
    accepted: findings.filter((f) => f.accepted).length,
  };
}
