/**
 * YAML front matter (`---` … `---` at the top of the page). The block is blanked out (newlines kept)
 * before markdown-it sees the page, so token line numbers stay file line numbers.
 */
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`, undefined when the page has none. */
  line?: number;
  /** Body for markdown-it: the page with the front matter lines emptied. */
  body: string;
  /** YAML error message with its file line, when the block could not be parsed. */
  error?: { line: number; message: string };
}

export function splitFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---')) return { data: {}, body: text };
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || text.slice(0, firstEnd).trim() !== '---') return { data: {}, body: text };
  const close = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(firstEnd + 1);
  const m = close.exec(rest);
  if (!m) return { data: {}, body: text };
  const yamlText = rest.slice(0, m.index);
  const blockEnd = firstEnd + 1 + m.index + m[0].length;
  const blankedLines = countLines(text.slice(0, blockEnd));
  const body = '\n'.repeat(blankedLines - 1) + text.slice(blockEnd);
  try {
    const value: unknown = parseYaml(yamlText);
    const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { data, line: 1, body };
  } catch (err) {
    const e = err as { message?: string; linePos?: Array<{ line: number }> };
    const line = 1 + (e.linePos?.[0]?.line ?? 1);
    return { data: {}, line: 1, body, error: { line, message: (e.message ?? String(err)).split('\n')[0] } };
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
