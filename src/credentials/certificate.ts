/**
 * Self-signed X.509 certificates for tests and fixtures: the key material an application registers
 * (PATCH keyCredentials) and then uses to sign addKey/removeKey proofs. RSA 2048 / SHA-256 via
 * @peculiar/x509 on Node's webcrypto.
 */
import 'reflect-metadata'; // @peculiar/x509 (through tsyringe) needs the Reflect metadata polyfill, loaded first.
import { webcrypto, createHash, KeyObject, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const SIGNING_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export interface SelfSignedCertificate {
  /** DER bytes, base64: what Graph's keyCredential `key` carries. */
  certDerBase64: string;
  certPem: string;
  privateKey: CryptoKey;
  /** PKCS#8 PEM of the private key. A secret: never log or report it. */
  privateKeyPem: string;
  /** SHA-1 thumbprint, base64: Graph's `customKeyIdentifier`. */
  thumbprintBase64: string;
  notBefore: Date;
  notAfter: Date;
}

export interface SelfSignedOptions {
  /** Distinguished name, default `CN=graphpact-test`. */
  subject?: string;
  /** Validity in days from notBefore, default 365. */
  days?: number;
  /** Default: now minus one minute (tolerates small clock skew). Certificates carry whole seconds. */
  notBefore?: Date;
}

export async function makeSelfSignedCertificate(opts: SelfSignedOptions = {}): Promise<SelfSignedCertificate> {
  const days = opts.days ?? 365;
  if (!(days > 0)) throw new RangeError(`certificate validity must be positive (got ${days} days)`);
  const notBefore = wholeSeconds(opts.notBefore ?? new Date(Date.now() - 60_000));
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000);
  const keys = (await webcrypto.subtle.generateKey(
    { ...SIGNING_ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01' + randomBytes(15).toString('hex'),
    name: opts.subject ?? 'CN=graphpact-test',
    notBefore,
    notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const der = Buffer.from(cert.rawData);
  return {
    certDerBase64: der.toString('base64'),
    certPem: cert.toString('pem'),
    privateKey: keys.privateKey,
    privateKeyPem: KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string,
    thumbprintBase64: certificateThumbprint(der),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

/** What the provider needs from a registered certificate. */
export interface CertificateInfo {
  thumbprintBase64: string;
  notBefore: Date;
  notAfter: Date;
  subject: string;
}

/**
 * Reads a base64 DER (or PEM) X.509 certificate. Throws a one-line Error naming what is wrong
 * when the input is not a certificate.
 */
export function readCertificate(base64OrPem: string): CertificateInfo & { der: Buffer; spki: Buffer } {
  const der = certificateDer(base64OrPem);
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
  } catch {
    throw new Error('key is not a valid X.509 certificate');
  }
  return {
    der,
    spki: Buffer.from(cert.publicKey.rawData),
    thumbprintBase64: certificateThumbprint(der),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    subject: cert.subject,
  };
}

/** Graph's customKeyIdentifier: SHA-1 of the DER bytes, base64. */
export function certificateThumbprint(der: Uint8Array): string {
  return createHash('sha1').update(der).digest('base64');
}

function certificateDer(base64OrPem: string): Buffer {
  const text = base64OrPem.trim();
  const body = text.startsWith('-----BEGIN')
    ? text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
    : text.replace(/\s+/g, '');
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('key is not base64');
  return Buffer.from(body, 'base64');
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
