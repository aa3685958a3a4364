/**
 * Lint numbers for a docs corpus (scripts/corpus.ts): findings per rule split Intune / non-Intune
 * (file name starts with `intune-`), pages per rule, and a reproducible random sample of findings
 * (for checking precision by hand).
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

export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount & { files: Set<string> }>();
  for (const f of findings) {
    let c = counts.get(f.ruleId);
    if (!c) counts.set(f.ruleId, (c = { ruleId: f.ruleId, severity: f.severity, intune: 0, nonIntune: 0, pages: 0, files: new Set() }));
    if (isIntune(f.file)) c.intune++;
    else c.nonIntune++;
    c.files.add(f.file);
  }
  return [...counts.values()]
    .map(({ files, ...c }) => ({ ...c, pages: files.size }))
    .sort((a, b) => b.intune + b.nonIntune - (a.intune + a.nonIntune) || a.ruleId.localeCompare(b.ruleId));
}

/** mulberry32: a tiny seeded PRNG, so the sample is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` findings drawn without replacement with a fixed seed. */
export function sampleFindings<T>(findings: readonly T[], n: number, seed = 42): T[] {
  const pool = [...findings];
  const rand = prng(seed);
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}
