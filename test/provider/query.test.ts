/** OData query options through @odata/parser: what is evaluated, and Graph's 400 for the rest. */
import { expect } from 'chai';
import { applyCollectionQuery, parseCollectionQuery, parseEntityQuery, parseFilter } from '../../src/provider/query.js';
import { GraphError } from '../../src/provider/errors.js';

const items = [
  { id: '1', displayName: 'Alpha', size: 3, enabled: true, tag: null },
  { id: '2', displayName: 'beta', size: 1, enabled: false, tag: 'x' },
  { id: '3', displayName: 'alpine', size: 2, enabled: true },
];
const ids = (filter: string) => items.filter(parseFilter(filter)).map((i) => i.id);
const q = (text: string) => parseCollectionQuery(new URLSearchParams(text));

describe('provider/query', function () {
  it('$filter: eq/ne (strings case-insensitive), comparisons, startswith, and/or/parentheses, null, booleans', function () {
    expect(ids("displayName eq 'alpha'")).to.deep.equal(['1']);
    expect(ids("displayName ne 'alpha'")).to.deep.equal(['2', '3']);
    expect(ids('size ge 2')).to.deep.equal(['1', '3']);
    expect(ids("startswith(displayName,'AL')")).to.deep.equal(['1', '3']);
    expect(ids("startswith(displayName,'al') and size lt 3")).to.deep.equal(['3']);
    expect(ids("(size eq 1 or displayName eq 'alpine') and enabled eq true")).to.deep.equal(['3']);
    expect(ids('tag eq null')).to.deep.equal(['1', '3']);
    expect(ids('enabled eq false')).to.deep.equal(['2']);
  });

  it('$filter it does not evaluate is a 400 GraphError, not an unfiltered answer', function () {
    for (const bad of ["contains(displayName,'a')", 'size eq size', "displayName eq 'a' trailing", 'not enabled', "tags/any(t:t eq 'a')"]) {
      expect(() => parseFilter(bad), bad).to.throw(GraphError).with.property('status', 400);
    }
  });

  it('$orderby, $skip, $top and paging offsets; $select keeps annotations', function () {
    const ordered = applyCollectionQuery(items, q('$orderby=size desc'), 100).page.map((i) => i.id);
    expect(ordered).to.deep.equal(['1', '3', '2']);
    const page = applyCollectionQuery(items, q('$orderby=displayName&$top=1&$skip=1&$count=true'), 100);
    expect(page.page.map((i) => i.id)).to.deep.equal(['3']);
    expect(page.total).to.equal(3);
    expect(page.nextOffset).to.equal(1);
    const last = applyCollectionQuery(items, q('$skiptoken=2'), 2);
    expect([last.page.length, last.nextOffset]).to.deep.equal([1, undefined]);
    const selected = applyCollectionQuery([{ '@odata.type': '#x', id: '1', a: 1, b: 2 }], q('$select=b'), 10).page;
    expect(selected).to.deep.equal([{ '@odata.type': '#x', b: 2 }]);
  });

  it('each 400 names what is not supported and what is', function () {
    const message = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        return (err as GraphError).message;
      }
      return 'accepted';
    };
    expect(message(() => parseFilter("contains(displayName,'a')"))).to.include("function 'contains' is not supported (startswith is)");
    expect(message(() => parseFilter("tags/any(t:t eq 'a')"))).to.include("'tags/any(t:t eq 'a')' is not supported").and.include('startswith()');
    expect(message(() => parseFilter("displayName in ('a','b')"))).to.include('syntax error').and.include('the emulator reads eq, ne');
    expect(message(() => q('$expand=manager'))).to.equal("Query option '$expand' is not supported by the graphpact emulator on this resource (supported here: $filter, $orderby, $select, $top, $skip, $count, $skiptoken).");
    expect(message(() => q('$search="a"'))).to.include("'$search' is not supported");
    expect(message(() => q('$foo=1'))).to.equal("Unrecognized query argument specified: '$foo'.");
    expect(message(() => q('foo=1'))).to.equal('accepted');
  });

  it('options are read with or without $; duplicates, bad numbers and unsupported options are 400 with the given code', function () {
    expect(q('top=2').top).to.equal(2);
    for (const bad of ['$top=2&$top=3', '$top=-1', '$skip=x', '$expand=a', '$search=a', '$format=json']) {
      expect(() => parseCollectionQuery(new URLSearchParams(bad), { code: 'Request_UnsupportedQuery' }), bad).to.throw(GraphError).with.property('code', 'Request_UnsupportedQuery');
    }
    expect(q('period=D7').skip).to.equal(0);
    expect(parseEntityQuery(new URLSearchParams('$select=a,b')).select).to.deep.equal(['a', 'b']);
    expect(() => parseEntityQuery(new URLSearchParams('$top=1'))).to.throw(GraphError);
  });
});
