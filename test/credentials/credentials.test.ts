import { expect } from 'chai';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  makeSelfSignedCertificate, readCertificate, signProof, verifyProof, type SelfSignedCertificate,
} from '../../src/credentials/index.js';

const APP_ID = '5b7a4f4c-1111-4d6e-9a55-0123456789ab';

describe('credentials', function () {
  let cert: SelfSignedCertificate;
  let other: SelfSignedCertificate;

  before(async function () {
    [cert, other] = await Promise.all([makeSelfSignedCertificate({ subject: 'CN=graphpact-a' }), makeSelfSignedCertificate()]);
  });

  describe('makeSelfSignedCertificate', function () {
    it('makes an RSA 2048 certificate Node can read, with the asked subject and dates', async function () {
      const notBefore = new Date('2026-01-01T00:00:00Z');
      const made = await makeSelfSignedCertificate({ subject: 'CN=dates', days: 10, notBefore });
      const parsed = new X509Certificate(Buffer.from(made.certDerBase64, 'base64'));
      expect(parsed.subject).to.equal('CN=dates');
      expect(new Date(parsed.validFrom).toISOString()).to.equal(notBefore.toISOString());
      expect(made.notAfter.toISOString()).to.equal('2026-01-11T00:00:00.000Z');
      expect(parsed.publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
      expect(made.certPem).to.match(/^-----BEGIN CERTIFICATE-----/);
      expect(createPrivateKey(made.privateKeyPem).asymmetricKeyType).to.equal('rsa');
      // Thumbprint = SHA-1 of DER, base64 (Graph's customKeyIdentifier).
      expect(Buffer.from(made.thumbprintBase64, 'base64').toString('hex').toUpperCase())
        .to.equal(parsed.fingerprint.replace(/:/g, ''));
    });

    it('readCertificate rejects non-certificates with a one-line message', function () {
      expect(() => readCertificate('not base64!')).to.throw('key is not base64');
      expect(() => readCertificate(Buffer.from('hello world').toString('base64'))).to.throw('not a valid X.509 certificate');
      expect(readCertificate(cert.certPem).thumbprintBase64).to.equal(cert.thumbprintBase64);
    });
  });

  describe('verifyProof', function () {
    const verify = (proof: unknown, certificates = [cert.certDerBase64]) =>
      verifyProof(proof, { certificates, applicationObjectId: APP_ID });

    it('accepts a valid proof (both audiences, CryptoKey and PEM keys)', async function () {
      expect(await verify(await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID }))).to.deep.equal({ ok: true });
      const newer = await signProof({ privateKey: cert.privateKeyPem, applicationObjectId: APP_ID, audience: '00000003-0000-0000-c000-000000000000' });
      expect(await verify(newer)).to.deep.equal({ ok: true });
    });

    it('accepts a proof signed by any one of several current certificates', async function () {
      const proof = await signProof({ privateKey: other.privateKey, applicationObjectId: APP_ID });
      expect(await verify(proof, [cert.certDerBase64, other.certDerBase64])).to.deep.equal({ ok: true });
      // The claims are judged by the certificate that signed, even when it is not the first.
      const wrongIssuer = await signProof({ privateKey: other.privateKey, applicationObjectId: '00000000-0000-0000-0000-000000000000' });
      expect(await verify(wrongIssuer, [cert.certDerBase64, other.certDerBase64]))
        .to.deep.equal({ ok: false, reason: 'proof issuer must be the application object id' });
    });

    it('rejects a proof signed by a key that is not the application\'s', async function () {
      const proof = await signProof({ privateKey: other.privateKey, applicationObjectId: APP_ID });
      const verdict = await verify(proof);
      expect(verdict).to.deep.equal({ ok: false, reason: 'proof is not signed by any current certificate of the application' });
    });

    it('rejects a proof whose certificate has expired', async function () {
      const old = await makeSelfSignedCertificate({ notBefore: new Date(Date.now() - 10 * 86_400_000), days: 1 });
      const proof = await signProof({ privateKey: old.privateKey, applicationObjectId: APP_ID });
      const verdict = await verify(proof, [old.certDerBase64]);
      expect(verdict.ok).to.equal(false);
      expect((verdict as { reason: string }).reason).to.match(/no current certificate/);
    });

    it('rejects a wrong audience', async function () {
      const proof = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, audience: 'https://graph.microsoft.com' });
      expect(await verify(proof)).to.deep.include({ ok: false }).and.to.have.property('reason').that.matches(/audience/);
    });

    it('rejects a wrong issuer (e.g. the appId instead of the object id)', async function () {
      const proof = await signProof({ privateKey: cert.privateKey, applicationObjectId: 'c0ffee00-0000-0000-0000-000000000000' });
      expect(await verify(proof)).to.have.property('reason').that.matches(/issuer/);
    });

    it('rejects an expired proof', async function () {
      const proof = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, notBefore: new Date(Date.now() - 30 * 60_000) });
      expect(await verify(proof)).to.deep.equal({ ok: false, reason: 'proof has expired' });
    });

    it('rejects a proof that lives more than 10 minutes', async function () {
      const proof = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, lifetimeSeconds: 601 });
      expect(await verify(proof)).to.have.property('reason').that.matches(/lifetime .* 601 s/);
    });

    it('allows small clock skew but not a proof from the future', async function () {
      const slightlyAhead = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, notBefore: new Date(Date.now() + 60_000) });
      expect(await verify(slightlyAhead)).to.deep.equal({ ok: true });
      const future = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, notBefore: new Date(Date.now() + 30 * 60_000) });
      expect(await verify(future)).to.have.property('reason').that.matches(/not yet valid/);
    });

    it('rejects alg none and HS256', async function () {
      const none = await signProof({ privateKey: cert.privateKey, applicationObjectId: APP_ID, alg: 'none' });
      expect(await verify(none)).to.have.property('reason').that.matches(/RS256 \(got alg "none"\)/);
      const hs = await new SignJWT({ aud: '00000002-0000-0000-c000-000000000000', iss: APP_ID })
        .setProtectedHeader({ alg: 'HS256' }).setNotBefore('0s').setExpirationTime('5m').sign(new Uint8Array(32));
      expect(await verify(hs)).to.have.property('reason').that.matches(/RS256/);
    });

    it('rejects a proof without nbf/exp, a missing proof and garbage', async function () {
      const noTimes = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setAudience('00000002-0000-0000-c000-000000000000')
        .setIssuer(APP_ID).sign(cert.privateKey);
      expect(await verify(noTimes)).to.have.property('reason').that.matches(/nbf|exp/);
      expect(await verify(undefined)).to.deep.equal({ ok: false, reason: 'proof is missing' });
      expect(await verify('abc.def')).to.deep.equal({ ok: false, reason: 'proof is not a JWT' });
    });

    it('never quotes the proof in its reason', async function () {
      const proof = await signProof({ privateKey: other.privateKey, applicationObjectId: APP_ID });
      const verdict = await verify(proof);
      expect(JSON.stringify(verdict)).not.to.include(proof.slice(0, 20));
    });
  });
});
