/**
 * PKCS#12 (PFX) files: the `key` of an X509CertAndPassword keyCredential is a PFX holding a certificate
 * and its private key, and `passwordCredential.secretText` is the password that opens it (Graph reference,
 * application/serviceprincipal addKey, example 2). node-forge does the PKCS#12 work: Node's crypto and
 * @peculiar/x509 read certificates but not PFX files.
 */
import forge from 'node-forge';
import type { SelfSignedCertificate } from './certificate.js';

/** Base64 PFX of `cert` and its private key, encrypted (AES-256) with `password`. A secret: never log it. */
export function makePfx(cert: Pick<SelfSignedCertificate, 'certPem' | 'privateKeyPem'>, password: string): string {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(cert.privateKeyPem),
    [forge.pki.certificateFromPem(cert.certPem)],
    password,
    { algorithm: 'aes256', generateLocalKeyId: true },
  );
  return forge.util.encode64(forge.asn1.toDer(asn1).getBytes());
}

/** True when the bytes are DER of a PKCS#12 PFX (`SEQUENCE { INTEGER 3, ContentInfo, ... }`), password unknown. */
export function isPfx(der: Buffer): boolean {
  try {
    const pfx = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
    const first = Array.isArray(pfx.value) ? pfx.value[0] : undefined;
    return pfx.tagClass === forge.asn1.Class.UNIVERSAL && pfx.type === forge.asn1.Type.SEQUENCE &&
      first !== undefined && first.type === forge.asn1.Type.INTEGER && first.value === '\u0003';
  } catch {
    return false;
  }
}

export class PfxError extends Error {
  constructor(message: string, readonly wrongPassword = false) {
    super(message);
  }
}

/**
 * Opens a PFX with `password` and returns the DER of its certificate (the one matching its private key
 * when there are several). Throws a one-line PfxError: not a PFX, wrong password, no certificate, no key.
 */
export function certificateFromPfx(der: Buffer, password: string): Buffer {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const message = (err as Error).message ?? '';
    // forge says "PKCS#12 MAC could not be verified. Invalid password?" (or fails to decrypt a bag).
    if (/mac|password|decrypt|invalid/i.test(message) && isPfx(der)) throw new PfxError('the password does not open the PFX file', true);
    throw new PfxError('key is not a PKCS#12 (PFX) file');
  }
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  // Keys come encrypted (pkcs8ShroudedKeyBag, the usual) or plain (keyBag, `openssl pkcs12 -keypbe NONE`).
  const keys = [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]
    .flatMap((bagType) => p12.getBags({ bagType })[bagType] ?? [])
    .flatMap((bag) => (bag.key ? [bag.key] : []));
  if (certs.length === 0) throw new PfxError('the PFX file holds no certificate');
  if (keys.length === 0) throw new PfxError('the PFX file holds no private key (X509CertAndPassword signs, so it needs one)');
  const key = keys[0] as forge.pki.rsa.PrivateKey;
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && key.n !== undefined && pub.n.equals(key.n);
  });
  if (!cert) throw new PfxError("the PFX file's private key belongs to none of its certificates");
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}
