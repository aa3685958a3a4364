/** /deviceAppManagement/sideLoadingKeys over real HTTP, validated against the schemas built from the docs. */
import { expect } from 'chai';
import { call, expectEnvelope, useProvider } from './helpers.js';

const KEYS = '/deviceAppManagement/sideLoadingKeys';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sample = { '@odata.type': '#microsoft.graph.sideLoadingKey', value: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', displayName: 'graphpact-test key', description: 'd', totalActivation: 15 };

describe('provider: sideLoadingKeys', function () {
  const p = useProvider();

  it('creates a key: 201, GUID id, Location, @odata.context/@odata.type, every property echoed', async function () {
    const before = Date.now();
    const reply = await call(p.beta, 'POST', `${KEYS}/`, { body: { ...sample, id: 'client-chosen', lastUpdatedDateTime: 'client value' } });
    expect(reply.status).to.equal(201);
    const key = reply.json;
    expect(key.id).to.match(GUID);
    expect(reply.headers.location).to.equal(`${p.beta}${KEYS}/${key.id}`);
    expect(key['@odata.context']).to.equal(`${p.beta}/$metadata#deviceAppManagement/sideLoadingKeys/$entity`);
    expect(key['@odata.type']).to.equal('#microsoft.graph.sideLoadingKey');
    expect(key).to.include({ value: sample.value, displayName: sample.displayName, description: 'd', totalActivation: 15 });
    // Set by the server, whatever the client sent.
    expect(Date.parse(key.lastUpdatedDateTime)).to.be.within(before - 1000, Date.now() + 1000);
    expect(Object.keys(key).sort()).to.deep.equal(['@odata.context', '@odata.type', 'description', 'displayName', 'id', 'lastUpdatedDateTime', 'totalActivation', 'value']);
  });

  it('echoes properties the client left out as null', async function () {
    const key = (await call(p.beta, 'POST', KEYS, { body: { displayName: 'graphpact-test only name' } })).json;
    expect(key).to.include({ displayName: 'graphpact-test only name', value: null, description: null, totalActivation: null });
  });

  it('reads, lists and deletes a key', async function () {
    const created = (await call(p.beta, 'POST', KEYS, { body: sample })).json;
    const read = await call(p.beta, 'GET', `${KEYS}/${created.id}`);
    expect(read.status).to.equal(200);
    expect(read.json).to.deep.equal(created);
    const list = await call(p.beta, 'GET', KEYS);
    expect(list.json['@odata.context']).to.equal(`${p.beta}/$metadata#deviceAppManagement/sideLoadingKeys`);
    expect(list.json.value.map((k: { id: string }) => k.id)).to.include(created.id);
    const deleted = await call(p.beta, 'DELETE', `${KEYS}/${created.id}`);
    expect(deleted.status).to.equal(204);
    expect(deleted.text).to.equal('');
    expectEnvelope(await call(p.beta, 'GET', `${KEYS}/${created.id}`), 404, 'ResourceNotFound');
    expectEnvelope(await call(p.beta, 'DELETE', `${KEYS}/${created.id}`), 404, 'ResourceNotFound');
  });

  it('reads and deletes by a GUID id in upper case, as Graph does (GUID keys are case-insensitive)', async function () {
    const created = (await call(p.beta, 'POST', KEYS, { body: sample })).json;
    const read = await call(p.beta, 'GET', `${KEYS}/${created.id.toUpperCase()}`);
    expect(read.status).to.equal(200);
    expect(read.json.id).to.equal(created.id);
    expect((await call(p.beta, 'DELETE', `${KEYS}/${created.id.toUpperCase()}`)).status).to.equal(204);
    expectEnvelope(await call(p.beta, 'GET', `${KEYS}/${created.id}`), 404, 'ResourceNotFound');
  });

  it('matches path segments case-insensitively and serves v1.0 with the beta schema', async function () {
    const reply = await call(p.v1, 'POST', '/deviceappmanagement/SIDELOADINGKEYS', { body: sample });
    expect(reply.status).to.equal(201);
    expect(reply.json['@odata.context']).to.match(/\/v1\.0\/\$metadata#/);
    expectEnvelope(await call(p.v1, 'POST', KEYS, { body: { totalActivation: 'many' } }), 400, 'BadRequest');
  });

  it('400 for a property the docs do not define', async function () {
    const reply = await call(p.beta, 'POST', KEYS, { body: { ...sample, colour: 'blue' } });
    expectEnvelope(reply, 400, 'BadRequest');
    expect(reply.json.error.message).to.include("'colour'");
  });

  it('400 for a wrong type, naming the property', async function () {
    for (const [property, value] of [['totalActivation', '15'], ['totalActivation', 1.5], ['displayName', 42], ['value', { a: 1 }]] as const) {
      const reply = await call(p.beta, 'POST', KEYS, { body: { ...sample, [property]: value } });
      expectEnvelope(reply, 400, 'BadRequest');
      expect(reply.json.error.message).to.include(`'${property}'`);
    }
  });

  it('400 for an @odata.type that names another type', async function () {
    const reply = await call(p.beta, 'POST', KEYS, { body: { ...sample, '@odata.type': '#microsoft.graph.keyCredential' } });
    expectEnvelope(reply, 400, 'BadRequest');
  });

  it('loses nothing under 100 parallel creates: every id is readable afterwards', async function () {
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => call(p.beta, 'POST', KEYS, { body: { ...sample, displayName: `graphpact-test ${i}` } })));
    expect(replies.map((r) => r.status)).to.deep.equal(Array(100).fill(201));
    const ids = replies.map((r) => r.json.id as string);
    expect(new Set(ids).size).to.equal(100);
    const reads = await Promise.all(ids.map((id) => call(p.beta, 'GET', `${KEYS}/${id}`)));
    expect(reads.map((r) => r.status)).to.deep.equal(Array(100).fill(200));
    expect(reads.map((r) => r.json.displayName)).to.deep.equal(replies.map((r) => r.json.displayName));
  });
});
