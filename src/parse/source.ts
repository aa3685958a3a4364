/**
 * The per-page parsing context every extractor receives: the file name, its source lines, the
 * markdown-it tokens (made once), link reference definitions and the findings list to append to.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { LinkReferences, Token } from './markdown.js';
import { lookupReference, tokenise } from './markdown.js';

export interface PageSource {
  file: string;
  /** Source lines (index 0 = line 1), `\r\n` normalised. */
  lines: string[];
  tokens: Token[];
  references: LinkReferences;
  findings: Finding[];
}

/**
 * A page's source, `\r\n` normalised already: tokenised once, and its lines. The first `frontMatterLines`
 * (the YAML front matter) are skipped by markdown-it and empty in `lines`, so that no extractor reads YAML
 * as markdown and token line numbers stay file line numbers.
 */
export function pageSource(file: string, text: string, frontMatterLines: number, findings: Finding[], options: { links?: boolean } = {}): PageSource {
  const { tokens, references } = tokenise(text, { ...options, skipLines: frontMatterLines });
  const lines = text.split('\n');
  for (let i = 0; i < frontMatterLines && i < lines.length; i++) lines[i] = '';
  return { file, lines, tokens, references, findings };
}

export function addFinding(src: PageSource, ruleId: string, severity: Severity, line: number, message: string, fix?: string): void {
  src.findings.push({ ruleId, severity, file: src.file, line, message, ...(fix ? { fix } : {}) });
}

/** Reference-style link lookup bound to the page. */
export function referenceLookup(src: PageSource): (label: string) => string | undefined {
  return (label) => lookupReference(src.references, label);
}

/**
 * Runs one extractor; if it throws (a parser bug on odd input), records a finding and returns the
 * fallback, so one broken part of a page never loses the rest.
 */
export function guarded<T>(src: PageSource, what: string, line: number, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    addFinding(src, 'parse-internal-error', 'error', line, `could not read ${what}: ${(err as Error)?.message ?? String(err)}`);
    return fallback;
  }
}
