/** addKey / removeKey over real HTTP: the full flow with real certificates and proofs, and every refusal. */
import { expect } from 'chai';
import { makePfx, makeSelfSignedCertificate, type SelfSignedCertificate } from '../../src/credentials/index.js';
import { applicationWithCertificate, call, expectEnvelope, proofFor, useProvider } from './helpers.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('provider: addKey / removeKey', function () {
  const p = useProvider();
  let app: { id: string; appId: string; cert: SelfSignedCertificate };
  let newCert: SelfSignedCertificate;
  let stranger: SelfSignedCertificate;

  before(async function () {
    app = await applicationWithCertificate(p.beta, 'graphpact-test addKey');
    [newCert, stranger] = await Promise.all([makeSelfSignedCertificate({ subject: 'CN=graphpact-new' }), makeSelfSignedCertificate({ subject: 'CN=stranger' })]);
  });

  const addKeyBody = async (overrides: Record<string, unknown> = {}) => ({
    keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: newCert.certDerBase64 },
    passwordCredential: null,
    proof: await proofFor(app),
    ...overrides,
  });

  describe('the full flow', function () {
    it('adds an AsymmetricX509Cert key, signs with it, adds an X509CertAndPassword key, removes both', async function () {
      const flowApp = await applicationWithCertificate(p.beta, 'graphpact-test flow');
      const verifyCert = await makeSelfSignedCertificate({ subject: 'CN=graphpact-verify' });
      const added = await call(p.beta, 'POST', `/applications/${flowApp.id}/addKey`, {
        body: { keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: verifyCert.certDerBase64, displayName: 'rotated' }, passwordCredential: null, proof: await proofFor(flowApp) },
      });
      expect(added.status, added.text).to.equal(200);
      expect(added.json['@odata.context']).to.equal(`${p.beta}/$metadata#microsoft.graph.keyCredential`);
      expect(added.json.keyId).to.match(GUID);
      expect(added.json).to.deep.include({
        customKeyIdentifier: verifyCert.thumbprintBase64,
        startDateTime: verifyCert.notBefore.toISOString().replace('.000Z', 'Z'),
        endDateTime: verifyCert.notAfter.toISOString().replace('.000Z', 'Z'),
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
        displayName: 'rotated',
        key: null,
      });

      // The new certificate is now one of the application's: a proof signed with it is accepted.
      const signCert = await makeSelfSignedCertificate({ subject: 'CN=graphpact-sign' });
      const withPassword = await call(p.beta, 'POST', `/applications/${flowApp.id}/addKey`, {
        body: {
          keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: signCert.certDerBase64 },
          passwordCredential: { secretText: 'a-long-enough-password-123' },
          proof: await proofFor({ id: flowApp.id, cert: verifyCert }, { audience: '00000003-0000-0000-c000-000000000000' }),
        },
      });
      expect(withPassword.status, withPassword.text).to.equal(200);
      expect(withPassword.json).to.deep.include({ type: 'X509CertAndPassword', usage: 'Sign', displayName: 'CN=graphpact-sign', key: null });
      expect(withPassword.text).not.to.include('a-long-enough-password-123');

      let read = (await call(p.beta, 'GET', `/applications/${flowApp.id}`)).json;
      expect(read.keyCredentials.map((k: { keyId: string }) => k.keyId)).to.include.members([added.json.keyId, withPassword.json.keyId]);
      expect(read.keyCredentials).to.have.length(3);

      for (const keyId of [added.json.keyId, withPassword.json.keyId]) {
        const removed = await call(p.beta, 'POST', `/applications/${flowApp.id}/removeKey`, { body: { keyId, proof: await proofFor(flowApp) } });
        expect(removed.status, removed.text).to.equal(204);
        expect(removed.text).to.equal('');
      }
      read = (await call(p.beta, 'GET', `/applications/${flowApp.id}`)).json;
      expect(read.keyCredentials).to.have.length(1);
      expect(read.keyCredentials[0].customKeyIdentifier).to.equal(flowApp.cert.thumbprintBase64);
    });

    it('refuses the same certificate twice for the same usage', async function () {
      const dupApp = await applicationWithCertificate(p.beta, 'graphpact-test duplicate');
      const body = async () => ({ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: newCert.certDerBase64 }, proof: await proofFor(dupApp) });
      expect((await call(p.beta, 'POST', `/applications/${dupApp.id}/addKey`, { body: await body() })).status).to.equal(200);
      expectEnvelope(await call(p.beta, 'POST', `/applications/${dupApp.id}/addKey`, { body: await body() }), 400, 'Request_BadRequest');
    });
  });

  describe('proofs that must fail with 401 Authentication_MissingOrMalformed', function () {
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['signed by a key that is not the application\'s', () => proofFor({ id: app.id, cert: stranger })],
      ['wrong audience', () => proofFor(app, { audience: 'https://graph.microsoft.com' })],
      ['issuer is the appId, not the object id', () => proofFor({ id: app.appId, cert: app.cert })],
      ['expired', () => proofFor(app, { notBefore: new Date(Date.now() - 60 * 60_000) })],
      ['lifetime over 10 minutes', () => proofFor(app, { lifetimeSeconds: 3600 })],
      ['alg none', () => proofFor(app, { alg: 'none' })],
      ['missing', async () => undefined],
      ['not a JWT', async () => 'Proof value'],
    ];
    for (const [name, makeProof] of cases) {
      it(name, async function () {
        const body = await addKeyBody({ proof: await makeProof() });
        if (body.proof === undefined) delete (body as Record<string, unknown>).proof;
        const reply = await call(p.beta, 'POST', `/applications/${app.id}/addKey`, { body });
        expectEnvelope(reply, 401, 'Authentication_MissingOrMalformed');
        const removeReply = await call(p.beta, 'POST', `/applications/${app.id}/removeKey`, { body: { keyId: '00000000-0000-0000-0000-000000000001', proof: body.proof } });
        expectEnvelope(removeReply, 401, 'Authentication_MissingOrMalformed');
      });
    }

    it('and the application keeps only its original key', async function () {
      const read = (await call(p.beta, 'GET', `/applications/${app.id}`)).json;
      expect(read.keyCredentials).to.have.length(1);
    });
  });

  describe('other refusals', function () {
    it('404 Request_ResourceNotFound for an unknown application', async function () {
      const unknownId = '11111111-2222-3333-4444-555555555555';
      expectEnvelope(await call(p.beta, 'POST', `/applications/${unknownId}/addKey`, { body: await addKeyBody() }), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(p.beta, 'POST', `/applications/${unknownId}/removeKey`, { body: { keyId: unknownId, proof: 'x' } }), 404, 'Request_ResourceNotFound');
    });

    it('400 Request_BadRequest for invalid bodies', async function () {
      const pwd = { secretText: 'a-long-enough-password-123' };
      // Each case with the reason it must be refused for: a body refused for another reason would not test its case.
      const invalid: Array<[Record<string, unknown>, RegExp]> = [
        [{ extra: true }, /^Property 'extra' is not a parameter of this action/],
        [{ keyCredential: undefined }, /^Property 'keyCredential' is required: an object\.$/],
        [{ keyCredential: 'MIIC...' }, /^Property 'keyCredential' is required: an object\.$/],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Sign', key: newCert.certDerBase64 } }, /^keyCredential\.usage must be Verify for a key of type AsymmetricX509Cert\.$/],
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Verify', key: newCert.certDerBase64 }, passwordCredential: pwd }, /^keyCredential\.usage must be Sign for a key of type X509CertAndPassword\.$/],
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: newCert.certDerBase64 }, passwordCredential: null }, /^passwordCredential with secretText is required/],
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: newCert.certDerBase64 }, passwordCredential: { displayName: 'no secret' } }, /^passwordCredential\.secretText is required/],
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: newCert.certDerBase64 }, passwordCredential: { secretText: 'x', colour: 1 } }, /^passwordCredential: Property 'colour' is not a documented property/],
        [{ passwordCredential: pwd }, /^passwordCredential must be null for a key of type AsymmetricX509Cert\.$/],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: Buffer.from('garbage').toString('base64') } }, /^keyCredential\.key: key is not a valid X\.509 certificate\.$/],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify' } }, /^keyCredential\.key is required/],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: newCert.certDerBase64, keyId: 'not-a-guid' } }, /^keyCredential: Property 'keyId' must be a valid uuid\.$/],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: newCert.certDerBase64, surprise: 1 } }, /^keyCredential: Property 'surprise' is not a documented property/],
      ];
      for (const [overrides, reason] of invalid) {
        const body = await addKeyBody(overrides);
        for (const [k, v] of Object.entries(body)) if (v === undefined) delete (body as Record<string, unknown>)[k];
        const reply = await call(p.beta, 'POST', `/applications/${app.id}/addKey`, { body });
        expectEnvelope(reply, 400, 'Request_BadRequest');
        expect(reply.json.error.message, JSON.stringify(overrides)).to.match(reason);
      }
      for (const body of [{ proof: await proofFor(app) }, { keyId: 'nope', proof: await proofFor(app) }, { keyId: '00000000-0000-0000-0000-000000000001', proof: await proofFor(app), extra: 1 }]) {
        expectEnvelope(await call(p.beta, 'POST', `/applications/${app.id}/removeKey`, { body }), 400, 'Request_BadRequest');
      }
    });

    it('X509CertAndPassword with the PFX Graph documents: opened by secretText, refused otherwise', async function () {
      const password = 'pfx-password-for-the-test-1';
      const pfx = makePfx(newCert, password);
      const ok = await call(p.beta, 'POST', `/applications/${app.id}/addKey`, {
        body: await addKeyBody({ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: pfx }, passwordCredential: { secretText: password } }),
      });
      expect(ok.status, ok.text).to.equal(200);
      expect(ok.json).to.deep.include({ customKeyIdentifier: newCert.thumbprintBase64, displayName: 'CN=graphpact-new', type: 'X509CertAndPassword', key: null });
      expect(ok.text).not.to.include(password);

      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: pfx }, passwordCredential: { secretText: 'not-the-pfx-password' } }, 'keyCredential.key: passwordCredential.secretText does not open the PFX file.'],
        [{ keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: pfx }, passwordCredential: null }, 'keyCredential.key is a PFX file: passwordCredential.secretText must hold the password that opens it.'],
        [{ keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: pfx } }, 'keyCredential.key is a PFX file: only a key of type X509CertAndPassword carries one (with passwordCredential.secretText); AsymmetricX509Cert takes the certificate alone.'],
      ];
      for (const [overrides, reason] of refusals) {
        const reply = await call(p.beta, 'POST', `/applications/${app.id}/addKey`, { body: await addKeyBody(overrides) });
        expectEnvelope(reply, 400, 'Request_BadRequest');
        expect(reply.json.error.message).to.equal(reason);
        expect(reply.text).not.to.include('not-the-pfx-password');
      }
    });

    it('404 for removeKey of a keyId the application does not have', async function () {
      const reply = await call(p.beta, 'POST', `/applications/${app.id}/removeKey`, { body: { keyId: '00000000-0000-0000-0000-000000000001', proof: await proofFor(app) } });
      expectEnvelope(reply, 404, 'Request_ResourceNotFound');
    });

    it('never echoes a proof or a password in an error', async function () {
      const proof = await proofFor({ id: app.id, cert: stranger });
      const reply = await call(p.beta, 'POST', `/applications/${app.id}/addKey`, {
        body: { keyCredential: { type: 'X509CertAndPassword', usage: 'Sign', key: newCert.certDerBase64 }, passwordCredential: { secretText: 'top-secret-password-xyz' }, proof },
      });
      expect(reply.status).to.equal(401);
      expect(reply.text).not.to.include(proof.split('.')[2]);
      expect(reply.text).not.to.include('top-secret-password-xyz');
    });
  });
});
