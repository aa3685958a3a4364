/**
 * The build pipeline shared by `graphpact build`, scripts/corpus.ts and scripts/bench.ts:
 * docs directories → parsed pages → catalog → schema files + OpenAPI documents + index (in memory).
 * Writing is left to the caller (src/schema/write.ts).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';
import { INDEX_FILE, openApiPath, type SchemaIndex } from '../model/schema-layout.js';
import { buildCatalog } from '../catalog/index.js';
import { loadDocs } from '../parse/index.js';
import type { DocsSnapshot } from '../parse/load.js';
import { availableParallelism } from 'node:os';
import { generateOpenApi, type ExampleCheck } from '../openapi/generate.js';
import { cpuSample, idleCpusSince, type CpuSample } from '../util/cpu.js';
import { schemaSetFromFiles } from './load.js';
import { exampleCheck, workerExampleCheck } from './examples.js';
import { generateSchemas, type GeneratedSchemas } from './generate.js';
import { applyErrata, loadErrata, staleErrataFindings, type ErrataReport, type Erratum } from '../errata/index.js';
import { lineReader } from '../util/lines.js';


export interface BuildOutput {
  /** Relative path → JSON value: schema files, `openapi.<version>.json`, `index.json`. */
  files: Map<string, unknown>;
  /** Files still being completed (generateOutputAsync): write them only once `settled` resolves. */
  pending?: { paths: string[]; settled: Promise<void> };
  index: SchemaIndex;
  /** Schema files only (types and operations), e.g. for an in-memory SchemaSet. */
  schemaFiles: Map<string, Record<string, unknown>>;
  findings: Finding[];
}

/** Catalog → every output file. Pure. */
export function generateOutput(catalog: Catalog): BuildOutput {
  const schemas = generateSchemas(catalog);
  return openApiOutput(catalog, schemas, exampleCheck(schemaSetFromFiles('(build)', schemas.index, schemas.files))).output;
}

/**
 * generateOutput, with the examples that ajv must judge judged on a worker thread when the set is large
 * and a CPU is free (examples.ts). The outputs are the same. When `pending` is there, the files it names
 * (the OpenAPI documents) are complete only once its `settled` resolves: the caller can write the others
 * meanwhile.
 */
export function generateOutputAsync(catalog: Catalog, options: { worker?: boolean } = {}): BuildOutput {
  const since = cpuSample();
  const schemas = generateSchemas(catalog);
  const set = schemaSetFromFiles('(build)', schemas.index, schemas.files);
  if (!(options.worker ?? useExamplesWorker(schemas.files.size, since))) return openApiOutput(catalog, schemas, exampleCheck(set)).output;
  const judge = workerExampleCheck(set, schemas.files);
  const { output, settled } = openApiOutput(catalog, schemas, judge.check);
  const done = settled.finally(judge.close);
  // Nothing waited for: the worker is ended now (its answers, if any, were never needed).
  return settled === NOTHING_PENDING ? (void done, output) : { ...output, pending: { paths: output.index.versions.map(openApiPath), settled: done } };
}

const NOTHING_PENDING = Promise.resolve();

function openApiOutput(catalog: Catalog, schemas: GeneratedSchemas, checkExample: ExampleCheck): { output: BuildOutput; settled: Promise<void> } {
  const files = new Map<string, unknown>(schemas.files);
  const findings = [...schemas.findings];
  const waits: Array<Promise<void>> = [];
  for (const version of schemas.index.versions) {
    const openapi = generateOpenApi(catalog, schemas, version, { checkExample });
    files.set(openApiPath(version), openapi.document);
    findings.push(...openapi.findings);
    if (openapi.settled) waits.push(openapi.settled);
  }
  files.set(INDEX_FILE, schemas.index);
  const settled = waits.length > 0 ? Promise.all(waits).then(() => undefined) : NOTHING_PENDING;
  return { output: { files, index: schemas.index, schemaFiles: schemas.files, findings }, settled };
}

