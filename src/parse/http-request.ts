/**
 * The HTTP request section: every `METHOD path` line of its code blocks (any fence, indented, or
 * plain paragraph lines), paths kept as written.
 */
import type { ApiPage, HttpRequestPath } from '../model/page.js';
import { REQUEST_LINE } from './http-block.js';
import type { Token } from './markdown.js';
import { sectionsOf, type Outline } from './sections.js';
import type { PageSource } from './source.js';

/** 1-based file line of the first content line of a block token. */
export function contentLine(token: Token): number {
  const start = token.map?.[0] ?? 0;
  return token.type === 'fence' ? start + 2 : start + 1;
}

/** The example request line's grammar, but case-sensitive: upper-case method only (prose says "Get the user"). */
const PATH_LINE = new RegExp(REQUEST_LINE.source);

/** `METHOD path` lines of one block's text; in prose (`strict`) the target must look like a path. */
export function requestPathsInText(file: string, content: string, firstLine: number, strict = false): HttpRequestPath[] {
  const out: HttpRequestPath[] = [];
  const lines = content.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const m = PATH_LINE.exec(lines[k]);
    if (m && strict && !/^[/{]|^https?:|^[\w.]+\//.test(m[2])) continue;
    if (m) out.push({ file, line: firstLine + k, method: m[1].toUpperCase(), path: m[2].trim() });
  }
  return out;
}

/** `METHOD path` lines in tokens [from, to): fences, indented code and paragraphs. */
export function requestPathsInRange(src: PageSource, from: number, to: number): HttpRequestPath[] {
  const out: HttpRequestPath[] = [];
  for (let i = from; i < to; i++) {
    const t = src.tokens[i];
    if (t.type === 'fence' || t.type === 'code_block') out.push(...requestPathsInText(src.file, t.content, contentLine(t)));
    else if (t.type === 'inline' && src.tokens[i - 1]?.type === 'paragraph_open' && t.map) {
      out.push(...requestPathsInText(src.file, t.content, t.map[0] + 1, true));
    }
  }
  return out;
}

/**
 * `METHOD path` lines of the HTTP request section(s). Without one (OneDrive pages, a `### HTTP request`
 * under Permissions), relative `METHOD path` lines anywhere outside the examples.
 */
export function readHttpRequests(src: PageSource, outline: Outline): ApiPage['httpRequests'] {
  const sections = sectionsOf(outline, 'httpRequest');
  if (sections.length > 0) return sections.flatMap((s) => requestPathsInRange(src, s.start, s.end));
  const preambleEnd = outline.sections.length > 0 ? outline.sections[0].start - 3 : src.tokens.length;
  const ranges: Array<[number, number]> = [[0, preambleEnd], ...outline.sections.filter((s) => s.kind !== 'examples').map((s): [number, number] => [s.start, s.end])];
  return ranges.flatMap(([from, to]) => requestPathsInRange(src, from, to)).filter((p) => !/^https?:/i.test(p.path));
}
