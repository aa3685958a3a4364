/**
 * Key credentials of applications: how a submitted keyCredential (PATCH keyCredentials, addKey) becomes
 * a stored one, and how a stored one reads back. Pure functions; the certificate is parsed with
 * @peculiar/x509 (src/credentials), and what is wrong with it becomes a 400.
 */
import { randomUUID } from 'node:crypto';
import { readCertificate } from '../credentials/certificate.js';
import { certificateFromPfx, isPfx, PfxError } from '../credentials/pfx.js';
import { directoryBadRequest } from './errors.js';
import type { StoredKeyCredential } from './state.js';

/** Certificate key types and the usage each requires (Graph: addKey documentation). */
export const CERTIFICATE_KEY_USAGE: Record<string, string> = {
  AsymmetricX509Cert: 'Verify',
  X509CertAndPassword: 'Sign',
};

/**
 * A submitted keyCredential (already schema-validated) → stored credential. `key` is a base64 X.509
 * certificate, or for X509CertAndPassword the PFX Graph documents (certificate + private key), opened
 * with `pfxPassword` (passwordCredential.secretText). keyId, customKeyIdentifier, dates and displayName
 * default from the certificate.
 */
export function storeKeyCredential(input: Record<string, unknown>, where: string, pfxPassword?: string): StoredKeyCredential {
  const type = input.type;
  const usage = input.usage;
  if (typeof type !== 'string' || !(type in CERTIFICATE_KEY_USAGE)) {
    throw directoryBadRequest(`${where}.type must be one of ${Object.keys(CERTIFICATE_KEY_USAGE).join(', ')}.`);
  }
  if (usage !== CERTIFICATE_KEY_USAGE[type]) {
    throw directoryBadRequest(`${where}.usage must be ${CERTIFICATE_KEY_USAGE[type]} for a key of type ${type}.`);
  }
  if (typeof input.key !== 'string' || input.key === '') throw directoryBadRequest(`${where}.key is required: a base64 X.509 certificate.`);
  const certificate = pfxCertificate(input.key, type, where, pfxPassword) ?? input.key;
  let cert;
  try {
    cert = readCertificate(certificate);
  } catch (err) {
    throw directoryBadRequest(`${where}.key: ${(err as Error).message}.`);
  }
  return {
    keyId: typeof input.keyId === 'string' ? input.keyId : randomUUID(),
    customKeyIdentifier: typeof input.customKeyIdentifier === 'string' ? input.customKeyIdentifier : cert.thumbprintBase64,
    displayName: typeof input.displayName === 'string' ? input.displayName : cert.subject,
    startDateTime: typeof input.startDateTime === 'string' ? input.startDateTime : isoSeconds(cert.notBefore),
    endDateTime: typeof input.endDateTime === 'string' ? input.endDateTime : isoSeconds(cert.notAfter),
    type,
    usage,
    certificate: cert.der.toString('base64'),
  };
}

/** The certificate (base64 DER) inside `key` when it is a PFX; undefined when it is not one. */
function pfxCertificate(key: string, type: string, where: string, password: string | undefined): string | undefined {
  const der = Buffer.from(key.replace(/\s+/g, ''), 'base64');
  if (!isPfx(der)) return undefined;
  if (type !== 'X509CertAndPassword') {
    throw directoryBadRequest(`${where}.key is a PFX file: only a key of type X509CertAndPassword carries one (with passwordCredential.secretText); ${type} takes the certificate alone.`);
  }
  if (password === undefined) throw directoryBadRequest(`${where}.key is a PFX file: passwordCredential.secretText must hold the password that opens it.`);
  try {
    return certificateFromPfx(der, password).toString('base64');
  } catch (err) {
    if (err instanceof PfxError) throw directoryBadRequest(`${where}.key: ${err.wrongPassword ? 'passwordCredential.secretText does not open the PFX file' : err.message}.`);
    throw err;
  }
}

/** The keyCredential resource as Graph returns it: the key itself is never read back. */
export function keyCredentialResource(stored: StoredKeyCredential): Record<string, unknown> {
  return {
    customKeyIdentifier: stored.customKeyIdentifier,
    displayName: stored.displayName,
    endDateTime: stored.endDateTime,
    key: null,
    keyId: stored.keyId,
    startDateTime: stored.startDateTime,
    type: stored.type,
    usage: stored.usage,
  };
}

/** The directory writes date-times as `2026-01-01T00:00:00Z`: whole seconds, UTC. */
export function isoSeconds(date: Date): string {
  return date.toISOString().slice(0, 19) + 'Z';
}
