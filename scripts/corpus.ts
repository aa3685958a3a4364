/**
 * Corpus coverage: builds the whole Graph docs corpus into a temp dir (it must not crash) and prints
 * how much of it became operations and schemas, split Intune / non-Intune (file name `intune-*`).
 *
 *   npm run corpus -- --docs ../shared/corpus/graph-docs [--format json] [--keep] [--findings-out <file>]
 *
 * --findings-out writes every lint finding with its half (tuning / held-out) as JSON: what to tune rules
 * on (the tuning half only) and what the precision sample is drawn from.
 *
 * Exit 0 when built, 1 when a section's invariant does not hold (CorpusSection.failure: CI fails on it),
 * 2 when it could not run. Sections are a list of functions over one build context (CORPUS_SECTIONS
 * below): add a section to report more (lint totals go there).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { lintDocs } from '../src/lint/engine.js';
import { countByRule, isIntune } from '../src/lint/corpus-stats.js';
import { calibrateSchemaFindings } from '../src/lint/catalog-findings.js';
import { familyOf, formatTally, halfOf, precisionOf, stratifiedSample, type Half, type JudgedList } from '../src/lint/precision.js';
import type { Finding } from '../src/model/finding.js';
import { writeFileAtomic } from '../src/util/fs.js';
import type { JsonSchema } from '../src/schema/edm.js';
import { compareStrings } from '../src/catalog/index.js';
import { operationFromPage } from '../src/catalog/operation.js';
import type { ApiPage, ParsedPage } from '../src/model/page.js';
import { requestSchemaPath } from '../src/model/schema-layout.js';
import { DocsDirError } from '../src/parse/index.js';
import { buildFromDocs, generateOutput, type DocsBuild } from '../src/schema/pipeline.js';
import { createAjv, schemaSetFromFiles } from '../src/schema/load.js';
import { schemaId } from '../src/model/schema-layout.js';
import { MANIFEST_FILE, serializeToBuffers, writeGeneratedFiles } from '../src/schema/write.js';
import { generateOpenApi } from '../src/openapi/generate.js';
import { documentedLinesPresent, operationsWithout4xx, redoclyErrors, spectralErrors } from './openapi-tools.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Counts split by page family. */
export interface Split {
  intune: number;
  other: number;
  total: number;
}

export interface CorpusContext {
  build: DocsBuild;
  /** Raw markdown by page file, for counts independent of the parser. */
  texts: Map<string, string>;
  outDir: string;
}

export interface CorpusSection {
  title: string;
  /** name → number or split; shown in order. */
  rows: Record<string, number | Split | string>;
  /** Set when something the build must give on any docs tree does not hold (an invariant, or a target of 0 such as Redocly errors): the run exits 1. */
  failure?: string;
}

function split<P extends ParsedPage>(pages: P[], count: (page: P) => number): Split {
  const out: Split = { intune: 0, other: 0, total: 0 };
  for (const page of pages) {
    const n = count(page);
    if (isIntune(page.file)) out.intune += n;
    else out.other += n;
    out.total += n;
  }
  return out;
}

