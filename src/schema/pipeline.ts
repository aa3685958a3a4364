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
import { generateOpenApi, serializedSchema } from '../openapi/generate.js';
import type { JsonText } from './json-text.js';
import { schemaSetFromFiles } from './load.js';
import { exampleCheck } from './examples.js';
import { generateSchemas } from './generate.js';
import { applyErrata, loadErrata, staleErrataFindings, type ErrataReport, type Erratum } from '../errata/index.js';
import { lineReader } from '../util/lines.js';


export interface BuildOutput {
  /** Relative path → JSON value (a JsonText when serialized already): schema files, `openapi.<version>.json`, `index.json`. */
  files: Map<string, unknown>;
  index: SchemaIndex;
  /** Schema files only (types and operations), e.g. for an in-memory SchemaSet. */
  schemaFiles: Map<string, Record<string, unknown>>;
  findings: Finding[];
}

export interface OutputOptions {
  /**
   * true: for a caller that only writes the files (`graphpact build`). Each schema file is a JsonText,
   * serialized once, and the OpenAPI documents hold their components as JsonTexts made from the same text
   * (serializedSchema): the same bytes are written, without a copy of every schema. The documents are then
   * not for reading in memory.
   */
  serialized?: boolean;
}

/** Catalog → every output file. Pure. */
export function generateOutput(catalog: Catalog, options: OutputOptions = {}): BuildOutput {
  const schemas = generateSchemas(catalog);
  const checkExample = exampleCheck(schemaSetFromFiles('(build)', schemas.index, schemas.files));
  const files = new Map<string, unknown>(schemas.files);
  const serializedComponents = options.serialized ? new Map<string, JsonText>() : undefined;
  if (serializedComponents) {
    for (const [path, schema] of schemas.files) {
      const { file, component } = serializedSchema(schema, path);
      files.set(path, file);
      serializedComponents.set(path, component);
    }
  }
  const findings = [...schemas.findings];
  for (const version of schemas.index.versions) {
    const openapi = generateOpenApi(catalog, schemas, version, { checkExample, ...(serializedComponents ? { serializedComponents } : {}) });
    files.set(openApiPath(version), openapi.document);
    findings.push(...openapi.findings);
  }
  files.set(INDEX_FILE, schemas.index);
  return { files, index: schemas.index, schemaFiles: schemas.files, findings };
}

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
  const output = generateOutput(catalog);
  const findings = [...unreadable, ...documented.findings, ...errataFindings, ...output.findings];
  return { pages, catalog, output, unreadable, findings, errata, errataReport };
}

/** What `graphpact build` keeps of a build: no pages. */
export interface OutputsBuild {
  pages: number;
  catalog: Catalog;
  output: BuildOutput;
  unreadable: Finding[];
  findings: Finding[];
}

/**
 * buildFromDocs for a caller that only writes the outputs: the parsed pages and the catalog as documented
 * are let go before the outputs are generated (~70 MB of the corpus's peak).
 */
export async function buildOutputsFromDocs(dirs: string[], options: DocsBuildOptions = {}): Promise<OutputsBuild> {
  const { pages, catalog, unreadable, findings } = await loadForOutputs(dirs, options);
  const output = generateOutput(catalog, { serialized: true });
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
