/**
 * Measuring lint precision honestly (scripts/corpus.ts): the corpus is split by page family into a
 * tuning half and a held-out half; on the held-out half a stratified random sample of findings (at most
 * a few per rule, every severity the rule reports) is drawn with a fixed seed and judged by hand; the
 * judgments (docs/lint-precision.json) give precision per severity and per rule.
 *
 * The split rule (written down here, decided before any result was looked at):
 *   family   = the first hyphen-separated token of the file name, lower-cased
 *              (`intune-apps-mobileapp-get.md` → `intune`, `user.md` → `user`);
 *   half     = FNV-1a 32-bit hash of the family: even → tuning, odd → held-out.
 * Every page of a family is in the same half, so a rule tuned on `serviceprincipal-*` pages is never
 * measured on them. (On the shared corpus the whole `intune` family, 53% of the pages, is in the tuning
 * half: the held-out half holds no Intune page.)
 */
import type { Finding, Severity } from '../model/finding.js';

export type Half = 'tuning' | 'held-out';

/** FNV-1a, 32 bits: a tiny stable string hash (the same on every machine and Node version). */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The family of a page: the first hyphen-separated token of its file name, lower-cased. */
export function familyOf(file: string): string {
  const name = file.replace(/\\/g, '/').split('/').pop() ?? '';
  return name.replace(/\.md$/i, '').toLowerCase().split('-')[0];
}

export function halfOf(file: string): Half {
  return fnv1a(familyOf(file)) % 2 === 0 ? 'tuning' : 'held-out';
}

/** A finding's identity in the judged list: rule, place and message (a changed message is judged again). */
export function judgedKey(f: Pick<Finding, 'ruleId' | 'file' | 'line' | 'message'>): string {
  return `${f.ruleId} ${f.file}:${f.line} ${f.message}`;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * A stratified random sample: per rule at most `perRule` findings, taken in turn from each severity the
 * rule reports (error first), each severity's findings in the order of a seeded hash of their key.
 * Ordering by hash (bottom-k sampling) keeps the sample stable as the findings change: a finding that
 * stays keeps its place, so judgments carry over between runs; a fixed finding simply leaves.
 */
export function stratifiedSample<T extends Finding>(findings: readonly T[], perRule: number, seed: number): T[] {
  const byRule = new Map<string, Map<Severity, { f: T; h: number }[]>>();
  for (const f of findings) {
    let sev = byRule.get(f.ruleId);
    if (!sev) byRule.set(f.ruleId, (sev = new Map()));
    let list = sev.get(f.severity);
    if (!list) sev.set(f.severity, (list = []));
    list.push({ f, h: fnv1a(judgedKey(f), fnv1a(String(seed))) });
  }
  const out: T[] = [];
  for (const rule of [...byRule.keys()].sort()) {
    const sev = byRule.get(rule)!;
    const queues = SEVERITIES.filter((s) => sev.has(s)).map((s) => sev.get(s)!.sort((a, b) => a.h - b.h || (judgedKey(a.f) < judgedKey(b.f) ? -1 : 1)));
    const taken: T[] = [];
    for (let i = 0; taken.length < perRule && queues.some((q) => q.length > i); i++) {
      for (const q of queues) if (q[i] && taken.length < perRule) taken.push(q[i].f);
    }
    out.push(...taken);
  }
  return out;
}

/** One hand-checked finding. */
export interface Judgment {
  key: string;
  /**
   * The seed of the sample it was judged for. A figure counts only its own sample's judgments: a finding
   * drawn again by a later sample is judged again, so no verdict made while tuning is reused.
   */
  seed: number;
  /** A real defect of the page (true) or a false report (false). */
  real: boolean;
  /** One line: why, as read on the page. */
  reason: string;
}

export interface JudgedList {
  /** The current sample's seed (the figure printed); earlier samples' judgments stay, under their own seed. */
  seed: number;
  perRule: number;
  judged: Judgment[];
  /** How each sample was drawn and, once judged, its figure as measured then (printed before a re-tally). */
  samples?: RecordedSample[];
}

export interface RecordedSample {
  seed: number;
  /** What the sample was drawn from, when not the held-out half of the shared corpus. */
  kind?: string;
  measured?: { at: string; error?: string; warning?: string; 'errors+warnings'?: string; info?: string };
}

export interface Tally {
  real: number;
  notReal: number;
  unjudged: number;
}

export interface PrecisionReport {
  sample: { finding: Finding; judgment?: Judgment }[];
  bySeverity: Record<Severity, Tally>;
  /** Per rule, only the findings at error severity. */
  errorRules: Record<string, Tally>;
}

const emptyTally = (): Tally => ({ real: 0, notReal: 0, unjudged: 0 });

/** Joins a sample with the judgments made for it (those of `seed`) and tallies it. */
export function precisionOf(sample: readonly Finding[], judged: readonly Judgment[], seed: number): PrecisionReport {
  const byKey = new Map(judged.filter((j) => j.seed === seed).map((j) => [j.key, j]));
  const bySeverity: Record<Severity, Tally> = { error: emptyTally(), warning: emptyTally(), info: emptyTally() };
  const errorRules: Record<string, Tally> = {};
  const rows = sample.map((finding) => {
    const judgment = byKey.get(judgedKey(finding));
    const add = (t: Tally) => (judgment ? (judgment.real ? t.real++ : t.notReal++) : t.unjudged++);
    add(bySeverity[finding.severity]);
    if (finding.severity === 'error') add((errorRules[finding.ruleId] ??= emptyTally()));
    return judgment ? { finding, judgment } : { finding };
  });
  return { sample: rows, bySeverity, errorRules };
}

/** `19/20 real (95%)`, with the unjudged count when there are some. */
export function formatTally(t: Tally): string {
  const judged = t.real + t.notReal;
  const pct = judged ? ` (${Math.round((1000 * t.real) / judged) / 10}%)` : '';
  return `${t.real}/${judged} real${pct}${t.unjudged ? `, ${t.unjudged} unjudged` : ''}`;
}
