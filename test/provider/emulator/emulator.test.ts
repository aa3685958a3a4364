/**
 * The emulator over real HTTP (undici): the invented API of docs.ts served from its catalog, with the
 * seed routes still specialising it.
 */
import { expect } from 'chai';
import { call } from '../helpers.js';
import { startProvider, type RunningProvider } from '../../../src/provider/index.js';
import { SIGNED_IN_USER_ID } from '../../../src/provider/emulator/index.js';
import { emulatorCatalog } from './docs.js';

describe('provider/emulator over HTTP', function () {
  let provider: RunningProvider;
  let v1: string;
  const catalog = emulatorCatalog();

  before(async function () {
    provider = await startProvider({ catalog, pageSize: 2 });
    v1 = `${provider.url}/v1.0`;
  });
  after(async function () {
    await provider?.close();
  });

  const createWidget = (body: Record<string, unknown> = { displayName: 'w', color: 'red', size: 3 }) => call(v1, 'POST', '/widgets', { body });

  it('create: 201, a generated id, @odata.context, the stored object and a Location that reads it back', async function () {
    const created = await createWidget();
    expect(created.status).to.equal(201);
    expect(created.json).to.include({ displayName: 'w', color: 'red', size: 3 });
    expect(created.json.id).to.match(/^[0-9a-f-]{36}$/);
    expect(created.json['@odata.context']).to.equal(`${v1}/$metadata#widgets/$entity`);
    expect(created.headers.location).to.equal(`${v1}/widgets/${created.json.id}`);
    expect(created.headers['request-id']).to.be.a('string');
    expect(created.headers['content-type']).to.match(/^application\/json/);
    const read = await call(v1, 'GET', `/widgets/${created.json.id}`);
    expect(read.status).to.equal(200);
    expect(read.json).to.include({ id: created.json.id, displayName: 'w', color: 'red' });
  });

  it('create: a body the request schema refuses is 400 in Graph\'s envelope, naming the property', async function () {
    const wrongType = await createWidget({ displayName: 'w', size: 'big' });
    expect(wrongType.status).to.equal(400);
    expect(wrongType.json.error.code).to.equal('BadRequest');
    expect(wrongType.json.error.message).to.include('size');
    const undocumented = await createWidget({ displayName: 'w', weight: 1 });
    expect(undocumented.status).to.equal(400);
    expect(undocumented.json.error.message).to.include('weight');
  });

  it('create without a documented request table: the created type\'s schema still refuses wrong types (open to other properties)', async function () {
    expect((await call(v1, 'POST', '/gadgets', { body: { displayName: 'g', size: 'big' } })).status).to.equal(400);
    const created = await call(v1, 'POST', '/gadgets', { body: { displayName: 'g', size: 2, extra: true } });
    expect(created.status, created.text).to.equal(201);
  });

  it('create: property annotations (x@odata.bind, x@odata.type) are control information, accepted and stored', async function () {
    const bound = await createWidget({ displayName: 'w', 'owner@odata.bind': 'https://graph.microsoft.com/v1.0/users/1', 'color@odata.type': '#String' });
    expect(bound.status, bound.text).to.equal(201);
    expect(bound.json).to.include({ 'owner@odata.bind': 'https://graph.microsoft.com/v1.0/users/1' });
    expect((await createWidget({ displayName: 'w', 'owner@odata.bind': 'x', weight: 2 })).status).to.equal(400);
  });

  it('update (204 as documented) changes what get returns; delete is 204, then 404 in Graph\'s envelope', async function () {
    const { json: widget } = await createWidget();
    const patched = await call(v1, 'PATCH', `/widgets/${widget.id}`, { body: { color: 'blue' } });
    expect(patched.status).to.equal(204);
    expect((await call(v1, 'GET', `/widgets/${widget.id}`)).json).to.include({ color: 'blue', displayName: 'w' });
    expect((await call(v1, 'DELETE', `/widgets/${widget.id}`)).status).to.equal(204);
    const gone = await call(v1, 'GET', `/widgets/${widget.id}`);
    expect(gone.status).to.equal(404);
    expect(gone.json.error).to.include({ code: 'ResourceNotFound' });
    expect(gone.json.error.innerError['request-id']).to.equal(gone.headers['request-id']);
    expect((await call(v1, 'PATCH', `/widgets/${widget.id}`, { body: { color: 'x' } })).status).to.equal(404);
    expect((await call(v1, 'DELETE', `/widgets/${widget.id}`)).status).to.equal(404);
  });

  it('containment: parts live under their widget, an unknown widget is 404, and deleting the widget deletes them', async function () {
    const { json: widget } = await createWidget();
    const part = await call(v1, 'POST', `/widgets/${widget.id}/parts`, { body: { label: 'axle' } });
    expect(part.status).to.equal(201);
    expect(part.json['@odata.context']).to.equal(`${v1}/$metadata#widgets('${widget.id}')/parts/$entity`);
    const parts = await call(v1, 'GET', `/widgets/${widget.id}/parts`);
    expect(parts.json.value.map((p: { label: string }) => p.label)).to.deep.equal(['axle']);
    expect((await call(v1, 'GET', '/widgets/no-such-widget/parts')).status).to.equal(404);
    expect((await call(v1, 'POST', '/widgets/no-such-widget/parts', { body: { label: 'x' } })).status).to.equal(404);
    await call(v1, 'DELETE', `/widgets/${widget.id}`);
    expect((await call(v1, 'GET', `/widgets/${widget.id}/parts`)).status).to.equal(404);
  });

  it('/me is the signed-in user: /me/notes and /users/{that id}/notes are the same collection', async function () {
    const viaMe = await call(v1, 'POST', '/me/notes', { body: { text: 'from me' } });
    expect(viaMe.status).to.equal(201);
    const viaUsers = await call(v1, 'GET', `/users/${SIGNED_IN_USER_ID}/notes`);
    expect(viaUsers.json.value.map((n: { id: string }) => n.id)).to.include(viaMe.json.id);
    const other = await call(v1, 'POST', '/users', { body: { displayName: 'someone' } });
    expect((await call(v1, 'GET', `/users/${other.json.id}/notes`)).json.value).to.deep.equal([]);
    expect((await call(v1, 'GET', '/users/nobody/notes')).status).to.equal(404);
    expect((await call(v1, 'GET', '/users/nobody/notes')).json.error.code).to.equal('Request_ResourceNotFound');
  });

  it('alternate documented paths of an operation reach the same data: /groups/{id}/events and /groups/{id}/calendar/events', async function () {
    const { json: group } = await call(v1, 'POST', '/groups', { body: { displayName: 'g' } });
    const viaCalendar = await call(v1, 'POST', `/groups/${group.id}/calendar/events`, { body: { subject: 'standup' } });
    expect(viaCalendar.status, viaCalendar.text).to.equal(201);
    const listed = await call(v1, 'GET', `/groups/${group.id}/events`);
    expect(listed.json.value.map((e: { id: string }) => e.id)).to.deep.equal([viaCalendar.json.id]);
    expect((await call(v1, 'PATCH', `/groups/${group.id}/events/${viaCalendar.json.id}`, { body: { subject: 'retro' } })).status).to.equal(204);
    const read = await call(v1, 'GET', `/groups/${group.id}/calendar/events/${viaCalendar.json.id}`);
    expect(read.json).to.include({ subject: 'retro' });
    // Each path still answers with its own address, and another group's events stay apart.
    expect(read.json['@odata.context']).to.equal(`${v1}/$metadata#groups('${group.id}')/calendar/events/$entity`);
    const { json: other } = await call(v1, 'POST', '/groups', { body: { displayName: 'h' } });
    expect((await call(v1, 'GET', `/groups/${other.id}/calendar/events`)).json.value).to.deep.equal([]);
    expect((await call(v1, 'GET', `/groups/${other.id}/events/${viaCalendar.json.id}`)).status).to.equal(404);
  });

  it('alternate paths through another entity set: /me/drive/items, /users/{id}/drive/items and /drives/{that id}/items', async function () {
    const created = await call(v1, 'POST', `/users/${SIGNED_IN_USER_ID}/drive/items`, { body: { name: 'a.txt' } });
    expect(created.status, created.text).to.equal(201);
    for (const path of [`/me/drive/items/${created.json.id}`, `/drives/${SIGNED_IN_USER_ID}/items/${created.json.id}`]) {
      const read = await call(v1, 'GET', path);
      expect(read.status, path).to.equal(200);
      expect(read.json).to.include({ name: 'a.txt' });
    }
    expect((await call(v1, 'GET', `/drives/another-drive/items/${created.json.id}`)).status).to.equal(404);
  });

  it('different objects documented on one page stay apart (a category axis is not the value axis)', async function () {
    const { json: widget } = await createWidget();
    expect((await call(v1, 'PATCH', `/widgets/${widget.id}/axes/categoryAxis/format`, { body: { color: 'red' } })).status).to.equal(200);
    expect((await call(v1, 'GET', `/widgets/${widget.id}/axes/categoryAxis/format`)).json).to.include({ color: 'red' });
    expect((await call(v1, 'GET', `/widgets/${widget.id}/axes/valueAxis/format`)).status).to.equal(404);
  });

  it('list: Graph\'s envelope, @odata.nextLink paging that reaches every item once, $count', async function () {
    const fresh = await startProvider({ catalog, pageSize: 2 });
    try {
      const base = `${fresh.url}/v1.0`;
      for (const name of ['a', 'b', 'c', 'd', 'e']) await call(base, 'POST', '/widgets', { body: { displayName: name } });
      const seen: string[] = [];
      let reply = await call(base, 'GET', '/widgets?$count=true');
      expect(reply.json['@odata.context']).to.equal(`${base}/$metadata#widgets`);
      expect(reply.json['@odata.count']).to.equal(5);
      for (;;) {
        seen.push(...reply.json.value.map((w: { displayName: string }) => w.displayName));
        const next = reply.json['@odata.nextLink'];
        if (!next) break;
        expect(next.startsWith(`${base}/widgets?`)).to.equal(true);
        reply = await call('', 'GET', next);
        expect(reply.status).to.equal(200);
      }
      expect(seen).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    } finally {
      await fresh.close();
    }
  });

  it('/$count after a list path answers the number of items as text/plain, $filter applied; other options are 400', async function () {
    const fresh = await startProvider({ catalog });
    try {
      const base = `${fresh.url}/v1.0`;
      for (const color of ['red', 'red', 'blue']) await call(base, 'POST', '/widgets', { body: { displayName: 'w', color } });
      const all = await call(base, 'GET', '/widgets/$count');
      expect([all.status, all.text]).to.deep.equal([200, '3']);
      expect(all.headers['content-type']).to.match(/^text\/plain/);
      const red = await call(base, 'GET', `/widgets/$count?${new URLSearchParams("$filter=color eq 'red'")}`);
      expect([red.status, red.text]).to.deep.equal([200, '2']);
      const { json: widget } = await call(base, 'POST', '/widgets', { body: { displayName: 'w' } });
      await call(base, 'POST', `/widgets/${widget.id}/parts`, { body: { label: 'a' } });
      expect((await call(base, 'GET', `/widgets/${widget.id}/parts/$count`)).text).to.equal('1');
      const topped = await call(base, 'GET', '/widgets/$count?$top=1');
      expect(topped.status).to.equal(400);
      expect(topped.json.error.message).to.include('$top').and.include('supported here: $filter');
      expect((await call(base, 'GET', '/widgets/no-such-widget/parts/$count')).status).to.equal(404);
      // Only a list counts: an entity or an action path followed by /$count is not a resource.
      expect((await call(base, 'GET', `/widgets/${widget.id}/$count`)).status).to.equal(400);
    } finally {
      await fresh.close();
    }
  });

  it('$count on a list whose page documents ConsistencyLevel needs ConsistencyLevel: eventual (400 Request_BadRequest without)', async function () {
    const eventual = { headers: { ConsistencyLevel: 'eventual' } };
    const bare = await call(v1, 'GET', '/users/$count');
    expect(bare.status).to.equal(400);
    expect(bare.json.error.code).to.equal('Request_BadRequest');
    expect(bare.json.error.message).to.include('ConsistencyLevel: eventual');
    expect((await call(v1, 'GET', '/users/$count', { headers: { ConsistencyLevel: 'session' } })).status).to.equal(400);
    expect((await call(v1, 'GET', '/users?$count=true')).status).to.equal(400);
    const counted = await call(v1, 'GET', '/users/$count', eventual);
    expect(counted.status).to.equal(200);
    const listed = await call(v1, 'GET', '/users?$count=true', eventual);
    expect(listed.json['@odata.count']).to.equal(Number(counted.text)).and.be.above(0);
    // Without $count the header is not needed; lists that do not document it count without it.
    expect((await call(v1, 'GET', '/users')).status).to.equal(200);
    expect((await call(v1, 'GET', '/widgets/$count')).status).to.equal(200);
  });

  it('$filter (eq, ne, startswith, and/or), $orderby, $select, $top, $skip through the OData parser', async function () {
    const fresh = await startProvider({ catalog });
    try {
      const base = `${fresh.url}/v1.0`;
      for (const [displayName, size, color] of [['alpha', 1, 'red'], ['beta', 2, 'blue'], ['alps', 3, 'red'], ["o'neil", 4, 'green']] as const) {
        await call(base, 'POST', '/widgets', { body: { displayName, size, color } });
      }
      const names = async (query: string) => {
        const reply = await call(base, 'GET', `/widgets?${new URLSearchParams(query)}`);
        expect(reply.status, `${query}: ${reply.text}`).to.equal(200);
        return reply.json.value.map((w: { displayName: string }) => w.displayName);
      };
      expect(await names("$filter=color eq 'red'")).to.deep.equal(['alpha', 'alps']);
      expect(await names("$filter=color ne 'red'")).to.deep.equal(['beta', "o'neil"]);
      expect(await names("$filter=startswith(displayName,'AL')")).to.deep.equal(['alpha', 'alps']);
      expect(await names("$filter=startswith(displayName,'al') and size gt 1")).to.deep.equal(['alps']);
      expect(await names("$filter=(color eq 'blue' or displayName eq 'o''neil')")).to.deep.equal(['beta', "o'neil"]);
      expect(await names('$orderby=size desc&$top=2')).to.deep.equal(["o'neil", 'alps']);
      expect(await names('$orderby=displayName&$skip=1&$top=2')).to.deep.equal(['alps', 'beta']);
      const selected = await call(base, 'GET', `/widgets?${new URLSearchParams('$select=displayName&$top=1')}`);
      expect(Object.keys(selected.json.value[0])).to.deep.equal(['displayName']);
    } finally {
      await fresh.close();
    }
  });

  it('query options it cannot evaluate are Graph\'s 400, never silently ignored', async function () {
    for (const query of ['$filter=contains(displayName,\'a\')', '$filter=displayName eq', '$expand=owner', '$expand=parts($select=label)', '$expand=*', '$search="a"', '$top=0', '$top=1000', '$orderby=', '$filter=size eq color', '$count=maybe']) {
      const reply = await call(v1, 'GET', `/widgets?${new URLSearchParams(query)}`);
      expect(reply.status, query).to.equal(400);
      expect(reply.json.error.code, query).to.equal('BadRequest');
    }
  });

  it('$expand of a contained collection on get and list: the items below each entity, not stored into it', async function () {
    const fresh = await startProvider({ catalog });
    try {
      const base = `${fresh.url}/v1.0`;
      const { json: a } = await call(base, 'POST', '/widgets', { body: { displayName: 'a' } });
      const { json: b } = await call(base, 'POST', '/widgets', { body: { displayName: 'b' } });
      const { json: axle } = await call(base, 'POST', `/widgets/${a.id}/parts`, { body: { label: 'axle' } });
      const one = await call(base, 'GET', `/widgets/${a.id}?$expand=parts&$select=displayName`);
      expect(one.status, one.text).to.equal(200);
      const { '@odata.context': _context, ...storedAxle } = axle;
      expect(one.json).to.deep.include({ displayName: 'a', parts: [storedAxle] });
      expect(one.json).to.not.have.property('size');
      const listed = await call(base, 'GET', '/widgets?$expand=parts');
      expect(listed.json.value.map((w: { displayName: string; parts: unknown[] }) => [w.displayName, w.parts.length])).to.deep.equal([['a', 1], ['b', 0]]);
      expect((await call(base, 'GET', `/widgets/${b.id}`)).json).to.not.have.property('parts');
      const unknown = await call(base, 'GET', `/widgets/${a.id}?$expand=owner`);
      expect(unknown.status).to.equal(400);
      expect(unknown.json.error.message).to.include("Could not expand 'owner'");
    } finally {
      await fresh.close();
    }
  });

  it('an action answers its documented example response (context rewritten to this service) after validating the body', async function () {
    const { json: widget } = await createWidget();
    const polished = await call(v1, 'POST', `/widgets/${widget.id}/polish`, { body: { intensity: 2 } });
    expect(polished.status).to.equal(200);
    expect(polished.json).to.deep.equal({ '@odata.context': `${v1}/$metadata#microsoft.graph.polishResult`, shine: 'high' });
    expect((await call(v1, 'POST', `/widgets/${widget.id}/polish`, { body: { intensity: 'hard' } })).status).to.equal(400);
    expect((await call(v1, 'POST', '/widgets/missing/polish', { body: { intensity: 2 } })).status).to.equal(404);
  });

  it('an example that does not match its response schema is not served: 501 naming the problem', async function () {
    const { json: widget } = await createWidget();
    const broken = await call(v1, 'POST', `/widgets/${widget.id}/break`);
    expect(broken.status).to.equal(501);
    expect(broken.json.error.message).to.include('shine');
  });

  it('an action documented to return only a status answers that status without a body', async function () {
    const { json: widget } = await createWidget();
    const reset = await call(v1, 'POST', `/widgets/${widget.id}/reset`);
    expect([reset.status, reset.text]).to.deep.equal([200, '']);
  });

  it('a long-running action (202 Accepted) answers 202 without a body, with its documented Location on this service', async function () {
    const { json: widget } = await createWidget();
    const archived = await call(v1, 'POST', `/widgets/${widget.id}/archive`);
    expect([archived.status, archived.text]).to.deep.equal([202, '']);
    expect(archived.headers.location).to.equal(`${v1}/widgets(123)/operations(456)`);
  });

  it('an action is served from the examples of its own method (another step that uploads bytes does not make it binary)', async function () {
    const { json: widget } = await createWidget();
    const opened = await call(v1, 'POST', `/widgets/${widget.id}/openSession`, { body: {} });
    expect([opened.status, opened.json]).to.deep.equal([200, { shine: 'session' }]);
  });

  it('a body documented as a JSON array of commands: each must be an object, then the documented status (nothing stored)', async function () {
    const { json: note } = await call(v1, 'POST', '/me/notes', { body: { text: 'n' } });
    const patched = await call(v1, 'PATCH', `/me/notes/${note.id}/content`, { body: [{ target: 'body', action: 'append', content: '<p>x</p>' }] });
    expect([patched.status, patched.text]).to.deep.equal([204, '']);
    for (const body of [{ action: 'append' }, [], ['append'], [[{}]]]) {
      const refused = await call(v1, 'PATCH', `/me/notes/${note.id}/content`, { body });
      expect(refused.status, JSON.stringify(body)).to.equal(400);
      expect(refused.json.error.message, JSON.stringify(body)).to.match(/JSON array|JSON object/);
    }
    // An object body elsewhere is still required to be an object.
    expect((await call(v1, 'PATCH', '/me/settings', { body: [{ theme: 'x' }] })).status).to.equal(400);
  });

  it('a function matches whatever its arguments and answers its example', async function () {
    const reply = await call(v1, 'GET', "/widgets/countAll(kind='small')");
    expect(reply.status).to.equal(200);
    expect(reply.json).to.deep.equal({ shine: 'dull' });
  });

  it('a single-valued object: get answers the documented example until PATCH changes it (200 with it, as documented)', async function () {
    const before = await call(v1, 'GET', '/me/settings');
    expect(before.json).to.include({ theme: 'dark' });
    const patched = await call(v1, 'PATCH', '/me/settings', { body: { theme: 'light' } });
    expect(patched.status).to.equal(200);
    expect(patched.json).to.include({ theme: 'light' });
    expect((await call(v1, 'GET', '/me/settings')).json).to.include({ theme: 'light' });
  });

  it('binary content is not emulated: 501 saying why; unknown paths 400; wrong methods 405', async function () {
    const { json: widget } = await createWidget();
    const photo = await call(v1, 'GET', `/widgets/${widget.id}/photo/$value`);
    expect(photo.status).to.equal(501);
    expect(photo.json.error.message).to.include('binary');
    const upload = await call(v1, 'PUT', `/widgets/${widget.id}/blob`, { raw: 'bytes', headers: { 'content-type': 'application/octet-stream' } });
    expect(upload.status).to.equal(501);
    expect(upload.json.error.message).to.include('binary request body');

    expect((await call(v1, 'GET', '/gizmos')).status).to.equal(400);
    const wrong = await call(v1, 'PUT', '/widgets');
    expect(wrong.status).to.equal(405);
    expect(wrong.headers.allow).to.include('POST');
  });

  it('the seed routes still specialise it: sideLoadingKeys and applications answer as before, beside the emulated routes', async function () {
    const created = await call(`${provider.url}/beta`, 'POST', '/deviceAppManagement/sideLoadingKeys', { body: { value: 'ABCDE-FGHIJ', displayName: 'k', totalActivation: 1 } });
    expect(created.status).to.equal(201);
    expect(provider.state.sideLoadingKeys.has(created.json.id)).to.equal(true);
  });

  it('reports what it routes, by kind, and what it does not serve and why', function () {
    expect(provider.emulator?.served).to.include({ create: 11, list: 7, update: 7, delete: 1, action: 5, function: 1 });
    expect(provider.emulator?.notServed).to.deep.equal({
      'binary content (a media stream, not JSON)': 1,
      'binary request body (an upload of bytes, not JSON)': 1,
    });
  });
});