/** `METHOD path` lines with a relative path, as HTTP request sections write them (examples use absolute URLs). */
const HTTP_PATH_LINE = /^[ \t]*(GET|POST|PATCH|PUT|DELETE)[ \t]+(?!https?:)[/{A-Za-z]\S*/gm;

const api = (ctx: CorpusContext): ApiPage[] => ctx.build.pages.filter((p): p is ApiPage => p.kind === 'api');

function pagesSection(ctx: CorpusContext): CorpusSection {
  return {
    title: 'Pages parsed',
    rows: {
      'all pages': split(ctx.build.pages, () => 1),
      'API pages': split(api(ctx), () => 1),
      'resource pages': split(ctx.build.pages.filter((p) => p.kind === 'resource'), () => 1),
      'unreadable files': ctx.build.unreadable.length,
    },
  };
}

function operationsSection(ctx: CorpusContext): CorpusSection {
  const pages = api(ctx);
  const present = (p: ApiPage) => (ctx.texts.get(p.file)?.match(HTTP_PATH_LINE) ?? []).length;
  return {
    title: 'Operations',
    rows: {
      'API pages with a `METHOD path` line in the markdown': split(pages, (p) => (present(p) > 0 ? 1 : 0)),
      'API pages that became an operation': split(pages, (p) => (p.httpRequests.length > 0 ? 1 : 0)),
      '`METHOD path` lines in the markdown': split(pages, present),
      'HTTP request paths parsed': split(pages, (p) => p.httpRequests.length),
      'distinct operations (after merging duplicates)': ctx.build.catalog.operations.length,
      'types': ctx.build.catalog.types.size,
    },
  };
}

function schemasSection(ctx: CorpusContext): CorpusSection {
  const pages = api(ctx);
  const withTable = pages.filter((p) => (p.requestBody?.properties.length ?? 0) > 0);
  const turned = (p: ApiPage): number => {
    const op = operationFromPage(p).operation;
    return op && ctx.build.output.files.has(requestSchemaPath(op.version, op.id)) ? 1 : 0;
  };
  const files = [...ctx.build.output.files.keys()];
  return {
    title: 'Schemas',
    rows: {
      'request body tables': split(withTable, () => 1),
      'request body tables turned into schemas': split(withTable, turned),
      'type schema files': files.filter((f) => f.includes('/types/')).length,
      'request schema files': files.filter((f) => f.endsWith('.request.json')).length,
      'response schema files': files.filter((f) => f.endsWith('.response.json')).length,
      'OpenAPI documents': files.filter((f) => f.startsWith('openapi.')).length,
    },
  };
}

function queryParametersSection(ctx: CorpusContext): CorpusSection {
  const pages = api(ctx);
  const support = (kind: string) => (p: ApiPage) => (p.queryParameters?.support === kind ? 1 : 0);
  return {
    title: 'Query parameters (OpenAPI `in: query`)',
    rows: {
      'pages with a query parameters section': split(pages, (p) => (p.queryParameters ? 1 : 0)),
      'sections naming the OData options that apply': split(pages, support('named')),
      'sections saying "supports the OData query parameters" without naming them': split(pages, support('unspecified')),
      'sections saying none are supported': split(pages, support('none')),
      'query parameters named': split(pages, (p) => p.queryParameters?.parameters.length ?? 0),
    },
  };
}

function examplesSection(ctx: CorpusContext): CorpusSection {
  const pages = api(ctx);
  const parsedBodies = (side: 'request' | 'response') => (p: ApiPage) =>
    p.examples.filter((e) => e[side]?.body && e[side]?.body?.parse !== 'invalid').length;
  return {
    title: 'Examples',
    rows: {
      'examples found': split(pages, (p) => p.examples.length),
      'request JSON bodies parsed': split(pages, parsedBodies('request')),
      'response JSON bodies parsed': split(pages, parsedBodies('response')),
    },
  };
}

/** Every schema file is added to one ajv 2020 instance and compiled: the files consumers will load. */
function ajvSection(ctx: CorpusContext): CorpusSection {
  const ajv = createAjv();
  const schemas = ctx.build.output.schemaFiles;
  for (const [path, schema] of schemas) ajv.addSchema(schema, schemaId(path));
  let failed = 0;
  let firstError = '';
  for (const path of schemas.keys()) {
    try {
      ajv.getSchema(schemaId(path));
    } catch (err) {
      failed++;
      firstError ||= `${path}: ${(err as Error).message}`;
    }
  }
  return {
    title: 'ajv 2020 compile',
    rows: { 'schema files compiled': schemas.size - failed, 'failed to compile': failed, ...(firstError ? { 'first failure': firstError } : {}) },
    ...(failed > 0 ? { failure: `${failed} schema files do not compile (first: ${firstError})` } : {}),
  };
}

/**
 * The errors the build gives rejected examples, found by the mirrored-errors walk (src/schema/mirrored-errors.ts),
 * against ajv's own for the same values (a set with the walk turned off): every rejected example the
 * OpenAPI documents judge. Any difference fails the run.
 */
function mirroredErrorsSection(ctx: CorpusContext): CorpusSection {
  const { catalog, output } = ctx.build;
  const schemas = { files: output.schemaFiles, index: output.index, findings: [] };
  const judged: Array<[string, unknown]> = [];
  for (const version of output.index.versions) {
    generateOpenApi(catalog, schemas, version, { checkExample: (path, value) => void judged.push([path, value]) });
  }
  const mirrored = schemaSetFromFiles('(corpus)', output.index, output.schemaFiles);
  const ajvOnly = schemaSetFromFiles('(corpus)', output.index, output.schemaFiles, { mirrorErrors: false });
  let rejected = 0;
  let differ = 0;
  let first = '';
  for (const [path, value] of judged) {
    if (mirrored.certainlyValid(path, value)) continue;
    const [m, a] = [mirrored.validator(path), ajvOnly.validator(path)];
    const [mValid, aValid] = [m(value), a(value)];
    if (!aValid) rejected++;
    if (mValid !== aValid || JSON.stringify(m.errors) !== JSON.stringify(a.errors)) {
      differ++;
      first ||= `${path}: ${JSON.stringify(m.errors?.[0])} / ajv ${JSON.stringify(a.errors?.[0])}`;
    }
  }
  return {
    title: 'Rejected examples: mirrored errors against ajv',
    rows: { 'examples judged': judged.length, 'rejected by ajv': rejected, 'errors differ from ajv': differ, ...(first ? { 'first difference': first } : {}) },
    // The walk must give ajv's errors exactly, or leave the value to ajv.
    ...(differ > 0 ? { failure: `${differ} rejected examples get other errors from the mirrored-errors walk than from ajv (first: ${first})` } : {}),
  };
}

function findingsSection(ctx: CorpusContext): CorpusSection {
  const byRule: Record<string, number> = {};
  for (const f of ctx.build.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { title: 'Findings (parser, catalog, generation)', rows: Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => compareStrings(a, b))) };
}

