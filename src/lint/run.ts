/**
 * The I/O edge of lint: load the docs, build the catalog and its schemas (in memory, from the same docs,
 * so any docs tree can be linted), run the rules, fingerprint the findings and apply a baseline.
 * Paths in findings are relative to `root` (the project root), '/' separated.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';
import type { Catalog } from '../model/catalog.js';
import { loadCatalog } from '../schema/pipeline.js';
import { lintWithGeneratedSchemas, sortFindings } from './engine.js';
import { applyBaseline, fingerprint, makeBaseline, parseBaseline, BaselineError, type Baseline } from './baseline.js';
import { allRules } from './rules/index.js';
import { markAnsweredFindings, staleErrataFindings, ERRATUM_STALE, ERRATUM_STALE_PURPOSE, type ErrataReport } from '../errata/index.js';
import type { ReportedFinding, RuleInfo } from './types.js';
import type { LintReport } from './format/report-model.js';

import { PACKAGE_ROOT as PROJECT_ROOT } from '../util/package.js';
import { lineReader } from '../util/lines.js';

/** The project root: the package root (src/util/package.ts). */
export { PROJECT_ROOT };
const DEFAULT_BASELINE = 'lint-baseline.json';

export interface LintRunOptions {
  /** Docs directories (default: the project's apidocs/). */
  docs?: string[];
  /**
   * Baseline file. Default: the project's lint-baseline.json when linting the project's docs (if it
   * exists); `false`: none. A given file that does not exist is an error.
   */
  baseline?: string | false;
  /** A baseline about to be written: fingerprints are made relative to its folder (when `baseline` is not given). */
  writeBaseline?: string;
  /** Paths in findings are relative to this directory (default: the project root). */
  root?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface LintRun {
  report: LintReport;
  pages: ParsedPage[];
  catalog: Catalog;
  /** The baseline file used, if any (absolute). */
  baselineFile?: string;
  /** Which errata of the docs folders apply and which are stale (the findings carry their marks). */
  errata: ErrataReport;
  /** Maps a finding's file to the path a baseline next to `baselineDir` stores. */
  baselineKey: (file: string, baselineDir: string) => string;
  timings: { loadMs: number; lintMs: number };
}

export class LintInputError extends Error {}

export async function runLint(options: LintRunOptions = {}): Promise<LintRun> {
  const root = options.root ?? PROJECT_ROOT;
  const docs = options.docs && options.docs.length > 0 ? options.docs : [resolve(root, 'apidocs')];
  const baselineFile = baselinePath(options, root);
  const baseline = baselineFile ? await readBaseline(baselineFile, typeof options.baseline === 'string') : undefined;

  const t0 = performance.now();
  // The docs' texts as the parser read them: rules and fingerprints look at source lines without reading any file again.
  const texts = new Map<string, string>();
  const { pages, documented: catalog, unreadable: loadFindings, errata, errataReport } = await loadCatalog(docs, { root, texts, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const t1 = performance.now();
  const lines = lineReader(root, texts);
  // Lint judges the docs as written (the uncorrected catalog); errata only mark what they correct.
  const { findings: lintFindings, schemaFindings } = lintWithGeneratedSchemas(pages, catalog, { sourceLines: lines });
  // Schema-generation findings that a lint rule also reported are kept once (a set: no scan per finding).
  const linted = new Set(lintFindings.map(findingKey));
  const docFindings = sortFindings([...loadFindings, ...schemaFindings.filter((f) => !linted.has(findingKey(f))), ...lintFindings]);
  const t2 = performance.now();

  // Asked once per finding and pass (about 17,000 findings on the corpus, a few thousand files): kept per folder and file.
  const keys = new Map<string, Map<string, string>>();
  const key = (file: string, dir: string): string => {
    let byFile = keys.get(dir);
    if (!byFile) keys.set(dir, (byFile = new Map()));
    let k = byFile.get(file);
    if (k === undefined) byFile.set(file, (k = toSlash(relative(dir, resolve(root, file)))));
    return k;
  };
  const lineText = (f: string, l: number) => lines(f)?.[l - 1];
  // Errata name a finding by its fingerprint with the page as the erratum names it (relative to its docs
  // folder: errata survive moving the docs), or as `lint --format json` prints it for the project's docs.
  let marked: { findings: Array<Finding & { errata?: string[] }>; stale: Finding[] } = { findings: docFindings, stale: [] };
  if (errata.length > 0) {
    const pageOf = new Map(errata.map((e) => [e.file, e.page]));
    // Messages may name other pages by path (`apidocs/api/x.md:48`): without the docs folder, as the page is named.
    const docsPrefix = new Map(errata.map((e) => [e.file, e.file.slice(0, e.file.length - e.page.length)]));
    const located = docFindings.map((f) => {
      const prefix = docsPrefix.get(f.file);
      return prefix ? { ...f, message: f.message.split(prefix).join('') } : f;
    });
    const byPage = fingerprint(located, (f) => pageOf.get(f) ?? key(f, root), lineText)
      .map((f, i) => ({ ...docFindings[i], fingerprint: f.fingerprint }));
    const byRoot = fingerprint(docFindings, (f) => key(f, root), lineText);
    const prints = new Map(byPage.map((f, i) => [f, [f.fingerprint, byRoot[i].fingerprint]]));
    marked = markAnsweredFindings(byPage, (f) => prints.get(f) ?? [], errata, errataReport);
  }
  const findings = sortFindings([...marked.findings, ...staleErrataFindings(errata, errataReport), ...marked.stale]);

  const baselineDir = baselineFile ? dirname(baselineFile) : options.writeBaseline ? dirname(resolve(options.writeBaseline)) : root;
  const printed = fingerprint(findings, (f) => key(f, baselineDir), lineText);
  // A stale erratum is never accepted: a baseline must not let errata rot silently.
  const reported = applyBaseline(printed, baseline, (f) => key(f, baselineDir)).map((f) => (f.ruleId === ERRATUM_STALE && f.accepted ? { ...f, accepted: false } : f));
  const files = [...new Set(pages.map((p) => p.file))].sort();
  return {
    report: { findings: reported, rules: ruleInfos(reported), files, exitCode: exitCodeOf(reported) },
    pages,
    catalog,
    errata: errataReport,
    ...(baselineFile ? { baselineFile } : {}),
    baselineKey: key,
    timings: { loadMs: t1 - t0, lintMs: t2 - t1 },
  };
}

/** 1 when an error-severity finding is not accepted by the baseline, else 0. */
function exitCodeOf(findings: readonly ReportedFinding[]): number {
  return findings.some((f) => f.severity === 'error' && !f.accepted) ? 1 : 0;
}

/** A baseline accepting every finding of a run, with paths relative to the baseline file's folder. */
export function baselineOf(run: LintRun, baselineFile: string): Baseline {
  const dir = dirname(resolve(baselineFile));
  return makeBaseline(run.report.findings.filter((f) => f.ruleId !== ERRATUM_STALE), (f) => run.baselineKey(f, dir));
}

function baselinePath(options: LintRunOptions, root: string): string | undefined {
  if (options.baseline === false) return undefined;
  if (options.baseline) return resolve(options.baseline);
  // The default baseline belongs to the project's own docs (also when they are named with --docs).
  const projectDocs = resolve(root, 'apidocs');
  if (options.docs && options.docs.some((d) => resolve(d) !== projectDocs)) return undefined;
  return resolve(root, DEFAULT_BASELINE);
}

/** The default baseline is optional; one the caller named must exist (else every finding would look new). */
async function readBaseline(file: string, named: boolean): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named) throw new LintInputError(`baseline ${file} does not exist (create one with --write-baseline ${file})`);
    if (code === 'ENOENT') return undefined;
    throw new LintInputError(`cannot read baseline ${file}: ${code ?? String(err)}`);
  }
  try {
    return parseBaseline(text, file);
  } catch (err) {
    if (err instanceof BaselineError) throw new LintInputError(err.message);
    throw err;
  }
}


function findingKey(f: Finding): string {
  return `${f.ruleId}\0${f.file}\0${f.line}\0${f.message}`;
}

function ruleInfos(findings: readonly Finding[]): RuleInfo[] {
  const infos = new Map<string, RuleInfo>(allRules.map((r) => [r.id, { id: r.id, severity: r.severity, purpose: r.purpose }]));
  for (const f of findings) {
    if (f.ruleId === ERRATUM_STALE) infos.set(f.ruleId, { id: f.ruleId, severity: 'error', purpose: ERRATUM_STALE_PURPOSE });
    if (!infos.has(f.ruleId)) {
      const stage = f.ruleId.startsWith('parse-') ? 'parser' : f.ruleId.startsWith('catalog-') ? 'catalog' : 'schema generation';
      infos.set(f.ruleId, { id: f.ruleId, severity: f.severity, purpose: `Reported by the ${stage} (${f.ruleId}).` });
    }
  }
  return [...infos.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function toSlash(p: string): string {
  return p.split(sep).join('/');
}
