/**
 * POST /applications/{id}/addKey and /removeKey, as Graph documents them: a certificate key credential
 * plus a proof of possession (a JWT signed by one of the application's current certificates, see
 * src/credentials/proof.ts). Order of checks: unknown application 404, invalid body 400, bad proof 401.
 */
import { verifyProof } from '../../credentials/proof.js';
import type { Handler, RequestContext } from '../context.js';
import { GraphError, CODES, directoryBadRequest } from '../errors.js';
import { isPlainObject, withoutAnnotations } from '../annotations.js';
import { keyCredentialResource } from '../key-credentials.js';
import { success } from '../response.js';
import { GUID, type Route } from '../router.js';
import type { StoredApplication } from '../state.js';
import { findApplication, PASSWORD_CREDENTIAL_TYPE, submittedKeyCredential } from './applications.js';

const addKey: Handler = async (ctx) => {
  const app = findApplication(ctx);
  const body = onlyProperties(ctx.body ?? {}, ['keyCredential', 'passwordCredential', 'proof']);
  if (!isPlainObject(body.keyCredential)) throw directoryBadRequest("Property 'keyCredential' is required: an object.");
  const secretText = isPlainObject(body.passwordCredential) && typeof body.passwordCredential.secretText === 'string' ? body.passwordCredential.secretText : undefined;
  const stored = submittedKeyCredential(ctx, body.keyCredential, 'keyCredential', secretText);
  checkPasswordCredential(ctx, stored.type, body.passwordCredential);
  await checkProof(ctx, app, body.proof);

  // The proof check awaited: read the application again, it may have changed or gone meanwhile.
  const current = findApplication(ctx);
  if (current.keyCredentials.some((c) => c.customKeyIdentifier === stored.customKeyIdentifier && c.usage === stored.usage)) {
    throw directoryBadRequest(`The application already has a ${stored.usage} key with this certificate (customKeyIdentifier ${stored.customKeyIdentifier}).`);
  }
  current.keyCredentials.push(stored);
  return success(200, { '@odata.context': `${ctx.serviceRoot}/$metadata#microsoft.graph.keyCredential`, ...keyCredentialResource(stored) });
};

const removeKey: Handler = async (ctx) => {
  const app = findApplication(ctx);
  const body = onlyProperties(ctx.body ?? {}, ['keyId', 'proof']);
  if (typeof body.keyId !== 'string' || !GUID.test(body.keyId)) throw directoryBadRequest("Property 'keyId' is required: a GUID.");
  await checkProof(ctx, app, body.proof);
  const current = findApplication(ctx);
  const index = current.keyCredentials.findIndex((c) => c.keyId.toLowerCase() === (body.keyId as string).toLowerCase());
  if (index < 0) throw new GraphError(404, CODES.directoryNotFound, `The application has no key credential with keyId '${body.keyId}'.`);
  current.keyCredentials.splice(index, 1);
  return success(204);
};

/** Unknown top-level properties are 400, as for any action's parameters. */
function onlyProperties(body: Record<string, unknown>, allowed: string[]): Record<string, unknown> {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw directoryBadRequest(`Property '${unknown}' is not a parameter of this action (expected ${allowed.join(', ')}).`);
  return body;
}

/** X509CertAndPassword needs passwordCredential.secretText; other key types take null (or nothing). */
function checkPasswordCredential(ctx: RequestContext, keyType: string, passwordCredential: unknown): void {
  if (keyType !== 'X509CertAndPassword') {
    if (passwordCredential !== undefined && passwordCredential !== null) {
      throw directoryBadRequest(`passwordCredential must be null for a key of type ${keyType}.`);
    }
    return;
  }
  if (!isPlainObject(passwordCredential)) throw directoryBadRequest('passwordCredential with secretText is required for a key of type X509CertAndPassword.');
  const password = withoutAnnotations(passwordCredential, PASSWORD_CREDENTIAL_TYPE, 'passwordCredential');
  const problem = ctx.schemas.type(ctx.version, PASSWORD_CREDENTIAL_TYPE)?.validate(password);
  if (problem) throw directoryBadRequest(`passwordCredential: ${problem}`);
  if (typeof password.secretText !== 'string' || password.secretText === '') {
    throw directoryBadRequest('passwordCredential.secretText is required for a key of type X509CertAndPassword.');
  }
}

async function checkProof(ctx: RequestContext, app: StoredApplication, proof: unknown): Promise<void> {
  if (ctx.quirks.skipProofCheck) return;
  const verdict = await verifyProof(proof, {
    certificates: app.keyCredentials.map((c) => c.certificate),
    applicationObjectId: app.id,
    now: ctx.now,
  });
  if (!verdict.ok) throw new GraphError(401, CODES.proofRejected, `Proof of possession is invalid: ${verdict.reason}.`);
}

export const keyRoutes: Route[] = [
  { template: 'applications/{id}/addKey', methods: { POST: addKey }, operationIds: { POST: 'applications.addKey' } },
  { template: 'applications/{id}/removeKey', methods: { POST: removeKey }, operationIds: { POST: 'applications.removeKey' } },
];