/**
 * The report, section by section. Later stages add theirs here, e.g.
 *   (ctx) => lintSection(ctx)   // LINT ENGINEER: add lint totals (per rule, Intune / non-Intune) here
 */
export const CORPUS_SECTIONS: Array<(ctx: CorpusContext) => CorpusSection | Promise<CorpusSection>> = [
  pagesSection,
  operationsSection,
  schemasSection,
  queryParametersSection,
  examplesSection,
  ajvSection,
  mirroredErrorsSection,
  findingsSection,
  (ctx) => lintSection(ctx),
  (ctx) => precisionSection(ctx),
  openApiToolsSection,
  serializedBuildSection,
];

/**
 * What `graphpact build` writes is what the build in memory says: its outputs are serialized once (schema
 * files as JsonTexts, OpenAPI components made from the same text, generateOutput's `serialized`), and every
 * file must have the bytes written here from the plain values (the manifest's SHA-256). Target: 0 differ.
 */
async function serializedBuildSection(ctx: CorpusContext): Promise<CorpusSection> {
  const started = performance.now();
  const manifest = JSON.parse(await readFile(join(ctx.outDir, MANIFEST_FILE), 'utf8')) as { sha256: Record<string, string> };
  const serialized = generateOutput(ctx.build.catalog, { serialized: true }).files;
  const differ = [...serialized].filter(([path, value]) => serializeToBuffers(value).sha256 !== manifest.sha256[path]).map(([path]) => path);
  const missing = Object.keys(manifest.sha256).filter((path) => !serialized.has(path));
  const rows = {
    'files compared': serialized.size,
    'files whose bytes differ from the in-memory build': differ.length,
    'files the in-memory build has and the serialized one not': missing.length,
    'comparison ms': Math.round(performance.now() - started),
  };
  const failure = [...differ, ...missing].slice(0, 5).join(', ');
  return { title: 'Outputs as `graphpact build` serializes them (target: the same bytes)', rows, ...(failure ? { failure: `differ: ${failure}` } : {}) };
}

