/**
 * Errata in lint: the docs' defects are still reported (the pages stay as written), each marked with
 * the errata that correct it; an erratum that no longer fits is itself a finding (`erratum-stale`,
 * error), so errata never rot silently. Pure.
 */
import type { Finding } from '../model/finding.js';
import type { Erratum, ErrataReport } from './model.js';

export const ERRATUM_STALE = 'erratum-stale';
export const ERRATUM_STALE_PURPOSE = 'An erratum whose page, anchor or corrected element is gone, or whose lint finding is no longer reported, must be updated or removed.';

/** Findings for the errata that could not be applied (their page, anchor or target changed). */
export function staleErrataFindings(errata: readonly Erratum[], report: ErrataReport): Finding[] {
  const byId = new Map(errata.map((e) => [e.id, e]));
  return report.stale.map(({ id, reason }) => staleFinding(byId.get(id) as Erratum, reason));
}

export interface ErrataMarks<T> {
  /** The findings, each answered one with `errata` (the ids of the applied errata that correct it). */
  findings: Array<T & { errata?: string[] }>;
  /** `erratum-stale` findings for answers lint no longer reports. */
  stale: Finding[];
}

/**
 * Marks the findings the applied errata answer, and reports each answer that matches no finding.
 * `fingerprintsOf` gives the fingerprints an erratum may name a finding by, the preferred one first
 * (the one a stale erratum's fix suggests).
 */
export function markAnsweredFindings<T extends Finding>(findings: readonly T[], fingerprintsOf: (f: T) => readonly string[], errata: readonly Erratum[], report: ErrataReport): ErrataMarks<T> {
  const applied = new Map(report.applied.map((a) => [a.id, a.line]));
  const fingerprintOf = (f: T) => fingerprintsOf(f)[0] ?? '';
  const byKey = new Map<string, T[]>();
  findings.forEach((f) => {
    for (const print of new Set(fingerprintsOf(f))) {
      const key = `${f.ruleId}\0${f.file}\0${print}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
  });
  const marks = new Map<T, Set<string>>();
  const stale: Finding[] = [];
  for (const erratum of errata) {
    const anchorLine = applied.get(erratum.id);
    if (anchorLine === undefined) continue; // already stale: not applied, answers nothing
    for (const answer of erratum.answers) {
      const matched = byKey.get(`${answer.rule}\0${erratum.file}\0${answer.fingerprint}`);
      if (matched) {
        for (const f of matched) marks.set(f, (marks.get(f) ?? new Set()).add(erratum.id));
        continue;
      }
      // Help the update: what the same rule reports on the page now, nearest the anchor first.
      const now = findings.filter((f) => f.ruleId === answer.rule && f.file === erratum.file)
        .sort((a, b) => Math.abs(a.line - anchorLine) - Math.abs(b.line - anchorLine)).slice(0, 3);
      const finding = staleFinding(erratum, `lint no longer reports the finding it answers (${answer.rule}, fingerprint ${answer.fingerprint}) on ${erratum.file}`);
      if (now.length > 0) finding.fix = `${answer.rule} on that page now: ${now.map((f) => `line ${f.line} fingerprint ${fingerprintOf(f)} "${f.message}"`).join('; ')}`;
      else finding.fix = `remove the answer, or the erratum if the docs are fixed`;
      stale.push(finding);
    }
  }
  const marked = findings.map((f) => {
    const ids = marks.get(f);
    return ids ? { ...f, errata: [...ids].sort() } : f;
  });
  return { findings: marked, stale };
}

function staleFinding(erratum: Erratum, reason: string): Finding {
  return { ...erratum.source, ruleId: ERRATUM_STALE, severity: 'error', message: `erratum "${erratum.id}" is stale: ${reason}` };
}