/** Below this many schema files the examples are judged in this thread: starting a worker and copying the set to it cost more. */
const MIN_FILES_FOR_WORKER = 2000;

/**
 * A worker for the examples only for a large set, with a CPU free for it (measured over the schema
 * generation); GRAPHPACT_EXAMPLE_THREADS=1 or 2 decides instead.
 */
function useExamplesWorker(files: number, since: CpuSample): boolean {
  const asked = Number.parseInt(process.env.GRAPHPACT_EXAMPLE_THREADS ?? '', 10);
  if (asked === 1 || asked === 2) return asked === 2;
  return files >= MIN_FILES_FOR_WORKER && availableParallelism() >= 2 && idleCpusSince(since) >= MIN_IDLE_CPUS;
}

/** How much of a CPU must have been idle while the schemas were generated for the worker to start: most of one. */
const MIN_IDLE_CPUS = 0.6;

export interface DocsBuild {
  pages: ParsedPage[];
  catalog: Catalog;
  output: BuildOutput;
  /** Files that could not be read (the build cannot be trusted when there are any). */
  unreadable: Finding[];
  /** Catalog, load, errata (`erratum-stale`) and generation findings, sorted. */
  findings: Finding[];
  /** The errata of the docs folders (`<docs>/errata/*.yaml`), as read. */
  errata: Erratum[];
  /** Which errata corrected the catalog and which are stale. */
  errataReport: ErrataReport;
}

export interface DocsBuildOptions {
  /** Source paths in the output are made relative to this directory (the project root), '/' separated. */
  root?: string;
  onProgress?: (done: number, total: number) => void;
  /** The docs files as already read (readDocsSnapshot): parsed from these bytes, not read again. */
  snapshot?: DocsSnapshot;
  /** Filled with each docs file's text, by name (loadDocs' LoadOptions.texts); errata anchors are read from it. */
  texts?: Map<string, string>;
  /** false: the pages' links are not read (loadDocs' LoadOptions.links); no output is made from them. */
  links?: boolean;
}

export interface LoadedCatalog {
  pages: ParsedPage[];
  /** The one corrected truth: the docs' catalog with the errata applied. What every output is built from. */
  catalog: Catalog;
  /** The catalog of the docs as written (lint judges this one). */
  documented: Catalog;
  /** Files that could not be read. */
  unreadable: Finding[];
  /** The errata of the docs folders (`<docs>/errata/*.yaml`), as read. */
  errata: Erratum[];
  /** Which errata corrected the catalog and which are stale. */
  errataReport: ErrataReport;
  /** An `erratum-stale` finding (error) for each erratum that could not be applied. */
  errataFindings: Finding[];
}

/**
 * Loads, parses, catalogs and corrects: the part of a build that lint, serve, verify and the contracts
 * share. `catalog` has the errata (`<docs>/errata/*.yaml`) applied; `documented` is the docs as written.
 * Source paths are relative to `options.root` (the parser names them so). Throws DocsDirError
 * when a docs directory cannot be read, and ErrataError (a DocsDirError) for a bad errata file.
 */
export async function loadCatalog(dirs: string[], options: DocsBuildOptions = {}): Promise<LoadedCatalog> {
  // The parser names files relative to the root itself (no pass over every parsed page to rename them).
  const { pages, findings: unreadable } = await loadDocs(dirs, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.texts ? { texts: options.texts } : {}),
    ...(options.links === false ? { links: false } : {}),
  });
  const base = options.root ?? process.cwd();
  const errata = await loadErrata(dirs, base);
  const documented = buildCatalog(pages);
  const corrected = correctCatalog(documented, errata, base, options.texts);
  return { pages, catalog: corrected.catalog, documented, unreadable, errata, errataReport: corrected.report, errataFindings: corrected.findings };
}

/**
 * The catalog with the errata applied (anchors read from the pages on disk, relative to `root`), plus
 * an `erratum-stale` finding for each erratum that no longer fits.
 */
