import { expect } from 'chai';
import forge from 'node-forge';
import { certificateFromPfx, isPfx, makePfx, makeSelfSignedCertificate, PfxError, readCertificate, type SelfSignedCertificate } from '../../src/credentials/index.js';

describe('credentials: PFX (X509CertAndPassword keys)', function () {
  this.timeout(20_000);
  let cert: SelfSignedCertificate;
  let other: SelfSignedCertificate;
  before(async () => {
    [cert, other] = await Promise.all([makeSelfSignedCertificate({ subject: 'CN=pfx' }), makeSelfSignedCertificate({ subject: 'CN=other' })]);
  });

  it('makes a PFX that the password opens, giving back the same certificate', () => {
    const der = Buffer.from(makePfx(cert, 'the-password-123'), 'base64');
    expect(isPfx(der)).to.equal(true);
    expect(readCertificate(certificateFromPfx(der, 'the-password-123').toString('base64')).thumbprintBase64).to.equal(cert.thumbprintBase64);
  });

  it('tells a certificate from a PFX, and refuses a wrong password, garbage and a PFX without a key', () => {
    expect(isPfx(Buffer.from(cert.certDerBase64, 'base64'))).to.equal(false);
    expect(isPfx(Buffer.from('not der at all'))).to.equal(false);
    const der = Buffer.from(makePfx(cert, 'right-password'), 'base64');
    expect(() => certificateFromPfx(der, 'wrong-password')).to.throw(PfxError, 'the password does not open the PFX file').with.property('wrongPassword', true);
    expect(() => certificateFromPfx(Buffer.from(cert.certDerBase64, 'base64'), 'x')).to.throw(PfxError, 'key is not a PKCS#12 (PFX) file');
    const certOnly = forge.pkcs12.toPkcs12Asn1(null, [forge.pki.certificateFromPem(cert.certPem)], 'pw', { algorithm: 'aes256' });
    expect(() => certificateFromPfx(Buffer.from(forge.asn1.toDer(certOnly).getBytes(), 'binary'), 'pw')).to.throw(PfxError, 'holds no private key');
  });

  it('opens a PFX whose key is not encrypted (keyBag, as `openssl pkcs12 -keypbe NONE` writes)', () => {
    const plain = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(cert.privateKeyPem), [forge.pki.certificateFromPem(cert.certPem)], null, { algorithm: '3des' });
    const der = Buffer.from(forge.asn1.toDer(plain).getBytes(), 'binary');
    // forge writes a keyBag only for a PFX without password (its MAC then needs none); openssl writes one with a password.
    expect(readCertificate(certificateFromPfx(der, null as unknown as string).toString('base64')).thumbprintBase64).to.equal(cert.thumbprintBase64);
  });

  it("refuses a PFX whose private key is not its certificate's", () => {
    const mixed = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(other.privateKeyPem), [forge.pki.certificateFromPem(cert.certPem)], 'pw', { algorithm: 'aes256' });
    expect(() => certificateFromPfx(Buffer.from(forge.asn1.toDer(mixed).getBytes(), 'binary'), 'pw')).to.throw(PfxError, 'belongs to none of its certificates');
  });
});
