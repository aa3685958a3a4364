/**
 * Lint of docs held in memory (path → markdown): the fixtures of the rules and the tests use it.
 * Same pipeline as a real run: parsePage with case-insensitive link resolution, buildCatalog,
 * schemas generated from the catalog and linted (lintWithGeneratedSchemas).
 */
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';
import type { Catalog } from '../model/catalog.js';
import { FileIndex, isIncludeFile, parsePage } from '../parse/index.js';
import { buildCatalog } from '../catalog/index.js';
import type { AnyLintRule } from './types.js';
import { lintWithGeneratedSchemas } from './engine.js';

export interface InMemoryLint {
  pages: ParsedPage[];
  catalog: Catalog;
  findings: Finding[];
}

export function lintInMemory(files: Record<string, string>, rules?: readonly AnyLintRule[]): InMemoryLint {
  const paths = Object.keys(files).sort();
  const index = new FileIndex(paths);
  for (const file of paths.filter(isIncludeFile)) index.addInclude(file, files[file]);
  const pages = paths.filter((file) => !isIncludeFile(file)).map((file) => parsePage({ file, text: files[file] }, index));
  const catalog = buildCatalog(pages);
  const lines = new Map(paths.map((p) => [p, files[p].split(/\r?\n/)]));
  const { findings } = lintWithGeneratedSchemas(pages, catalog, { ...(rules ? { rules } : {}), knownFiles: paths, sourceLines: (f) => lines.get(f) });
  return { pages, catalog, findings };
}
