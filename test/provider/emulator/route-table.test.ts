/** The route table is data built from the catalog: kinds, alternate paths, what is not served and why. */
import { expect } from 'chai';
import { buildRouteTable, NOT_SERVED, parseTemplate, summarizeRoutes, type EmulatedRoute } from '../../../src/provider/emulator/route-table.js';
import { buildMatcher } from '../../../src/provider/emulator/matcher.js';
import { areAliases, findAliases, storedAddress } from '../../../src/provider/emulator/aliases.js';
import { emulatorCatalog } from './docs.js';

describe('provider/emulator route table', function () {
  const catalog = emulatorCatalog();
  const table = buildRouteTable(catalog.operations);
  const route = (method: string, path: string): EmulatedRoute | undefined => table.routes.find((r) => r.method === method && r.path === path);

  it('classifies each documented METHOD path by what the store does with it', function () {
    expect(route('POST', '/widgets')?.kind).to.equal('create');
    expect(route('GET', '/widgets')?.kind).to.equal('list');
    expect(route('GET', '/widgets/{widget-id}')).to.include({ kind: 'get', singleValued: false });
    expect(route('PATCH', '/widgets/{widget-id}')?.kind).to.equal('update');
    expect(route('DELETE', '/widgets/{widget-id}')?.kind).to.equal('delete');
    expect(route('POST', '/widgets/{widget-id}/polish')?.kind).to.equal('action');
    expect(route('GET', "/widgets/countAll(kind='{kind}')")?.kind).to.equal('function');
    expect(route('GET', '/me/settings')).to.include({ kind: 'get', singleValued: true });
    expect(route('PATCH', '/me/settings')).to.include({ kind: 'update', singleValued: true });
  });

  it('every documented path of an operation is a route (alternate /me and /users/{id} paths), placeholders normalised', function () {
    const notes = table.routes.filter((r) => r.operationId === 'me.notes.create').map((r) => r.path);
    expect(notes).to.deep.equal(['/me/notes', '/users/{id}/notes']);
    expect(table.creatable).to.include('users/{}/notes');
    expect(table.creatable).to.include('widgets/{}/parts');
  });

  it('says what it does not serve and why: binary content, byte uploads, an action without an example response', function () {
    expect(route('GET', '/widgets/{widget-id}/photo/$value')?.notServed).to.match(/binary/);
    const noExample = buildRouteTable(catalog.operations.map((op) => (op.id === 'widgets.polish' ? { ...op, examples: [] } : op)));
    expect(noExample.routes.find((r) => r.operationId === 'widgets.polish')?.notServed).to.match(/no documented example response/);
    const summary = summarizeRoutes(table);
    expect(summary.notServed).to.deep.equal({ [NOT_SERVED.binaryResponse]: 1, [NOT_SERVED.binaryRequest]: 1 });
    expect(route('PUT', '/widgets/{widget-id}/blob')?.notServed).to.equal(NOT_SERVED.binaryRequest);
    expect(route('PATCH', '/me/notes/{note-id}/content')).to.include({ arrayBody: true }).and.not.have.property('notServed');
    expect(route('PATCH', '/widgets/{widget-id}')?.arrayBody).to.equal(undefined);
    // Served: a 202 long-running action without an example body; an action whose PUT example uploads bytes.
    expect(route('POST', '/widgets/{widget-id}/archive')?.notServed).to.equal(undefined);
    expect(route('POST', '/widgets/{widget-id}/openSession')?.notServed).to.equal(undefined);
    // Operations count once, by their first route: the two paths of each of the three creates documented twice are one create.
    expect(summary.served.create - summary.operations.served.create).to.equal(3);
    expect(summary.operations.notServed).to.equal(2);
  });

  it('the same METHOD path documented twice in a version is served by the first operation, the other listed as a duplicate', function () {
    const again = catalog.operations.find((op) => op.id === 'widgets.list')!;
    const twice = buildRouteTable([...catalog.operations, { ...again, id: 'widgets.listAgain' }]);
    expect(twice.duplicates).to.deep.equal([{ method: 'GET', path: '/widgets', operationId: 'widgets.listAgain', version: 'v1.0', servedBy: 'widgets.list' }]);
  });

  it('aliases from the catalog: paths of one operation that address the same data share one store address', function () {
    const aliases = findAliases(table.routes);
    expect(aliases.get('groups/{}/calendar/events')).to.deep.equal(['groups', '{}', 'events']);
    expect(aliases.get('users/{}/drive/items')).to.deep.equal(['drives', '{}', 'items']);
    expect(aliases.has('groups/{}/events')).to.equal(false);
    // One page, two different objects: no alias.
    expect(aliases.has('widgets/{}/axes/valueaxis/format')).to.equal(false);
    expect(aliases.has('widgets/{}/axes/categoryaxis/format')).to.equal(false);
    expect(storedAddress(aliases, ['users', '{}', 'drive', 'items'], ['users', 'U', 'drive', 'items'])).to.deep.equal(['drives', 'U', 'items']);
    expect(storedAddress(aliases, ['widgets'], ['widgets'])).to.deep.equal(['widgets']);
  });

  it('alias rule: same keys, same last name, one tail inside the other (casts ignored)', function () {
    expect(areAliases('c:groups/{}/events', 'c:groups/{}/calendar/events')).to.equal(true);
    expect(areAliases('c:reports/daily', 'c:print/reports/daily')).to.equal(true);
    expect(areAliases('c:x/{}/microsoft.graph.a/states', 'c:x/{}/microsoft.graph.b/states')).to.equal(true);
    expect(areAliases('c:rolemanagement/directory/roledefinitions', 'c:rolemanagement/cloudpc/roledefinitions')).to.equal(false);
    expect(areAliases('c:users/{}/messages', 'c:users/{}/mailfolders/{}/messages')).to.equal(false);
    expect(areAliases('c:users/{}/messages', 'c:users/{}/events')).to.equal(false);
    expect(areAliases('s:users/{}/settings', 'c:users/{}/settings')).to.equal(false);
  });

  it('templates: literals fold case, keys and calls are their own kinds, me only as the first segment', function () {
    expect(parseTemplate("/Me/Drive/root:/{item-path}:/microsoft.graph.delta()/me")).to.deep.equal([
      { kind: 'me' }, { kind: 'literal', name: 'drive' }, { kind: 'literal', name: 'root:' }, { kind: 'key' }, { kind: 'call', name: 'delta' }, { kind: 'literal', name: 'me' },
    ]);
  });

  it('the matcher: literals before keys, calls by name, case-insensitive, and the store address of the request', function () {
    const matcher = buildMatcher(table.routes, 'ME');
    const found = matcher.match('v1.0', 'POST', ['ME', 'notes']);
    expect(found.kind === 'found' && found.address).to.deep.equal(['users', 'ME', 'notes']);
    const viaUsers = matcher.match('v1.0', 'GET', ['Users', 'ME', 'Notes']);
    expect(viaUsers.kind === 'found' && viaUsers.address).to.deep.equal(['users', 'ME', 'notes']);
    const call = matcher.match('v1.0', 'GET', ['widgets', "microsoft.graph.countAll(kind='x')"]);
    expect(call.kind === 'found' && call.route.operationId).to.equal('widgets.countAll');
    const guid = matcher.match('v1.0', 'GET', ['widgets', 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE']);
    expect(guid.kind === 'found' && guid.address).to.deep.equal(['widgets', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']);
    expect(matcher.match('v1.0', 'PUT', ['widgets'])).to.deep.equal({ kind: 'wrongMethod', allowed: ['POST', 'GET'] });
    expect(matcher.match('v1.0', 'GET', ['gizmos'])).to.deep.equal({ kind: 'noRoute' });
    expect(matcher.match('beta', 'GET', ['widgets'])).to.deep.equal({ kind: 'noRoute' });
  });
});
