/**
 * markdown-it's GFM table rule (markdown-it 15, src/rules_block/table.ts, MIT), emitting only what the
 * parser reads. Tables are read from their source lines (tables.ts, through table_open's map); their
 * tokens serve only to find links in cells. So a table is table_open (map), then for each row with a `[`
 * (every link starts with one) tr_open (the row's map), an inline token for each cell that has one, and
 * tr_close, then table_close: no thead/tbody/th/td tokens, no tokens for rows and cells without a link
 * (the tokens around an inline one stay what the extractors expect of a table's). Two thirds of the corpus's
 * block tokens were inside tables. Which lines form a table is decided exactly as markdown-it does (the
 * same checks, in the same order); test/parse/table-rule.test.ts compares the two.
 */
import type { StateBlock, Token } from 'markdown-it';

/** As markdown-it: past this many cells filled in for short rows, the table ends (a guard against huge outputs). */
const MAX_AUTOCOMPLETED_CELLS = 65536;

function isSpace(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

function getLine(state: StateBlock, line: number): string {
  const pos = state.bMarks[line] + state.tShift[line];
  return state.src.slice(pos, state.eMarks[line]);
}

/** Splits a row on pipes not escaped by a backslash (`\|` stays in the cell, without its backslash). */
function escapedSplit(str: string): string[] {
  const result: string[] = [];
  const max = str.length;
  let pos = 0;
  let ch = str.charCodeAt(pos);
  let isEscaped = false;
  let lastPos = 0;
  let current = '';
  while (pos < max) {
    if (ch === 0x7c) {
      if (!isEscaped) {
        result.push(current + str.substring(lastPos, pos));
        current = '';
        lastPos = pos + 1;
      } else {
        current += str.substring(lastPos, pos - 1);
        lastPos = pos;
      }
    }
    isEscaped = ch === 0x5c;
    pos++;
    ch = str.charCodeAt(pos);
  }
  result.push(current + str.substring(lastPos));
  return result;
}

/** The cells of a row (escapedSplit, a leading and a trailing empty one dropped). */
function rowCells(lineText: string): string[] {
  const columns = escapedSplit(lineText);
  if (columns.length && columns[0] === '') columns.shift();
  if (columns.length && columns[columns.length - 1] === '') columns.pop();
  return columns;
}

/** rowCells(lineText).length without making the cells (lineText trimmed, not empty). */
function rowCellCount(lineText: string): number {
  const max = lineText.length;
  let segments = 1;
  for (let pos = 0; pos < max; pos++) if (lineText.charCodeAt(pos) === 0x7c && (pos === 0 || lineText.charCodeAt(pos - 1) !== 0x5c)) segments++;
  if (segments === 1) return 1; // no pipe splits it: one cell, the whole (non-empty) line
  let count = segments;
  if (lineText.charCodeAt(0) === 0x7c) count--;
  if (lineText.charCodeAt(max - 1) === 0x7c && (max === 1 || lineText.charCodeAt(max - 2) !== 0x5c)) count--;
  return count;
}

export function table(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  let nextLine = startLine + 1;
  if (state.sCount[nextLine] < state.blkIndent) return false;
  if (state.sCount[nextLine] - state.blkIndent >= 4) return false;
  let pos = state.bMarks[nextLine] + state.tShift[nextLine];
  if (pos >= state.eMarks[nextLine]) return false;
  const firstCh = state.src.charCodeAt(pos++);
  if (firstCh !== 0x7c && firstCh !== 0x2d && firstCh !== 0x3a) return false;
  if (pos >= state.eMarks[nextLine]) return false;
  const secondCh = state.src.charCodeAt(pos++);
  if (secondCh !== 0x7c && secondCh !== 0x2d && secondCh !== 0x3a && !isSpace(secondCh)) return false;
  if (firstCh === 0x2d && isSpace(secondCh)) return false;
  while (pos < state.eMarks[nextLine]) {
    const ch = state.src.charCodeAt(pos);
    if (ch !== 0x7c && ch !== 0x2d && ch !== 0x3a && !isSpace(ch)) return false;
    pos++;
  }
  let lineText = getLine(state, startLine + 1);
  const delimiters = lineText.split('|');
  let alignCount = 0;
  for (let i = 0; i < delimiters.length; i++) {
    const t = delimiters[i].trim();
    if (!t) {
      if (i === 0 || i === delimiters.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(t)) return false;
    alignCount++;
  }
  lineText = getLine(state, startLine).trim();
  if (lineText.indexOf('|') === -1) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const header = rowCells(lineText);
  const columnCount = header.length;
  if (columnCount === 0 || columnCount !== alignCount) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table';
  const terminatorRules = state.md.block.ruler.getRules('blockquote');
  const open = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  open.map = tableLines;
  pushLinkCells(state, header, columnCount, startLine);
  let autocompletedCells = 0;
  for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent) break;
    let terminate = false;
    for (let i = 0, l = terminatorRules.length; i < l; i++) {
      if (terminatorRules[i](state, nextLine, endLine, true)) {
        terminate = true;
        break;
      }
    }
    if (terminate) break;
    lineText = getLine(state, nextLine).trim();
    if (!lineText) break;
    if (state.sCount[nextLine] - state.blkIndent >= 4) break;
    const hasLink = lineText.includes('[');
    const columns = hasLink ? rowCells(lineText) : undefined;
    autocompletedCells += columnCount - (columns ? columns.length : rowCellCount(lineText));
    if (autocompletedCells > MAX_AUTOCOMPLETED_CELLS) break;
    if (columns) pushLinkCells(state, columns, columnCount, nextLine);
  }
  state.push('table_close', 'table', -1);
  tableLines[1] = nextLine;
  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
}

/** The row (tr_open with its map) and an inline token for each of its first `columnCount` cells that has a `[`. */
function pushLinkCells(state: StateBlock, columns: string[], columnCount: number, line: number): void {
  const n = Math.min(columns.length, columnCount);
  let row: Token | undefined;
  for (let i = 0; i < n; i++) {
    if (!columns[i].includes('[')) continue;
    if (!row) {
      row = state.push('tr_open', 'tr', 1);
      row.map = [line, line + 1];
    }
    const token = state.push('inline', '', 0);
    token.content = columns[i].trim();
    token.children = [];
  }
  if (row) state.push('tr_close', 'tr', -1);
}