/**
 * The OpenAPI documents as their readers see them: Redocly's recommended ruleset and Spectral's spectral:oas
 * (errors; targets 0), operations without a 4XX response (target 0), and documented `METHOD path` lines that
 * have an operation in their version's document.
 */
async function openApiToolsSection(ctx: CorpusContext): Promise<CorpusSection> {
  const started = performance.now();
  const rows: CorpusSection['rows'] = {};
  const missed: string[] = [];
  const documents = new Map<string, Record<string, unknown>>();
  for (const [path, value] of ctx.build.output.files) {
    const version = /^openapi\.(.+)\.json$/.exec(path)?.[1];
    if (!version) continue;
    const document = value as Record<string, unknown>;
    documents.set(version, document);
    const text = JSON.stringify(document);
    const [redocly, spectral] = [await redoclyErrors(text, path), await spectralErrors(text, path)];
    rows[`${path}: Redocly recommended errors`] = redocly.errors;
    for (const [rule, n] of Object.entries(redocly.byRule)) rows[`${path}: Redocly ${rule}`] = n;
    rows[`${path}: Spectral spectral:oas errors`] = spectral.errors;
    for (const [rule, n] of Object.entries(spectral.byRule)) rows[`${path}: Spectral ${rule}`] = n;
    const without4xx = operationsWithout4xx(document);
    rows[`${path}: operations without a 4XX response`] = without4xx;
    if (redocly.errors > 0) missed.push(`${path}: ${redocly.errors} Redocly errors`);
    if (spectral.errors > 0) missed.push(`${path}: ${spectral.errors} Spectral errors`);
    if (without4xx > 0) missed.push(`${path}: ${without4xx} operations without a 4XX response`);
  }
  const coverage = documentedLinesPresent(api(ctx), documents);
  rows['documented `METHOD path` lines with an operation in the OpenAPI'] = `${coverage.present} of ${coverage.documented}`;
  if (coverage.present < coverage.documented) missed.push(`${coverage.documented - coverage.present} documented METHOD path lines have no operation`);
  rows['OpenAPI tools ms'] = Math.round(performance.now() - started);
  // The targets are the section's invariants: what the tools' users would see, so CI fails on any miss.
  return { title: 'OpenAPI as tools read it (Redocly recommended, Spectral spectral:oas; targets 0)', rows, ...(missed.length > 0 ? { failure: missed.join('; ') } : {}) };
}

function formatValue(value: number | Split | string): string {
  if (typeof value !== 'object') return String(value);
  return `${value.total} (Intune ${value.intune}, non-Intune ${value.other})`;
}

async function readTexts(build: DocsBuild): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const page of build.pages) texts.set(page.file, await readFile(join(ROOT, page.file), 'utf8').catch(() => ''));
  return texts;
}

