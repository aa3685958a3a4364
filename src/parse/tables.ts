/**
 * Tables, read from the source lines of markdown-it's table tokens (their `.map`), split by us:
 * markdown-it drops extra cells (an unescaped `|` in a description) and splits inside code spans,
 * and it misses tables whose header and delimiter rows disagree; the docs have all of these.
 */
import type { Table, TableRow } from '../model/page.js';
import { decodeEntities, stripMarkdown, type Token } from './markdown.js';
import { addFinding, type PageSource } from './source.js';

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Splits one table row into raw cells: leading/trailing pipe optional, `\|` kept as a literal pipe,
 * pipes inside a closed code span do not split.
 */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */ && s.charCodeAt(i + 1) === 124) {
      cell += s.slice(from, i) + '|';
      i++;
      from = i + 1;
    } else if (c === 96 /* ` */) {
      let run = 1;
      while (s.charCodeAt(i + run) === 96) run++;
      const close = findClosingRun(s, i + run, '`'.repeat(run));
      i = close < 0 ? i + run - 1 : close + run - 1;
    } else if (c === 124 /* | */) {
      cells.push(cell + s.slice(from, i));
      cell = '';
      from = i + 1;
    }
  }
  cells.push(cell + s.slice(from));
  return cells.map(cleanCell);
}

function cleanCell(cell: string): string {
  const spaced = cell.includes('\t') ? cell.replace(/\t/g, ' ') : cell;
  return decodeEntities(spaced.trim());
}

/** Index of a backtick run of exactly `fence`'s length at or after `from`, or -1. */
function findClosingRun(s: string, from: number, fence: string): number {
  let at = s.indexOf(fence, from);
  while (at >= 0) {
    let end = at + fence.length;
    if (s[end] !== '`' && s[at - 1] !== '`') return at;
    while (s[end] === '`') end++;
    at = s.indexOf(fence, end);
  }
  return -1;
}

/** Header cell → key: lower-case, markdown and whitespace stripped (`**Property name**` → `property name`). */
export function headerKey(cell: string): string {
  return stripMarkdown(cell).toLowerCase().replace(/[:?]+$/, '').trim();
}

/**
 * Reads a table from source lines [start, end) (0-based): header, delimiter, rows.
 * Rows with more cells than the header have the extra cells joined into the last one (an unescaped `|`
 * in a description); rows with fewer are padded. A line with no pipe ends the table.
 */
export function readTableLines(src: PageSource, start: number, end: number): Table {
  const header = splitRow(src.lines[start]).map(headerKey);
  const width = header.length;
  const rows: TableRow[] = [];
  for (let i = start + 2; i < end; i++) {
    const text = src.lines[i];
    if (text === undefined || !text.includes('|')) break;
    const previous = rows[rows.length - 1];
    if (previous && isContinuation(src.lines[i - 1], text, width)) {
      // A description broken over lines: `|a|String|First part` then `second part.|` is one row.
      const last = previous.cells.length - 1;
      previous.cells[last] = `${previous.cells[last]} ${splitRow(text).filter(Boolean).join(' | ')}`.trim();
      continue;
    }
    let cells = splitRow(text);
    if (cells.length > width && width > 0) {
      // Trailing empty cells from a doubled trailing pipe are not content.
      while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > width) {
        addFinding(src, 'parse-table-extra-cells', 'info', i + 1, `table row has ${cells.length} cells, header has ${width}: extra cells joined into the last (unescaped "|"?)`, 'escape the "|" as "\\|"');
        cells = [...cells.slice(0, width - 1), cells.slice(width - 1).join(' | ')];
      }
    } else if (cells.length < width) {
      addFinding(src, 'parse-table-missing-cells', 'info', i + 1, `table row has ${cells.length} cells, header has ${width}`);
      while (cells.length < width) cells.push('');
    }
    rows.push({ file: src.file, line: i + 1, cells });
  }
  return { file: src.file, line: start + 1, header, rows };
}

/**
 * A line that continues the row above it: the row above did not close with a pipe, this line does not open
 * with one, and it has fewer cells than the header (a row written without outer pipes has them all).
 */
function isContinuation(above: string | undefined, line: string, width: number): boolean {
  if (above === undefined || line.trimStart().startsWith('|')) return false;
  const prev = above.trimEnd();
  if (prev.endsWith('|') || DELIMITER_ROW.test(prev)) return false;
  return splitRow(line).length < width;
}

/** The table starting at token `index` (a table_open), read from its source lines. */
export function tableFromToken(src: PageSource, token: Token): Table | undefined {
  if (!token.map) return undefined;
  return readTableLines(src, token.map[0], token.map[1]);
}

/**
 * A paragraph that is really a table markdown-it did not recognise (header and delimiter rows with
 * different cell counts): its second line is a delimiter row and its first has a pipe.
 */
export function tableFromParagraph(src: PageSource, token: Token): Table | undefined {
  if (!token.map) return undefined;
  const [start, end] = token.map;
  if (end - start < 2) return undefined;
  const first = src.lines[start];
  const second = src.lines[start + 1];
  if (!first?.includes('|') || !second || !second.includes('-') || !DELIMITER_ROW.test(second)) return undefined;
  addFinding(src, 'parse-table-malformed', 'info', start + 1, 'table header and delimiter rows disagree; read as a table anyway');
  return readTableLines(src, start, end);
}

/** Every table in tokens [from, to), including paragraphs that are malformed tables. */
export function tablesInRange(src: PageSource, from: number, to: number): Table[] {
  const tables: Table[] = [];
  for (let i = from; i < to; i++) {
    const t = src.tokens[i];
    if (t.type === 'table_open') {
      const table = tableFromToken(src, t);
      if (table) tables.push(table);
    } else if (t.type === 'paragraph_open' && t.map && src.lines[t.map[0]]?.includes('|')) {
      const table = tableFromParagraph(src, t);
      if (table) tables.push(table);
    }
  }
  return tables;
}

/** Index of the first column whose header is one of `names` (exact), else -1. */
export function columnIndex(table: Table, names: string[]): number {
  for (const name of names) {
    const i = table.header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}
