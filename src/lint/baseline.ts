/**
 * Baseline: the findings a project has accepted, so a CI gate fails only on new defects.
 * A finding's fingerprint hashes its rule id, file, the normalised text of the offending line and its
 * message — not the line number — so it survives unrelated line shifts. Identical fingerprints are told
 * apart by their occurrence index in file order.
 */
import { hash as cryptoHash } from 'node:crypto';
import { jsonErrorLine } from '../util/json-error-line.js';
import type { Finding } from '../model/finding.js';
import type { ReportedFinding } from './types.js';

const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  /** File relative to the baseline file's directory, '/' separated. */
  file: string;
  fingerprint: string;
  /** For people reading the baseline; not compared. */
  message: string;
}

export interface Baseline {
  version: number;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/**
 * Collapses whitespace and drops line numbers quoted in messages, so neither moves a fingerprint. Each
 * replace runs only when it can change something (asked twice per finding: ~35,000 times on the corpus,
 * most texts have neither): text.replace(/\bline \d+\b/gi, 'line #').replace(/\s+/g, ' ').trim().
 */
function normalise(text: string): string {
  let out = MAY_QUOTE_LINE.test(text) ? text.replace(/\bline \d+\b/gi, 'line #') : text;
  if (NOT_SINGLE_SPACES.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

/** Holds wherever /\bline \d+\b/i matches. */
const MAY_QUOTE_LINE = /line \d/i;
/** Whitespace other than single spaces: without any, /\s+/g → ' ' changes nothing. */
const NOT_SINGLE_SPACES = /[^\S ]| {2}/;

/**
 * Fingerprints findings (already sorted). `fileKey` maps a finding's file to the path stored in the
 * baseline; `lineText` returns the text of a line of a file (undefined when unknown).
 */
export function fingerprint<T extends Finding>(
  findings: readonly T[],
  fileKey: (file: string) => string,
  lineText: (file: string, line: number) => string | undefined,
): Array<T & { fingerprint: string }> {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const content = normalise(lineText(f.file, f.line) ?? '');
    // crypto.hash: one call, no Hash object per finding (~17,000 on the corpus: 88 -> 27 ms cold).
    const hash = cryptoHash('sha256', [f.ruleId, fileKey(f.file), content, normalise(f.message)].join('\0'), 'hex').slice(0, 16);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return { ...f, fingerprint: n === 0 ? hash : `${hash}-${n}` };
  });
}

/** Marks each finding accepted when the baseline lists its fingerprint for its rule and file. */
export function applyBaseline<T extends Finding & { fingerprint: string }>(
  findings: readonly T[],
  baseline: Baseline | undefined,
  fileKey: (file: string) => string,
): Array<T & ReportedFinding> {
  const accepted = new Set((baseline?.findings ?? []).map((e) => `${e.ruleId}\0${e.file}\0${e.fingerprint}`));
  return findings.map((f) => ({ ...f, accepted: accepted.has(`${f.ruleId}\0${fileKey(f.file)}\0${f.fingerprint}`) }));
}

/** A baseline accepting every given finding (sorted, deterministic). */
export function makeBaseline(findings: ReadonlyArray<Finding & { fingerprint: string }>, fileKey: (file: string) => string): Baseline {
  const entries = findings.map((f) => ({ ruleId: f.ruleId, file: fileKey(f.file), fingerprint: f.fingerprint, message: f.message }));
  entries.sort((a, b) => (a.file + '\0' + a.ruleId + '\0' + a.fingerprint).localeCompare(b.file + '\0' + b.ruleId + '\0' + b.fingerprint));
  return { version: BASELINE_VERSION, findings: entries };
}


/** Reads a baseline file's text; a malformed file is a BaselineError naming the file (and line for JSON errors). */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new BaselineError(`${file}:${jsonErrorLine(text, err)}: baseline is not valid JSON (${msg})`);
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION || !Array.isArray(b.findings)) {
    throw new BaselineError(`${file}: not a graphpact lint baseline (expected {"version": ${BASELINE_VERSION}, "findings": [...]})`);
  }
  b.findings.forEach((e, i) => {
    if (!e || typeof e.ruleId !== 'string' || typeof e.file !== 'string' || typeof e.fingerprint !== 'string') {
      throw new BaselineError(`${file}: entry ${i} of "findings" needs string ruleId, file and fingerprint`);
    }
  });
  return b as Baseline;
}
