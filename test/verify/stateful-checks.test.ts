import { expect } from 'chai';
import { checks, type CheckContext } from '../../src/verify/checks.js';
import { echoes, notEchoed } from '../../src/verify/stateful-checks.js';
import type { CheckedExchange } from '../../src/verify/exchange.js';

const exchange = (status: number, body: unknown, headers: Record<string, string> = {}): CheckedExchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1/v1.0/groups', headers: {} },
  response: { status, body, headers: { 'content-type': 'application/json', ...headers } },
});
const written = { displayName: 'graphpact-r1-created-Library', mailEnabled: false, groupTypes: ['Unified'], createdDateTime: '2020-01-01T00:00:00Z' };
const created = { id: 'g1', ...written, createdDateTime: '2026-12-02T14:00:00Z' };
const ctx = (over: Partial<CheckContext>): CheckContext => ({
  operationId: 'groups.create', scenario: 'success', successStatus: 201, operationKind: 'create',
  stateful: { written, readOnly: ['id', 'createdDateTime'], createdId: 'g1', locationDocumented: true }, ...over,
});

describe('stateful checks', () => {
  describe('create_echoes_request', () => {
    it('passes when every writable property comes back as sent (read-only ones may differ)', () => {
      expect(checks.create_echoes_request(exchange(201, created), ctx({})).status).to.equal('pass');
    });
    it('fails a property answered null, naming it', () => {
      const r = checks.create_echoes_request(exchange(201, { ...created, displayName: null }), ctx({}));
      expect(r.status).to.equal('fail');
      expect(r.message).to.match(/displayName/);
      expect(r.actual).to.match(/null/);
    });
    it('fails a dropped property', () => {
      const { groupTypes: _dropped, ...rest } = created;
      expect(checks.create_echoes_request(exchange(201, rest), ctx({})).message).to.match(/groupTypes/);
    });
    it('does not apply to other operations or to failed creates', () => {
      expect(checks.create_echoes_request(exchange(201, {}), ctx({ operationKind: 'other' })).status).to.equal('skip');
      expect(checks.create_echoes_request(exchange(400, {}), ctx({})).status).to.equal('skip');
    });
  });

  describe('read_after_write', () => {
    it('passes a GET that returns what was written', () => {
      expect(checks.read_after_write(exchange(200, created), ctx({ scenario: 'read-after-write' })).status).to.equal('pass');
    });
    it('fails a GET that lost a value, or that is not 200', () => {
      expect(checks.read_after_write(exchange(200, { ...created, mailEnabled: true }), ctx({ scenario: 'read-after-write' })).message).to.match(/mailEnabled/);
      expect(checks.read_after_write(exchange(404, {}), ctx({ scenario: 'read-after-write' })).status).to.equal('fail');
    });
  });

  describe('delete_then_404', () => {
    it('passes 404 after DELETE', () => expect(checks.delete_then_404(exchange(404, {}), ctx({ scenario: 'get-after-delete' })).status).to.equal('pass'));
    it('fails an object still there', () => expect(checks.delete_then_404(exchange(200, created), ctx({ scenario: 'get-after-delete' })).status).to.equal('fail'));
  });

  describe('list_contains_created', () => {
    const listCtx = (items: unknown[], truncated = false) => ctx({ scenario: 'list-after-create', stateful: { createdId: 'g1', listed: items, paging: { pages: 2, truncated } } });
    it('passes when a page (after nextLink) holds the created id', () => {
      expect(checks.list_contains_created(exchange(200, { value: [{ id: 'x' }] }), listCtx([{ id: 'x' }, { id: 'g1' }])).status).to.equal('pass');
    });
    it('fails when no page holds it; inconclusive when paging was cut short', () => {
      expect(checks.list_contains_created(exchange(200, { value: [{ id: 'x' }] }), listCtx([{ id: 'x' }])).status).to.equal('fail');
      expect(checks.list_contains_created(exchange(200, { value: [{ id: 'x' }] }), listCtx([{ id: 'x' }], true)).status).to.equal('inconclusive');
    });
    it('fails a list without value', () => {
      expect(checks.list_contains_created(exchange(200, [{ id: 'g1' }]), listCtx([])).message).to.match(/no "value"/);
    });
  });

  describe('location_header', () => {
    it('passes a Location naming the created object', () => {
      expect(checks.location_header(exchange(201, created, { location: 'https://p/v1.0/groups/g1' }), ctx({})).status).to.equal('pass');
    });
    it('fails a missing Location where the docs show one; skips where they do not', () => {
      expect(checks.location_header(exchange(201, created), ctx({})).status).to.equal('fail');
      expect(checks.location_header(exchange(201, created), ctx({ stateful: { locationDocumented: false } })).status).to.equal('skip');
    });
  });

  it('echoes: objects may gain properties, arrays may not change, instants compare as instants', () => {
    expect(echoes({ a: 1 }, { a: 1, b: 2 })).to.equal(true);
    expect(echoes([1, 2], [1])).to.equal(false);
    expect(echoes('2021-01-01T00:00:00Z', '2021-01-01T00:00:00.0000000Z')).to.equal(true);
    expect(notEchoed({ '@odata.type': '#x', a: 'x' }, { a: 'x' })).to.deep.equal([]);
  });
});
