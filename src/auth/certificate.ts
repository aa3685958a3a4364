/**
 * A client certificate for MSAL from one PEM file (certificate + private key, the format
 * AZURE_CLIENT_CERTIFICATE_PATH takes): the SHA-256 (and SHA-1) thumbprint of the certificate, the
 * private key as PKCS#8 PEM, and the certificate chain for the x5c header. Problems name the file and line.
 */
import { readFile } from 'node:fs/promises';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { registerSecret } from '../util/redact.js';
import { AuthConfigError } from './options.js';
import { errorCode } from '../util/fs.js';

export interface ClientCertificate {
  /** Hex SHA-256 thumbprint of the certificate (what MSAL's thumbprintSha256 takes). */
  thumbprintSha256: string;
  /** Hex SHA-1 thumbprint (for display; Entra ID shows it). */
  thumbprintSha1: string;
  /** PKCS#8 PEM private key: a secret, registered for redaction. */
  privateKey: string;
  /** The certificate PEM block(s), for the x5c header (subject name + issuer authentication). */
  x5c: string;
  subject: string;
  notAfter: Date;
}

interface PemBlock {
  label: string;
  text: string;
  line: number;
}

/** PEM blocks of a text, with the 1-based line each starts on. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ label: m[1], text: m[0], line: text.slice(0, m.index).split('\n').length });
  }
  return blocks;
}

export async function loadClientCertificate(file: string, now = new Date()): Promise<ClientCertificate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AuthConfigError(`${file}: cannot read the client certificate (${errorCode(err)})`);
  }
  return clientCertificateFromPem(text, file, now);
}

/** Pure: parses and checks the PEM text; `file` is only for messages. */
export function clientCertificateFromPem(text: string, file: string, now = new Date()): ClientCertificate {
  const blocks = pemBlocks(text);
  for (const b of blocks) if (b.label.endsWith('PRIVATE KEY')) registerSecret(b.text);
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE');
  const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
  if (certs.length === 0) throw new AuthConfigError(`${file}:1: no "BEGIN CERTIFICATE" block (the PEM must hold the certificate and its private key)`);
  if (keys.length === 0) throw new AuthConfigError(`${file}:1: no private key block (the PEM must hold the certificate and its private key)`);
  const keyBlock = keys[0];
  if (keyBlock.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.text)) {
    throw new AuthConfigError(`${file}:${keyBlock.line}: the private key is encrypted; export it without a passphrase for the CI secret`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certs[0].text);
  } catch (err) {
    throw new AuthConfigError(`${file}:${certs[0].line}: the certificate cannot be read (${(err as Error).message})`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyBlock.text);
  } catch (err) {
    throw new AuthConfigError(`${file}:${keyBlock.line}: the private key cannot be read (${(err as Error).message})`);
  }
  if (!cert.checkPrivateKey(key)) throw new AuthConfigError(`${file}:${keyBlock.line}: the private key does not belong to the certificate at line ${certs[0].line}`);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < now.getTime()) throw new AuthConfigError(`${file}:${certs[0].line}: the certificate expired on ${notAfter.toISOString()}`);
  const privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  registerSecret(privateKey);
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    thumbprintSha1: cert.fingerprint.replace(/:/g, '').toLowerCase(),
    privateKey,
    x5c: certs.map((c) => c.text).join('\n'),
    subject: cert.subject,
    notAfter,
  };
}
