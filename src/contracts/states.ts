/**
 * Provider states of the graphpact contracts: their names (exactly as written in contracts/*.json) and
 * the parameters each state handler must return. Interactions read these parameters through Pact's
 * `fromProviderState('${param}', example)`, so no real id, key, password or proof is ever written into
 * a contract: the contract holds a fake example, the verifier substitutes what the handler returned.
 *
 * Handlers (src/verify) set a state up through the Graph API itself (POST /applications, PATCH
 * keyCredentials with a self-signed certificate from src/credentials, proofs from `signProof`) and tear
 * it down with DELETE /applications/{id}, so they work against any Graph-compatible provider.
 */

export const STATES = {
  /**
   * An application exists whose keyCredentials hold one valid self-signed certificate (AsymmetricX509Cert,
   * usage Verify) and whose private key the handler keeps to sign proofs. Used by both addKey success
   * interactions and the invalid-proof one. Params: see ApplicationWithCertificateParams.
   */
  applicationWithCertificate: 'an application with a valid certificate exists',
  /** No application has the id the handler returns. Params: see NoApplicationParams. */
  noApplication: 'no application exists with the given id',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];

/** Parameter names, for `fromProviderState('${...}')` in interactions and for handlers' return values. */
export const PARAMS = {
  /** Object id (`id`, not `appId`) of the application: the `{id}` of /applications/{id}/addKey. */
  applicationId: 'applicationId',
  /** A valid proof: RS256 JWT signed with the registered certificate's private key, iss = applicationId, aud `00000002-0000-0000-c000-000000000000`, nbf..exp 10 minutes. */
  proof: 'proof',
  /**
   * A proof that must be refused: well-formed and unexpired, iss = applicationId, but signed with a key
   * that is NOT one of the application's certificates (only a provider that checks the signature says 401).
   */
  invalidProof: 'invalidProof',
  /** Base64 DER of a NEW self-signed certificate to add (keyCredential.key). */
  newKey: 'newKey',
  /** Base64 SHA-1 thumbprint of the new certificate (keyCredential.customKeyIdentifier). */
  newKeyThumbprint: 'newKeyThumbprint',
  /** ISO 8601 UTC validity of the new certificate (keyCredential.startDateTime / endDateTime). */
  newKeyStartDateTime: 'newKeyStartDateTime',
  newKeyEndDateTime: 'newKeyEndDateTime',
  /** The password protecting the key of an X509CertAndPassword credential (passwordCredential.secretText), 16+ characters. */
  newKeyPassword: 'newKeyPassword',
  /**
   * Base64 PKCS#12 (PFX) of the new certificate and its private key, encrypted with newKeyPassword: the
   * keyCredential.key of an X509CertAndPassword credential (Graph reference, addKey example 2). A secret.
   */
  newKeyPfx: 'newKeyPfx',
} as const;

export type ParamName = (typeof PARAMS)[keyof typeof PARAMS];

/** What the handler of `an application with a valid certificate exists` returns. */
export interface ApplicationWithCertificateParams {
  applicationId: string;
  proof: string;
  invalidProof: string;
  newKey: string;
  newKeyThumbprint: string;
  newKeyStartDateTime: string;
  newKeyEndDateTime: string;
  newKeyPassword: string;
  newKeyPfx: string;
}

/** What the handler of `no application exists with the given id` returns. */
export interface NoApplicationParams {
  /** A fresh GUID no application has (a handler may check GET /applications/{id} answers 404). */
  applicationId: string;
  /** A well-formed proof for that id (signed by a throw-away key), so the only thing wrong is the id. */
  proof: string;
}

/** Parameters each state must provide: a verifier can check a handler's result against this. */
export const STATE_PARAMS: Record<StateName, readonly ParamName[]> = {
  [STATES.applicationWithCertificate]: [
    PARAMS.applicationId,
    PARAMS.proof,
    PARAMS.invalidProof,
    PARAMS.newKey,
    PARAMS.newKeyThumbprint,
    PARAMS.newKeyStartDateTime,
    PARAMS.newKeyEndDateTime,
    PARAMS.newKeyPassword,
    PARAMS.newKeyPfx,
  ],
  [STATES.noApplication]: [PARAMS.applicationId, PARAMS.proof],
};

/** `${name}`: the Pact provider-state expression of a parameter. */
export function stateExpression(param: ParamName): string {
  return '${' + param + '}';
}

/** Names of the params a handler result lacks (empty when complete). */
export function missingStateParams(state: StateName, result: Record<string, unknown>): ParamName[] {
  return STATE_PARAMS[state].filter((p) => typeof result[p] !== 'string' || result[p] === '');
}

/**
 * A value the provider state supplies at verification time. In a contract it is written as its fake
 * `example` plus a ProviderState generator (`fromProviderState`); the consumer test sends the example.
 */
export class StateValue {
  constructor(
    readonly param: ParamName,
    readonly example: string,
  ) {}
}

/** Fake example values: shaped like the real thing, clearly not a secret (the real ones come from provider states). */
export const FAKE = {
  /** Proofs, passwords and private keys are secrets: their example is the redaction marker itself, so a contract never shows one. */
  secret: '[REDACTED]',
  /**
   * A secret in a base64 (Edm.Binary) field, such as a PFX: the marker base64-encoded (it decodes to
   * `[REDACTED]`), so the example still validates against the schema (PactFlow's comparator checks it).
   */
  secretBase64: 'W1JFREFDVEVEXQ==',
} as const;

export function fromState(param: ParamName, example: string): StateValue {
  return new StateValue(param, example);
}
