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
    it('a description continued on the next line is one row, not a property named after the text', () => {
      const page = bodyTable('|Property|Type|Description|', '|:---|:---|:---|', '|platforms|[platformType](../resources/platformtype.md) collection|The platforms.',
        'Computed from the conditions. Possible values are: `android`, `iOS`.|', '|size|Int32|The size.|');
      expect(page.requestBody!.properties.map((p) => [p.name, p.line])).to.deep.equal([['platforms', 6], ['size', 8]]);
      expect(page.requestBody!.properties[0].description).to.equal('The platforms. Computed from the conditions. Possible values are: `android`, `iOS`.');
      expect(page.findings.filter((f) => f.ruleId.startsWith('parse-table'))).to.deep.equal([]);
    });
    it('rows without outer pipes are rows, not continuations', () => {
      const page = bodyTable('Property|Type|Description', '---|---|---', 'mode|String|The mode.', 'size|Int32|The size.');
      expect(page.requestBody!.properties.map((p) => p.name)).to.deep.equal(['mode', 'size']);
    });
    it('bold section rows (`| **Section** | | |`, `|**Section**|`) group rows; they are no properties', () => {
      const page = bodyTable('|Property|Type|Description|', '|:---|:---|:---|', '|id|String|The id.|', '|**On-boarding**| | |', '|limit|Int32|The limit.|', '|**RA Policy**|',
        '|helpUrl|String|The URL.|', '|**bold**|String|A real property written in bold.|');
      expect(page.requestBody!.properties.map((p) => p.name)).to.deep.equal(['id', 'limit', 'helpUrl', 'bold']);
    });
    it('a request body under an H3 (`### Request body` inside a larger H2) is read', () => {
      const page = apiPage(md('# Upload', '', '## Create an upload session', '### HTTP request', '```http', 'POST /me/drive/items/{itemId}/createUploadSession', '```', '',
        '### Request body', '|Property|Type|Description|', '|:--|:--|:--|', '|deferCommit|Boolean|Defer the commit.|', '', '### Response', 'A session.', '', '## Upload bytes', '|Header|Value|', '|--|--|', '|Content-Range|bytes|'));
      expect(page.requestBody?.line).to.equal(9);
      expect(page.requestBody?.properties.map((p) => p.name)).to.deep.equal(['deferCommit']);
      const none = apiPage(md('# Restore', '## HTTP request', '```http', 'POST /x/restoreVersion', '```', '### Request body', 'No request body is required.'));
      expect(none.requestBody).to.deep.include({ line: 6, none: true });
    });
    it('a line without any pipe ends the table', () => {
      const page = bodyTable('|Property|Type|Description|', '|---|---|---|', '|mode|String|The mode.|', 'Some prose right after.');
      expect(page.requestBody!.tables[0].rows).to.have.length(1);
    });
  });
});