export function correctCatalog(catalog: Catalog, errata: readonly Erratum[], root: string = process.cwd(), texts?: ReadonlyMap<string, string>): { catalog: Catalog; report: ErrataReport; findings: Finding[] } {
  const { catalog: corrected, report } = applyErrata(catalog, errata, lineReader(root, texts));
  return { catalog: corrected, report, findings: staleErrataFindings(errata, report) };
}

/** Loads, parses, catalogs, corrects (errata) and generates. Throws DocsDirError when a docs directory cannot be read. */
export async function buildFromDocs(dirs: string[], options: DocsBuildOptions = {}): Promise<DocsBuild> {
  const { pages, catalog, documented, unreadable, errata, errataReport, errataFindings } = await loadCatalog(dirs, options);
  let output = generateOutputAsync(catalog);
  if (output.pending) {
    await output.pending.settled;
    const { pending: _settled, ...complete } = output;
    output = complete;
  }
  const findings = [...unreadable, ...documented.findings, ...errataFindings, ...output.findings];
  return { pages, catalog, output, unreadable, findings, errata, errataReport };
}

/** What `graphpact build` keeps of a build: no pages, and outputs that may still be completing (`output.pending`). */
export interface OutputsBuild {
  pages: number;
  catalog: Catalog;
  output: BuildOutput;
  unreadable: Finding[];
  findings: Finding[];
}

/**
 * buildFromDocs for a caller that only writes the outputs: the parsed pages and the catalog as documented
 * are let go before the outputs are generated (~70 MB of the corpus's peak), and the function returns
 * before the OpenAPI documents are complete when their rejected examples are still being explained on a
 * worker thread (`output.pending`), so that the other files can be written meanwhile.
 */
export async function buildOutputsFromDocs(dirs: string[], options: DocsBuildOptions = {}): Promise<OutputsBuild> {
  const { pages, catalog, unreadable, findings } = await loadForOutputs(dirs, options);
  const output = generateOutputAsync(catalog);
  return { pages, catalog, output, unreadable, findings: [...findings, ...output.findings] };
}

/** loadCatalog, keeping only the count of pages and the findings of the documented catalog (the rest unreachable once this returns). */
async function loadForOutputs(dirs: string[], options: DocsBuildOptions): Promise<{ pages: number; catalog: Catalog; unreadable: Finding[]; findings: Finding[] }> {
  // Links are read by lint rules only: the outputs are made without them.
  const loaded = await loadCatalog(dirs, { ...options, links: false });
  return { pages: loaded.pages.length, catalog: loaded.catalog, unreadable: loaded.unreadable, findings: [...loaded.unreadable, ...loaded.documented.findings, ...loaded.errataFindings] };
}

/** Parsed data that is docs content, not positions: never rewritten (an example may well have a "file" key). */
const CONTENT_KEYS = new Set(['value', 'data', 'frontMatter', 'pointers', 'cells']);

/**
 * For pages loaded without a root (loadCatalog gives loadDocs its root instead): the parser then reports
 * files relative to the current directory, and every `file`/`resolved` path is re-expressed relative to `root`
 * (`../shared/corpus/...` for docs beside the project). Rewrites in place (the pages are ours,
 * fresh from loadDocs) and returns the same value.
 */
export function relocateSourcePaths<T>(value: T, cwd: string, root: string): T {
  const cache = new Map<string, string>();
  const rebase = (file: string): string => {
    let out = cache.get(file);
    if (out === undefined) {
      const rel = relative(root, resolve(cwd, file));
      out = (rel && !isAbsolute(rel) ? rel : resolve(cwd, file)).split(sep).join('/');
      cache.set(file, out);
    }
    return out;
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // Skip content before reading it: reading a JSON body's `pointers` would build them (a lazy getter).
      if (CONTENT_KEYS.has(key)) continue;
      const inner = record[key];
      if ((key === 'file' || key === 'resolved') && typeof inner === 'string') record[key] = rebase(inner);
      else if (typeof inner === 'object') walk(inner);
    }
  };
  walk(value);
  return value;
}
