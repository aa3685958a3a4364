/**
 * Lint numbers for a docs corpus (scripts/corpus.ts): findings per rule split Intune / non-Intune
 * (file name starts with `intune-`) and pages per rule. The precision sample is in precision.ts.
 */
import type { Finding } from '../model/finding.js';

export interface RuleCount {
  ruleId: string;
  severity: string;
  intune: number;
  nonIntune: number;
  /** Distinct pages with at least one finding of the rule. */
  pages: number;
}

export function isIntune(file: string): boolean {
  return /(^|\/)intune-[^/]*$/i.test(file);
}

/** Findings per rule and severity (a rule may report some findings at another severity). */
export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount & { files: Set<string> }>();
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.severity}`;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { ruleId: f.ruleId, severity: f.severity, intune: 0, nonIntune: 0, pages: 0, files: new Set() }));
    if (isIntune(f.file)) c.intune++;
    else c.nonIntune++;
    c.files.add(f.file);
  }
  return [...counts.values()]
    .map(({ files, ...c }) => ({ ...c, pages: files.size }))
    .sort((a, b) => b.intune + b.nonIntune - (a.intune + a.nonIntune) || a.ruleId.localeCompare(b.ruleId));
}
