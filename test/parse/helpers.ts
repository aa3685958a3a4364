/** Test helpers: parse an inline markdown snippet as an API or resource page. */
import { parsePage } from '../../src/parse/index.js';
import type { ApiPage, ResourcePage } from '../../src/model/page.js';
import type { ParseContext } from '../../src/parse/index.js';

/** Joins lines so snippets can be written as arrays (line numbers are then index + 1). */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export function apiPage(text: string, ctx?: ParseContext, file = 'docs/api/test-page.md'): ApiPage {
  const page = parsePage({ file, text }, ctx);
  if (page.kind !== 'api') throw new Error(`expected an api page, got ${page.kind}`);
  return page;
}

export function resourcePage(text: string, ctx?: ParseContext, file = 'docs/resources/test-type.md'): ResourcePage {
  const page = parsePage({ file, text }, ctx);
  if (page.kind !== 'resource') throw new Error(`expected a resource page, got ${page.kind}`);
  return page;
}

export const FENCE = '```';
