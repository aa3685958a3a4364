import { expect } from 'chai';
import { pactQuery, parseQuery, queryString } from '../../src/select/query.js';

describe('select/query: the documented example query', () => {
  it('reads unencoded docs queries and writes them back percent-encoded, $ and , readable', () => {
    const pairs = parseQuery("$filter=displayName eq 'x y'&$select=id,displayName&$count");
    expect(pairs).to.deep.equal([['$filter', "displayName eq 'x y'"], ['$select', 'id,displayName'], ['$count', '']]);
    expect(queryString(pairs)).to.equal("?$filter=displayName%20eq%20'x%20y'&$select=id,displayName&$count");
  });

  it('decodes what is encoded, and keeps a lone % as written', () => {
    expect(parseQuery('?$search=%22a%20b%22&q=100%')).to.deep.equal([['$search', '"a b"'], ['q', '100%']]);
    expect(queryString(parseQuery('a=%26'))).to.equal('?a=%26');
  });

  it('no query: nothing appended, no Pact query', () => {
    expect(parseQuery(undefined)).to.deep.equal([]);
    expect(queryString([])).to.equal('');
    expect(pactQuery([])).to.deep.equal({});
  });

  it('Pact query keeps repeated names in order', () => {
    expect(pactQuery([['a', '1'], ['b', '2'], ['a', '3']])).to.deep.equal({ a: ['1', '3'], b: ['2'] });
  });
});
