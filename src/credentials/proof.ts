/**
 * addKey/removeKey proofs, as Graph documents them: a JWT signed (RS256) by the private key of one of
 * the application's current certificates, `aud` the AAD Graph or Microsoft Graph app id, `iss` the
 * application's object id (its `id`, not its appId), and `nbf`/`exp` at most 10 minutes apart.
 */
import { createPrivateKey, createPublicKey, type KeyObject, type webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { readCertificate } from './certificate.js';

/** AAD Graph (older docs) and Microsoft Graph (newer docs) resource ids: both are accepted audiences. */
export const PROOF_AUDIENCES = ['00000002-0000-0000-c000-000000000000', '00000003-0000-0000-c000-000000000000'] as const;
export const DEFAULT_PROOF_AUDIENCE = PROOF_AUDIENCES[0];
/** Longest proof lifetime Graph accepts (exp - nbf), seconds. */
export const MAX_PROOF_LIFETIME_SECONDS = 600;
/** Clock skew tolerated on nbf/exp, seconds. */
export const PROOF_CLOCK_SKEW_SECONDS = 120;

export interface SignProofOptions {
  /** CryptoKey, Node KeyObject, or a PEM (PKCS#8 or PKCS#1) string. */
  privateKey: webcrypto.CryptoKey | KeyObject | string;
  applicationObjectId: string;
  audience?: string;
  /** exp - nbf in seconds, default 600. */
  lifetimeSeconds?: number;
  /** Default: now. */
  notBefore?: Date;
  /**
   * JWS algorithm, default RS256. `none` produces an unsigned token (for negative tests);
   * other RSA algorithms (RS384, PS256...) are signed as asked.
   */
  alg?: string;
}

export async function signProof(opts: SignProofOptions): Promise<string> {
  const alg = opts.alg ?? 'RS256';
  const nbf = Math.floor((opts.notBefore ?? new Date()).getTime() / 1000);
  const exp = nbf + (opts.lifetimeSeconds ?? MAX_PROOF_LIFETIME_SECONDS);
  const claims = { aud: opts.audience ?? DEFAULT_PROOF_AUDIENCE, iss: opts.applicationObjectId, nbf, exp };
  if (alg === 'none') return unsignedJwt(claims);
  const key = typeof opts.privateKey === 'string' ? createPrivateKey(opts.privateKey) : opts.privateKey;
  return new SignJWT({}).setProtectedHeader({ alg, typ: 'JWT' }).setAudience(claims.aud).setIssuer(claims.iss)
    .setNotBefore(nbf).setExpirationTime(exp).sign(key);
}

export interface VerifyProofOptions {
  /** The application's registered certificates, DER base64. Expired or not-yet-valid ones are ignored. */
  certificates: string[];
  applicationObjectId: string;
  now?: Date;
}

export type ProofVerdict = { ok: true } | { ok: false; reason: string };

/** Checks a proof. The reason never quotes the proof itself. */
export async function verifyProof(proof: unknown, opts: VerifyProofOptions): Promise<ProofVerdict> {
  if (typeof proof !== 'string' || proof.length === 0) return fail('proof is missing');
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(proof).alg;
  } catch {
    return fail('proof is not a JWT');
  }
  if (alg !== 'RS256') return fail(`proof must be signed with RS256 (got alg ${JSON.stringify(alg ?? null)})`);

  const now = opts.now ?? new Date();
  const keys = currentCertificateKeys(opts.certificates, now);
  if (keys.length === 0) return fail('the application has no current certificate to verify the proof with');
  // Each current certificate in turn. jose checks the signature before any claim, so a claim error
  // means this key signed the proof and decides the verdict; any other error means "not this key".
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(proof, key, {
        algorithms: ['RS256'],
        audience: [...PROOF_AUDIENCES],
        issuer: opts.applicationObjectId,
        requiredClaims: ['nbf', 'exp'],
        currentDate: now,
        clockTolerance: PROOF_CLOCK_SKEW_SECONDS,
      });
      const lifetime = (payload.exp as number) - (payload.nbf as number);
      if (lifetime > MAX_PROOF_LIFETIME_SECONDS) {
        return fail(`proof lifetime (exp - nbf) is ${lifetime} s, more than ${MAX_PROOF_LIFETIME_SECONDS} s`);
      }
      return { ok: true };
    } catch (err) {
      if (isClaimError(err)) return fail(claimFailure(err));
    }
  }
  return fail('proof is not signed by any current certificate of the application');
}

function currentCertificateKeys(certificates: string[], now: Date): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const base64 of certificates) {
    try {
      const cert = readCertificate(base64);
      if (cert.notBefore > now || cert.notAfter < now) continue;
      keys.push(createPublicKey({ key: cert.spki, format: 'der', type: 'spki' }));
    } catch {
      // A certificate we cannot read cannot have signed the proof.
    }
  }
  return keys;
}

function isClaimError(err: unknown): boolean {
  return err instanceof joseErrors.JWTClaimValidationFailed || err instanceof joseErrors.JWTExpired || err instanceof joseErrors.JWTInvalid;
}

function claimFailure(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'proof has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'aud': return `proof audience must be one of ${PROOF_AUDIENCES.join(', ')}`;
      case 'iss': return 'proof issuer must be the application object id';
      case 'nbf': return err.reason === 'missing' ? 'proof has no nbf claim' : 'proof is not yet valid (nbf in the future)';
      case 'exp': return 'proof has no exp claim';
      default: return `proof claim ${err.claim} is invalid (${err.reason})`;
    }
  }
  if (err instanceof joseErrors.JWTInvalid) return 'proof payload is not a valid JWT claims set';
  return 'proof could not be verified';
}

function fail(reason: string): ProofVerdict {
  return { ok: false, reason };
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
