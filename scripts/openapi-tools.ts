/**
 * Our OpenAPI as its readers see it: Redocly's `recommended` ruleset, Spectral's `spectral:oas`, operations
 * without a 4XX response, and how many documented `METHOD path` lines have a path item. Used by the tests and
 * by `npm run corpus`; Redocly and Spectral are devDependencies, so this lives outside src/.
 *
 *   node --import tsx scripts/openapi-tools.ts FILE.json... [--docs DIR]   (prints the counts, for before/after)
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { normalizePath } from '../src/catalog/operation-id.js';
import type { ApiPage } from '../src/model/page.js';
import { pathShape } from '../src/openapi/generate.js';
import { pageVersion } from '../src/catalog/types.js';

const { Spectral, Document } = spectralCore;

export interface ToolProblem {
  ruleId: string;
  message: string;
  /** JSON pointer-ish location in the document. */
  at: string;
}

export interface ToolCounts {
  errors: number;
  byRule: Record<string, number>;
  /** The first few errors, to say what they are. */
  first: ToolProblem[];
}

function counts(problems: ToolProblem[]): ToolCounts {
  const byRule: Record<string, number> = {};
  for (const p of problems) byRule[p.ruleId] = (byRule[p.ruleId] ?? 0) + 1;
  return { errors: problems.length, byRule, first: problems.slice(0, 5) };
}

/** Errors of Redocly's `recommended` ruleset (warnings are not counted). */
export async function redoclyErrors(text: string, name: string): Promise<ToolCounts> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: text, absoluteRef: name, config });
  return counts(
    problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ ruleId: p.ruleId, message: p.message, at: p.location[0]?.pointer ?? '' })),
  );
}

/** Errors (severity 0) of Spectral's `spectral:oas` ruleset. */
export async function spectralErrors(text: string, name: string): Promise<ToolCounts> {
  const spectral = new Spectral();
  spectral.setRuleset(oas as spectralCore.RulesetDefinition);
  const results = await spectral.run(new Document(text, spectralParsers.Json, name));
  return counts(results.filter((r) => r.severity === 0).map((r) => ({ ruleId: String(r.code), message: r.message, at: '#/' + r.path.map(String).join('/') })));
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Operations = Array<{ method: string; path: string; operation: Record<string, unknown> }>;

function operationsOf(document: Record<string, unknown>): Operations {
  const out: Operations = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object') out.push({ method, path, operation: operation as Record<string, unknown> });
    }
  }
  return out;
}

/** Operations whose responses have no 4XX entry (neither `4XX` nor any 4xx status). */
export function operationsWithout4xx(document: Record<string, unknown>): number {
  return operationsOf(document).filter(({ operation }) => !Object.keys((operation.responses ?? {}) as object).some((s) => /^4/.test(s))).length;
}

export interface PathLineCoverage {
  documented: number;
  present: number;
}

/**
 * Documented `METHOD path` lines (as the parser reads them) whose method and path shape have an operation in
 * the version's OpenAPI. Parameter names do not matter (OpenAPI unifies them), nor does the version segment.
 */
export function documentedLinesPresent(pages: ApiPage[], documents: Map<string, Record<string, unknown>>): PathLineCoverage {
  const present = new Map<string, Set<string>>();
  for (const [version, document] of documents) {
    present.set(version, new Set(operationsOf(document).map(({ method, path }) => `${method.toUpperCase()} ${pathShape(path)}`)));
  }
  const out: PathLineCoverage = { documented: 0, present: 0 };
  for (const page of pages) {
    const set = present.get(pageVersion(page));
    for (const request of page.httpRequests) {
      out.documented++;
      if (set?.has(`${request.method.toUpperCase()} ${pathShape(normalizePath(request.path))}`)) out.present++;
    }
  }
  return out;
}

/** CLI: counts for OpenAPI files built elsewhere (e.g. at an older commit), to compare before and after. */
async function main(argv: string[]): Promise<number> {
  const docsAt = argv.indexOf('--docs');
  const files = argv.filter((a, i) => a.endsWith('.json') && (docsAt < 0 || i !== docsAt + 1));
  const documents = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const document = JSON.parse(text) as Record<string, unknown>;
    documents.set(basename(file).replace(/^openapi\.|\.json$/g, ''), document);
    const [redocly, spectral] = [await redoclyErrors(text, file), await spectralErrors(text, file)];
    process.stdout.write(`${file}\n  Redocly recommended errors: ${redocly.errors} ${JSON.stringify(redocly.byRule)}\n  Spectral spectral:oas errors: ${spectral.errors} ${JSON.stringify(spectral.byRule)}\n  operations without a 4XX response: ${operationsWithout4xx(document)} of ${operationsOf(document).length}\n`);
  }
  if (docsAt >= 0) {
    const { loadCatalog } = await import('../src/schema/pipeline.js');
    const { pages } = await loadCatalog([argv[docsAt + 1]]);
    const coverage = documentedLinesPresent(pages.filter((p): p is ApiPage => p.kind === 'api'), documents);
    process.stdout.write(`documented METHOD path lines present in the OpenAPI: ${coverage.present} of ${coverage.documented}\n`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
