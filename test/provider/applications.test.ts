/** /applications over real HTTP: enough for fixtures (certificates via PATCH) and a cleanup sweeper. */
import { expect } from 'chai';
import { makeSelfSignedCertificate } from '../../src/credentials/index.js';
import { call, expectEnvelope, useProvider } from './helpers.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('provider: applications', function () {
  const p = useProvider();

  it('creates an application: 201, object id and appId, createdDateTime, empty credentials', async function () {
    const reply = await call(p.beta, 'POST', '/applications', { body: { displayName: 'graphpact-test create' } });
    expect(reply.status).to.equal(201);
    const app = reply.json;
    expect(app.id).to.match(GUID);
    expect(app.appId).to.match(GUID);
    expect(app.appId).not.to.equal(app.id);
    expect(app['@odata.context']).to.equal(`${p.beta}/$metadata#applications/$entity`);
    expect(app).to.deep.include({ displayName: 'graphpact-test create', keyCredentials: [], passwordCredentials: [], signInAudience: 'AzureADMyOrg' });
    expect(app.createdDateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(reply.headers.location).to.include(app.id);
    const read = await call(p.beta, 'GET', `/applications/${app.id}`);
    expect(read.json).to.deep.equal(app);
  });

  it('400 Request_BadRequest without displayName, for an unknown property or a wrong type', async function () {
    expectEnvelope(await call(p.beta, 'POST', '/applications', { body: {} }), 400, 'Request_BadRequest');
    const unknown = await call(p.beta, 'POST', '/applications', { body: { displayName: 'x', favouriteColour: 'blue' } });
    expectEnvelope(unknown, 400, 'Request_BadRequest');
    expect(unknown.json.error.message).to.include("'favouriteColour'");
    expectEnvelope(await call(p.beta, 'POST', '/applications', { body: { displayName: 7 } }), 400, 'Request_BadRequest');
  });

  it('PATCH keyCredentials with a certificate stores keyId, thumbprint and dates from the certificate, never the key', async function () {
    const cert = await makeSelfSignedCertificate({ subject: 'CN=graphpact-patch', notBefore: new Date('2026-01-01T00:00:00Z'), days: 400 });
    const app = (await call(p.beta, 'POST', '/applications', { body: { displayName: 'graphpact-test patch' } })).json;
    const patched = await call(p.beta, 'PATCH', `/applications/${app.id}`, {
      body: { displayName: 'graphpact-test patched', keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.certDerBase64 }] },
    });
    expect(patched.status).to.equal(204);
    expect(patched.text).to.equal('');
    const read = (await call(p.beta, 'GET', `/applications/${app.id}`)).json;
    expect(read.displayName).to.equal('graphpact-test patched');
    expect(read.keyCredentials).to.have.length(1);
    const [credential] = read.keyCredentials;
    expect(credential.keyId).to.match(GUID);
    expect(credential).to.deep.include({
      customKeyIdentifier: cert.thumbprintBase64,
      startDateTime: '2026-01-01T00:00:00Z',
      endDateTime: '2027-02-05T00:00:00Z',
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      key: null,
      displayName: 'CN=graphpact-patch',
    });
  });

  it('a rejected PATCH changes nothing: bad certificate, bad type/usage, unknown nested property', async function () {
    const cert = await makeSelfSignedCertificate();
    const app = (await call(p.beta, 'POST', '/applications', { body: { displayName: 'graphpact-test untouched' } })).json;
    const bad = [
      { type: 'AsymmetricX509Cert', usage: 'Verify', key: Buffer.from('not a certificate').toString('base64') },
      { type: 'AsymmetricX509Cert', usage: 'Verify', key: 'not base64 at all!' },
      { type: 'AsymmetricX509Cert', usage: 'Sign', key: cert.certDerBase64 },
      { type: 'Symmetric', usage: 'Verify', key: cert.certDerBase64 },
      { type: 'AsymmetricX509Cert', usage: 'Verify' },
      { type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.certDerBase64, colour: 'blue' },
      { type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.certDerBase64, endDateTime: 'tomorrow' },
    ];
    for (const credential of bad) {
      const reply = await call(p.beta, 'PATCH', `/applications/${app.id}`, { body: { displayName: 'changed', keyCredentials: [credential] } });
      expectEnvelope(reply, 400, 'Request_BadRequest');
    }
    const read = (await call(p.beta, 'GET', `/applications/${app.id}`)).json;
    expect(read).to.deep.include({ displayName: 'graphpact-test untouched', keyCredentials: [] });
  });

  it('lists with $filter startswith / eq (case-insensitive) and $top; unsupported filters are 400', async function () {
    for (const name of ['sweep-me one', 'Sweep-me two', 'keep me']) await call(p.beta, 'POST', '/applications', { body: { displayName: name } });
    const swept = await call(p.beta, 'GET', `/applications?$filter=${encodeURIComponent("startswith(displayName,'sweep-me')")}`);
    expect(swept.status).to.equal(200);
    expect(swept.json['@odata.context']).to.equal(`${p.beta}/$metadata#applications`);
    expect(swept.json.value.map((a: { displayName: string }) => a.displayName).sort()).to.deep.equal(['Sweep-me two', 'sweep-me one']);
    expect(swept.json.value[0].createdDateTime).to.be.a('string');
    const exact = await call(p.beta, 'GET', `/applications?$filter=${encodeURIComponent("displayName eq 'keep me'")}`);
    expect(exact.json.value).to.have.length(1);
    const top = await call(p.beta, 'GET', '/applications?$top=2');
    expect(top.json.value).to.have.length(2);
    expectEnvelope(await call(p.beta, 'GET', `/applications?$filter=${encodeURIComponent('endswith(displayName,\'x\')')}`), 400, 'Request_UnsupportedQuery');
    expectEnvelope(await call(p.beta, 'GET', `/applications?$filter=${encodeURIComponent("notes eq 'x'")}`), 400, 'Request_UnsupportedQuery');
    expectEnvelope(await call(p.beta, 'GET', '/applications?$top=0'), 400, 'Request_UnsupportedQuery');
  });

  it('deletes an application; unknown ids are 404 Request_ResourceNotFound', async function () {
    const app = (await call(p.beta, 'POST', '/applications', { body: { displayName: 'graphpact-test delete' } })).json;
    expect((await call(p.beta, 'DELETE', `/applications/${app.id}`)).status).to.equal(204);
    expectEnvelope(await call(p.beta, 'GET', `/applications/${app.id}`), 404, 'Request_ResourceNotFound');
    expectEnvelope(await call(p.beta, 'PATCH', `/applications/${app.id}`, { body: { displayName: 'x' } }), 404, 'Request_ResourceNotFound');
    expectEnvelope(await call(p.beta, 'DELETE', `/applications/${app.id}`), 404, 'Request_ResourceNotFound');
  });
});
