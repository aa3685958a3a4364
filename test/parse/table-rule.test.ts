import { expect } from 'chai';
import MarkdownIt, { type Token } from 'markdown-it';
import { tokenise } from '../../src/parse/markdown.js';

/** What the parser reads of tables: each table's line range, and each cell that can hold a link with its line. */
function tableFacts(tokens: Token[]): { tables: Array<[number, number]>; cells: Array<[number, string]> } {
  const tables: Array<[number, number]> = [];
  const cells: Array<[number, string]> = [];
  let depth = 0;
  let line = 0;
  for (const t of tokens) {
    if (t.type === 'table_open') {
      depth++;
      tables.push([t.map?.[0] ?? -1, t.map?.[1] ?? -1]);
    } else if (t.type === 'table_close') depth--;
    else if (depth > 0 && t.type === 'tr_open') line = t.map?.[0] ?? -1;
    else if (depth > 0 && t.type === 'inline' && t.content.includes('[')) cells.push([line, t.content]);
  }
  return { tables, cells };
}

const stock = new MarkdownIt({ html: true });

const PAGES: Record<string, string> = {
  plain: ['| Name | Type | Description |', '|:-----|:----:|------------:|', '| id | String | The [id](a.md). |', '| kind | [kind](../resources/kind.md) | x |', ''].join('\n'),
  'no outer pipes, short and long rows': ['Name | Type', '--- | ---', 'a | [b](b.md)', '[c](c.md)', 'd | e | [f](f.md) | g', 'h', ''].join('\n'),
  'escaped pipes and backslashes': ['| a | b |', '|---|---|', '| x \\| [y](y.md) | z \\\\| [w](w.md) |', '| [end](e.md) \\|', '|', '||', '| \\| |', ''].join('\n'),
  'ended by other blocks': ['| a | b |', '|---|---|', '| [1](1.md) | 2 |', '> quote [q](q.md)', '', '| a |', '|---|', '| [x](x.md) |', '# heading [h](h.md)', '| a |', '|---|', '- [item](i.md)', ''].join('\n'),
  'not tables': ['| a | b |', '|---|', '| [x](x.md) | y |', '', 'a | b', '-- | --', '', '    | code | block |', '    |---|---|', '', '| a |', '| - |', ''].join('\n'),
  'in lists and quotes': ['- item', '', '  | a | b |', '  |---|---|', '  | [x](x.md) | [y](y.md) |', '', '> | a |', '> |---|', '> | [z](z.md) |', ''].join('\n'),
  'links in the header': ['| [Name](n.md) | Type |', '|---|---|', '| a | b |', ''].join('\n'),
};

/**
 * Past 65,536 cells filled in for short rows a table ends; rows without a link are counted without being
 * split. 1000 columns, 65 one-cell rows (with and without pipes) (64,935 cells filled in), then a probe row of `cells` cells: with
 * 398 it tips the count over (the table ends before it), with 399 it does not (it ends one row later).
 */
function autocompletePage(row: (cells: number) => string, cells: number): string {
  const rows = [`|${' c |'.repeat(1000)}`, `|${'---|'.repeat(1000)}`, ...Array.from({ length: 65 }, (_, i) => (i % 2 ? '| x |' : 'x')), row(cells), '| y |', '| [after](a.md) |', ''];
  return rows.join('\n');
}
const ROW_FORMS: Record<string, (cells: number) => string> = {
  'no outer pipes': (n) => Array.from({ length: n }, () => 'a').join(' | '),
  'outer pipes': (n) => `| ${Array.from({ length: n }, () => 'a').join(' | ')} |`,
  'escaped pipes': (n) => `${Array.from({ length: n }, () => 'a \\| b').join(' | ')} \\|`,
  'empty cells': (n) => '|'.repeat(n + 1),
};
for (const [form, row] of Object.entries(ROW_FORMS)) {
  PAGES[`cells filled in, ${form}, tipping over`] = autocompletePage(row, 398);
  PAGES[`cells filled in, ${form}, just under`] = autocompletePage(row, 399);
}

describe('parse/table-rule: tables as markdown-it reads them, with fewer tokens', () => {
  for (const [name, text] of Object.entries(PAGES)) {
    it(`${name}: the same tables and link cells as markdown-it's own rule`, () => {
      const ours = tableFacts(tokenise(text).tokens);
      const theirs = tableFacts(stock.parse(text, {}));
      expect(ours).to.deep.equal(theirs);
      expect(ours.tables.length + ours.cells.length).to.be.greaterThan(name === 'not tables' ? -1 : 0);
    });
  }

  it('keeps no token for rows and cells without a link', () => {
    const tokens = tokenise(['| a | b |', '|---|---|', '| 1 | 2 |', '| 3 | [x](x.md) |', ''].join('\n')).tokens;
    expect(tokens.map((t) => t.type)).to.deep.equal(['table_open', 'tr_open', 'inline', 'tr_close', 'table_close']);
    expect(tokens[1].map).to.deep.equal([3, 4]);
  });
});