async function run(opts: { docs: string[]; format: string; keep?: boolean; findingsOut?: string }): Promise<number> {
  const started = performance.now();
  const outDir = await mkdtemp(join(tmpdir(), 'graphpact-corpus-'));
  try {
    const build = await buildFromDocs(opts.docs, { root: ROOT });
    await writeGeneratedFiles(outDir, build.output.files);
    const buildMs = performance.now() - started;
    const ctx: CorpusContext = { build, texts: await readTexts(build), outDir };
    const sections: CorpusSection[] = [];
    for (const section of CORPUS_SECTIONS) sections.push(await section(ctx));
    const timing = { title: 'Time', rows: { 'build (load, parse, catalog, schemas, write) ms': Math.round(buildMs), 'total ms': Math.round(performance.now() - started) } };
    sections.push(timing);
    if (opts.findingsOut) {
      const all = lintFindingsOf(ctx).findings.map((f) => ({ half: halfOf(f.file), ...f }));
      await writeFileAtomic(opts.findingsOut, JSON.stringify({ docs: opts.docs, findings: all }, null, 1) + '\n');
    }
    if (opts.format === 'json') {
      process.stdout.write(JSON.stringify({ docs: opts.docs, sections }, null, 2) + '\n');
    } else {
      const lines = [`graphpact corpus: ${opts.docs.join(', ')}`];
      for (const s of sections) {
        lines.push('', s.title);
        for (const [name, value] of Object.entries(s.rows)) lines.push(`  ${name}: ${formatValue(value)}`);
      }
      if (opts.keep) lines.push('', `output kept in ${outDir}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    const failures = sections.flatMap((s) => (s.failure ? [`${s.title}: ${s.failure}`] : []));
    for (const failure of failures) process.stderr.write(`corpus: FAILED ${failure}\n`);
    return failures.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof DocsDirError) {
      process.stderr.write(`corpus: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`corpus: crashed: ${(err as Error).message}\n`);
    if (process.env.GRAPHPACT_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  } finally {
    if (!opts.keep) await rm(outDir, { recursive: true, force: true });
  }
}

const program = new Command('corpus')
  .description('build the whole docs corpus into a temp dir and print coverage (Intune / non-Intune)')
  .option('--docs <dir>', 'docs directory (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
  .option('--format <format>', 'text|json', 'text')
  .option('--keep', 'keep the generated output and print where it is')
  .option('--findings-out <file>', 'also write every lint finding, with its half of the precision split, to this JSON file')
  .action(async (opts: { docs?: string[]; format: string; keep?: boolean; findingsOut?: string }) => {
    const docs = opts.docs ?? [join(ROOT, '..', 'shared', 'corpus', 'graph-docs')];
    if (!['text', 'json'].includes(opts.format)) {
      process.stderr.write(`corpus: --format must be text or json (got "${opts.format}")\n`);
      process.exitCode = 2;
      return;
    }
    process.exitCode = await run({ docs, format: opts.format, keep: opts.keep, findingsOut: opts.findingsOut });
  });


// ---------------------------------------------------------------------------------------------------
// Lint sections (owned by the lint engineers): lint the already-built corpus, findings per rule and
// severity split Intune / non-Intune, and the honest precision measurement (src/lint/precision.ts): the
// corpus split by family into a tuning and a held-out half, a stratified fixed-seed sample of the
// held-out half's findings, and its precision from the hand-checked judged list (docs/lint-precision.json).
// ---------------------------------------------------------------------------------------------------
let lintFindingsCache: { build: DocsBuild; findings: Finding[] } | undefined;

function lintFindingsOf(ctx: CorpusContext): { findings: Finding[]; ms: number } {
  if (lintFindingsCache?.build === ctx.build) return { findings: lintFindingsCache.findings, ms: 0 };
  const started = performance.now();
  const { pages, catalog, output } = ctx.build;
  const set = schemaSetFromFiles('(generated from the docs)', output.index, output.schemaFiles as Map<string, JsonSchema>);
  const knownFiles = pages.map((p) => p.file);
  // As `graphpact lint` reports them: the rules' findings and the schema generator's (calibrated the same way).
  const schemaFindings = calibrateSchemaFindings(output.findings.filter((f) => f.ruleId.startsWith('schema-')), knownFiles);
  const findings = [...lintDocs(pages, catalog, set, { knownFiles, sourceLines: (f) => ctx.texts.get(f)?.split(/\r?\n/) }), ...schemaFindings];
  lintFindingsCache = { build: ctx.build, findings };
  return { findings, ms: Math.round(performance.now() - started) };
}

function lintSection(ctx: CorpusContext): CorpusSection {
  const { findings, ms } = lintFindingsOf(ctx);
  const rows: CorpusSection['rows'] = { 'lint findings': findings.length, 'lint ms (rules + ajv, on the built catalog)': ms };
  for (const c of countByRule(findings)) rows[`${c.ruleId} (${c.severity})`] = { intune: c.intune, other: c.nonIntune, total: c.intune + c.nonIntune };
  return { title: 'Lint (graphpact lint rules: findings per rule and severity)', rows };
}

const JUDGED_FILE = join(ROOT, 'docs', 'lint-precision.json');

async function readJudged(file: string): Promise<JudgedList> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (text === undefined) return { seed: 20261202, perRule: 5, judged: [] };
  const data = JSON.parse(text) as Partial<JudgedList>;
  if (typeof data.seed !== 'number' || typeof data.perRule !== 'number' || !Array.isArray(data.judged) || data.judged.some((j) => typeof j.seed !== 'number')) {
    throw new Error(`${file}: expected {"seed": number, "perRule": number, "judged": [{"key", "seed", "real", "reason"}, ...]}`);
  }
  return data as JudgedList;
}

async function precisionSection(ctx: CorpusContext): Promise<CorpusSection> {
  const { findings } = lintFindingsOf(ctx);
  const judged = await readJudged(JUDGED_FILE);
  const pagesIn = (half: Half) => ctx.build.pages.filter((p) => halfOf(p.file) === half);
  const familiesIn = (half: Half) => new Set(pagesIn(half).map((p) => familyOf(p.file))).size;
  const heldOut = findings.filter((f) => halfOf(f.file) === 'held-out');
  const sample = stratifiedSample(heldOut, judged.perRule, judged.seed);
  const report = precisionOf(sample, judged.judged, judged.seed);
  const rows: CorpusSection['rows'] = {
    'split rule': 'family = first hyphen-separated token of the file name; FNV-1a(family) even = tuning, odd = held-out (src/lint/precision.ts)',
    'tuning half': `${familiesIn('tuning')} families, ${pagesIn('tuning').length} pages, ${findings.length - heldOut.length} findings`,
    'held-out half': `${familiesIn('held-out')} families, ${pagesIn('held-out').length} pages, ${heldOut.length} findings`,
    'sample': `seed ${judged.seed}, at most ${judged.perRule} per rule over every severity it reports: ${sample.length} findings (judged list: docs/lint-precision.json)`,
  };
  // The figures as measured when each sample was judged come first: a later run re-tallies the same sample after
  // rules were fixed on what it showed, which is tuning on it, so its numbers are printed as such.
  for (const recorded of judged.samples ?? []) {
    if (!recorded.measured) continue;
    const where = recorded.kind ?? 'held-out half';
    for (const key of ['error', 'warning', 'errors+warnings', 'info'] as const) {
      if (recorded.measured[key]) rows[`measured, seed ${recorded.seed} (${where}): ${key}`] = `${recorded.measured[key]} at ${recorded.measured.at}`;
    }
  }
  rows['this run'] = `the seed-${judged.seed} sample re-tallied on today's findings; where rules were fixed after that sample was judged, this is not an unseen-pages figure (the measured rows above are)`;
  for (const sev of ['error', 'warning', 'info'] as const) rows[`precision ${sev}`] = formatTally(report.bySeverity[sev]);
  const ew = report.bySeverity.error;
  const w = report.bySeverity.warning;
  rows['precision errors+warnings'] = formatTally({ real: ew.real + w.real, notReal: ew.notReal + w.notReal, unjudged: ew.unjudged + w.unjudged });
  for (const [rule, tally] of Object.entries(report.errorRules).sort(([a], [b]) => compareStrings(a, b))) rows[`precision at error: ${rule}`] = formatTally(tally);
  report.sample.forEach(({ finding: f, judgment }, i) => {
    const verdict = judgment ? (judgment.real ? 'REAL' : 'NOT REAL') : 'UNJUDGED';
    rows[`sample ${String(i + 1).padStart(3, '0')}`] = `[${verdict}] ${f.file}:${f.line} ${f.ruleId} (${f.severity}): ${f.message}${judgment ? ` -- ${judgment.reason}` : ''}`;
  });
  return { title: 'Lint precision on the held-out half (hand-checked stratified sample)', rows };
}

// Last: the sections above (and their module state) are initialised before the command runs.
await program.parseAsync(process.argv);
