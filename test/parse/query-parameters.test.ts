import { expect } from 'chai';
import { odataOptionsIn } from '../../src/parse/query-parameters.js';
import { apiPage, md } from './helpers.js';

const HEAD = ['# List things', '', '## HTTP request', '', '```http', 'GET /things', '```', ''];

describe('parse: query parameters', () => {
  it('reads the OData options a sentence names, in canonical spelling, at their line', () => {
    const page = apiPage(md(...HEAD, '## Optional query parameters', '', 'This method supports the `$select`, `$orderBy`, and [$top](/graph/query-parameters#top-parameter) OData query parameters.', '', '## Response'));
    expect(page.queryParameters?.support).to.equal('named');
    expect(page.queryParameters?.line).to.equal(9);
    expect(page.queryParameters?.parameters.map((p) => [p.name, p.line])).to.deep.equal([['$orderby', 11], ['$select', 11], ['$top', 11]]);
  });

  it('reads a parameters table: OData options and a function\'s own parameters with their types', () => {
    const page = apiPage(md(...HEAD, '## Query parameters', '', 'Use `$deltatoken` in later rounds.', '',
      '| Query parameter | Type | Description |', '|:--|:--|:--|',
      '| startDateTime | String | Start of the range. |',
      '| `$deltatoken` | string | A state token. |',
      '| [$top](/graph/query-parameters#top-parameter) | Int32 | Page size. |',
      '| not a name! | String | ignored |'));
    const params = page.queryParameters?.parameters ?? [];
    expect(params.map((p) => [p.name, p.type?.name, p.description, p.line])).to.deep.equal([
      ['startDateTime', 'Edm.String', 'Start of the range.', 15],
      ['$deltatoken', 'Edm.String', 'A state token.', 16],
      ['$top', 'Edm.Int32', 'Page size.', 17],
    ]);
  });

  it('marks a function\'s parameters required when the page says so, and a table of them alone names no OData option', () => {
    const page = apiPage(md(...HEAD, '## Query parameters', '', 'In the request URL, provide the following required query parameters with values.', '',
      '| Parameter | Type | Description |', '|:--|:--|:--|',
      '| startDateTime | String | Start. |',
      '| endDateTime | String | End. |', '',
      'This method supports the [OData Query Parameters](/graph/query-parameters) to help customize the response.'));
    expect(page.queryParameters?.parameters.map((p) => [p.name, p.required])).to.deep.equal([['startDateTime', true], ['endDateTime', true]]);
    expect(page.queryParameters?.support).to.equal('unspecified');
    const own = apiPage(md(...HEAD, '## Query parameters', '', '| Parameter | Type | Description |', '|:--|:--|:--|', '| on | String | Optional. Who. |', '| at | String | Required. When. |'));
    expect(own.queryParameters?.parameters.map((p) => [p.name, p.required ?? false])).to.deep.equal([['on', false], ['at', true]]);
    expect(own.queryParameters?.support).to.equal('unspecified');
  });

  it('tells "supports the OData query parameters" (unnamed) from "does not support" and from no section', () => {
    const unspecified = apiPage(md(...HEAD, '## Optional query parameters', '', 'This method supports the [OData Query Parameters](/graph/query-parameters) to help customize the response.'));
    expect(unspecified.queryParameters).to.deep.equal({ line: 9, support: 'unspecified', parameters: [] });
    const none = apiPage(md(...HEAD, '## Optional query parameters', '', 'This method does not support optional query parameters to customize the response.'));
    expect(none.queryParameters?.support).to.equal('none');
    expect(apiPage(md(...HEAD, '## Response', '', 'Returns `200 OK`.')).queryParameters).to.equal(undefined);
  });

  it('reads "supports the following OData query parameters" as naming those of the table below', () => {
    const page = apiPage(md(...HEAD, '## Optional query parameters', '',
      'This method supports the following OData query parameters to help customize the response. For general information, see [OData query parameters](/graph/query-parameters).', '',
      '|Name|Value|Description|', '|:--|:--|:--|', '|$filter|string|Limits the response.|', '|$top|int|Number of results.|'));
    expect(page.queryParameters?.support).to.equal('named');
    expect(page.queryParameters?.parameters.map((p) => p.name)).to.deep.equal(['$filter', '$top']);
  });

  it('does not count an option a sentence says is not supported', () => {
    const page = apiPage(md(...HEAD, '## Optional query parameters',
      'This method does **not** support the [OData Query Parameters](/graph/query-parameters) to help customize the response (e.g. $filter is not supported here).'));
    expect(page.queryParameters).to.deep.equal({ line: 9, support: 'none', parameters: [] });
    const mixed = apiPage(md(...HEAD, '## Optional query parameters', '', 'This method supports the `$select` query parameter. The `$expand` parameter is not supported.'));
    expect(mixed.queryParameters?.parameters.map((p) => p.name)).to.deep.equal(['$select']);
    const except = apiPage(md(...HEAD, '## Optional query parameters', 'This method does **not** supports [OData Query Parameters](/graph/query-parameters) other than `$filter` to help customize the response.'));
    expect([except.queryParameters?.support, except.queryParameters?.parameters.map((p) => p.name)]).to.deep.equal(['named', ['$filter']]);
  });

  it('finds only real OData options in text', () => {
    expect(odataOptionsIn('use $filter and $FILTER, $count=true, but not $ref, $value or US$5, nor a$select')).to.deep.equal(['$filter', '$count']);
  });
});
