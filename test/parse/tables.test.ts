import { expect } from 'chai';
import { splitRow } from '../../src/parse/tables.js';
import { apiPage, md } from './helpers.js';

/** A page whose Request body section holds `tableLines` (first table line is line 4). */
function bodyTable(...tableLines: string[]) {
  return apiPage(md('# T', '', '## Request body', ...tableLines, '', '## Response', 'None.'));
}

describe('parse/tables: table variants and irregularities', () => {
  describe('splitRow', () => {
    it('splits with and without leading/trailing pipes', () => {
      expect(splitRow('|a|b|c|')).to.deep.equal(['a', 'b', 'c']);
      expect(splitRow('a | b | c')).to.deep.equal(['a', 'b', 'c']);
      expect(splitRow('| a | b | c')).to.deep.equal(['a', 'b', 'c']);
    });
    it('keeps a pipe inside a code span and an escaped pipe', () => {
      expect(splitRow('|filter|`a | b`|x|')).to.deep.equal(['filter', '`a | b`', 'x']);
      expect(splitRow('|a|x \\| y|')).to.deep.equal(['a', 'x | y']);
    });
    it('an unclosed backtick does not swallow the rest of the row', () => {
      expect(splitRow('|a|`b|c|')).to.deep.equal(['a', '`b', 'c']);
    });
    it('decodes entities and turns tabs into spaces, keeps <br> and markdown', () => {
      expect(splitRow('|Bearer &lt;token&gt;|\t**x**<br>y\t|')).to.deep.equal(['Bearer <token>', '**x**<br>y']);
    });
  });

  describe('tables in a page', () => {
    it('reads header keys lower-cased, bold stripped, with row lines', () => {
      const page = bodyTable('| **Property** | **Type** | **Description** |', '|:--|:--|:--|', '| name | String | The name. |');
      const table = page.requestBody!.tables[0];
      expect(table.header).to.deep.equal(['property', 'type', 'description']);
      expect(table.line).to.equal(4);
      expect(table.rows[0]).to.include({ line: 6 });
      expect(table.rows[0].cells).to.deep.equal(['name', 'String', 'The name.']);
    });
    it('joins extra cells (an unescaped | in a description) into the last and notes it', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', '|mode|String|Either a | b|');
      expect(page.requestBody!.tables[0].rows[0].cells).to.deep.equal(['mode', 'String', 'Either a | b']);
      expect(page.findings.map((f) => [f.ruleId, f.line])).to.deep.include(['parse-table-extra-cells', 6]);
    });
    it('pads rows with fewer cells and notes it', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', '|mode|String|');
      expect(page.requestBody!.tables[0].rows[0].cells).to.deep.equal(['mode', 'String', '']);
      expect(page.findings.some((f) => f.ruleId === 'parse-table-missing-cells' && f.line === 6)).to.equal(true);
    });
    it('a regular row produces no table finding', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', '|mode|String|ok|');
      expect(page.findings.filter((f) => f.ruleId.startsWith('parse-table'))).to.deep.equal([]);
    });
    it('reads a header-only table', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|');
      expect(page.requestBody!.tables).to.have.length(1);
      expect(page.requestBody!.tables[0].rows).to.deep.equal([]);
    });
    it('reads rows with a missing leading pipe', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', 'mode|String|The mode.|', '|size|Int32|The size.');
      expect(page.requestBody!.properties.map((p) => [p.name, p.type.name])).to.deep.equal([
        ['mode', 'Edm.String'],
        ['size', 'Edm.Int32'],
      ]);
    });
    it('reads a table whose delimiter row has a different cell count (markdown-it skips it)', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|', '|mode|String|The mode.|');
      expect(page.requestBody!.properties.map((p) => p.name)).to.deep.equal(['mode']);
      expect(page.findings.some((f) => f.ruleId === 'parse-table-malformed')).to.equal(true);
    });
    it('a line without any pipe ends the table', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', '|mode|String|The mode.|', 'Some prose right after.');
      expect(page.requestBody!.tables[0].rows).to.have.length(1);
    });
  });
});
