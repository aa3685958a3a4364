/**
 * The lint engine: runs every rule over the subjects it is given and returns the findings sorted
 * (file, line, column, rule id). Parser (`parse-*`) and catalog (`catalog-*`) findings are included.
 * Pure: all inputs are already loaded; see run.ts for the I/O edge.
 */
import type { Catalog, Operation } from '../model/catalog.js';
import type { Finding } from '../model/finding.js';
import type { ApiPage, ParsedPage } from '../model/page.js';
import { schemaSetFromFiles, type SchemaSet } from '../schema/load.js';
import { generateSchemas } from '../schema/generate.js';
import type { AnyLintRule, BodyValidators, ExampleSubject, LintContext } from './types.js';
import { validatorsOf } from './validation.js';
import { allRules } from './rules/index.js';
import { calibrateCatalogFindings, calibrateSchemaFindings } from './catalog-findings.js';

export interface LintOptions {
  /** Rules to run (default: all). */
  rules?: readonly AnyLintRule[];
  /** Every docs file of the run, for "closest file" fixes (default: the pages' files). */
  knownFiles?: readonly string[];
  /** Source lines of a docs file, for positions the parsed data lacks (default: none). */
  sourceLines?: (file: string) => readonly string[] | undefined;
}

/** Lints parsed pages against their catalog and the schemas generated from it. */
export function lintDocs(pages: readonly ParsedPage[], catalog: Catalog, schemaSet: SchemaSet, options: LintOptions = {}): Finding[] {
  const ctx = lintContext(pages, catalog, validatorsOf(schemaSet), options);
  const subjects = subjectsOf(pages, ctx);
  return collect(pages, ctx, (options.rules ?? allRules).map((rule) => runRule(rule, subjects, ctx)));
}

/** The parser's and the catalog's findings, then each rule's (in rule order), sorted and deduplicated. */
function collect(pages: readonly ParsedPage[], ctx: LintContext, byRule: readonly Finding[][]): Finding[] {
  const findings: Finding[] = [];
  for (const page of pages) for (const f of page.findings) if (notSuperseded(f)) findings.push(f);
  for (const f of calibrateCatalogFindings(ctx.catalog.findings.filter(notSuperseded), pages, ctx.knownFiles)) findings.push(f);
  for (const out of byRule) for (const f of out) findings.push(f);
  return sortFindings(dedupe(findings));
}

/**
 * Lints pages against schemas generated in memory from their catalog (any docs tree can be linted),
 * returning the schema generator's own findings beside the lint findings.
 */
export function lintWithGeneratedSchemas(pages: readonly ParsedPage[], catalog: Catalog, options: LintOptions = {}): { findings: Finding[]; schemaFindings: Finding[] } {
  const generated = generateSchemas(catalog);
  const set = schemaSetFromFiles('(generated from the docs)', generated.index, generated.files);
  const knownFiles = options.knownFiles ?? pages.map((p) => p.file);
  return { findings: lintDocs(pages, catalog, set, options), schemaFindings: calibrateSchemaFindings(generated.findings, knownFiles) };
}

/**
 * Parser findings that lint rules report again with calibrated severities (json-lenient, json-invalid):
 * kept once, under the lint rule.
 */
const SUPERSEDED = new Set(['parse-json-lenient', 'parse-json-invalid', 'parse-annotation-lenient', 'parse-annotation-invalid']);
function notSuperseded(f: Finding): boolean {
  return !SUPERSEDED.has(f.ruleId);
}

interface Subjects {
  pages: readonly ParsedPage[];
  apiPages: ApiPage[];
  operations: readonly Operation[];
  examples: ExampleSubject[];
}

function subjectsOf(pages: readonly ParsedPage[], ctx: LintContext): Subjects {
  const apiPages = pages.filter((p): p is ApiPage => p.kind === 'api');
  const examples: ExampleSubject[] = [];
  for (const page of apiPages) {
    const operation = ctx.operationOf(page.file);
    for (const example of page.examples) examples.push({ page, example, operation });
  }
  return { pages, apiPages, operations: ctx.catalog.operations, examples };
}

/** Runs one rule over its subjects; a rule that throws becomes a finding, never a crash. */
function runRule(rule: AnyLintRule, s: Subjects, ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const guard = (file: string, line: number, fn: () => Finding[]): void => {
    try {
      out.push(...fn());
    } catch (err) {
      out.push({ ruleId: 'lint-rule-failed', severity: 'error', file, line,
        message: `rule ${rule.id} could not check this: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  switch (rule.given) {
    case 'page':
      for (const p of s.pages) guard(p.file, 1, () => rule.check(p, ctx));
      break;
    case 'api-page':
      for (const p of s.apiPages) guard(p.file, 1, () => rule.check(p, ctx));
      break;
    case 'resource-page':
      for (const p of s.pages) if (p.kind === 'resource') guard(p.file, 1, () => rule.check(p, ctx));
      break;
    case 'operation':
      for (const o of s.operations) guard(o.sources[0]?.file ?? '', o.sources[0]?.line ?? 1, () => rule.check(o, ctx));
      break;
    case 'example':
      for (const e of s.examples) guard(e.page.file, e.example.line, () => rule.check(e, ctx));
      break;
  }
  return out;
}

function lintContext(pages: readonly ParsedPage[], catalog: Catalog, validators: BodyValidators, options: LintOptions): LintContext {
  const byFile = new Map<string, Operation>();
  // A page is judged against the operation only when the catalog kept that page's facts (its first
  // source): a merged duplicate (one Intune page per derived type) documents other bodies and types.
  for (const op of catalog.operations) {
    const primary = op.sources[0]?.file;
    if (primary && !byFile.has(primary)) byFile.set(primary, op);
  }
  return {
    catalog,
    validators,
    knownFiles: options.knownFiles ?? pages.map((p) => p.file),
    operationOf: (file) => byFile.get(file),
    sourceLines: options.sourceLines ?? (() => undefined),
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column ?? ''}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.line - b.line
    || (a.column ?? 0) - (b.column ?? 0)
    || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return [...findings].sort(compareFindings);
}
