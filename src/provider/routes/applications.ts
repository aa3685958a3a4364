/**
 * Enough of /applications for fixtures and a cleanup sweeper: create, get, list (OData query options,
 * $filter on displayName/appId/id), update (displayName, description, keyCredentials with certificates) and delete.
 * Application properties are not in the seed docs, so their input schema is written here; nested
 * keyCredentials are validated against the keyCredential type schema built from the docs.
 */
import { randomUUID } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Handler, RequestContext } from '../context.js';
import { CODES, directoryBadRequest, directoryNotFound } from '../errors.js';
import { isPlainObject, withoutAnnotations } from '../annotations.js';
import { describeError } from '../schemas.js';
import { applyCollectionQuery, parseCollectionQuery } from '../query.js';
import { keyCredentialResource, storeKeyCredential, isoSeconds } from '../key-credentials.js';
import { success } from '../response.js';
import type { Route } from '../router.js';
import type { StoredApplication, StoredKeyCredential } from '../state.js';

export const APPLICATION_TYPE = 'microsoft.graph.application';
export const KEY_CREDENTIAL_TYPE = 'microsoft.graph.keyCredential';
export const PASSWORD_CREDENTIAL_TYPE = 'microsoft.graph.passwordCredential';

const SIGN_IN_AUDIENCES = ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];

/**
 * Writable application properties this provider supports; others are 400 as undocumented. Compiled on first
 * use: ajv's meta-schema pass costs ~0.3 s of CPU, which every provider start paid at import.
 */
let applicationInput: ValidateFunction | undefined;
const applicationInputValidator = (): ValidateFunction => (applicationInput ??= new Ajv2020({ strict: true }).compile({
  type: 'object',
  properties: {
    displayName: { type: 'string', minLength: 1, maxLength: 256 },
    description: { type: ['string', 'null'], maxLength: 1024 },
    signInAudience: { enum: SIGN_IN_AUDIENCES },
    keyCredentials: { type: 'array', items: { type: 'object' } },
  },
  additionalProperties: false,
}));

const create: Handler = (ctx) => {
  const input = validApplicationInput(ctx);
  if (typeof input.displayName !== 'string') throw directoryBadRequest("Property 'displayName' is required.");
  const app: StoredApplication = {
    id: randomUUID(),
    appId: randomUUID(),
    displayName: input.displayName,
    description: (input.description as string | null | undefined) ?? null,
    signInAudience: (input.signInAudience as string | undefined) ?? 'AzureADMyOrg',
    createdDateTime: isoSeconds(ctx.now),
    keyCredentials: keyCredentialsOf(ctx, input.keyCredentials),
    passwordCredentials: [],
  };
  ctx.state.applications.set(app.id, app);
  return success(201, entity(ctx, app), { location: `${ctx.serviceRoot}/directoryObjects/${app.id}/${APPLICATION_TYPE}` });
};

const get: Handler = (ctx) => success(200, entity(ctx, findApplication(ctx)));

const list: Handler = (ctx) => {
  const query = parseCollectionQuery(ctx.query, { code: CODES.directoryUnsupportedQuery, filterable: ['displayName', 'appId', 'id'] });
  const all = [...ctx.state.applications.values()].map((app) => resource(app));
  const { page } = applyCollectionQuery(all, query, Number.MAX_SAFE_INTEGER);
  return success(200, { '@odata.context': `${ctx.serviceRoot}/$metadata#applications`, value: page });
};

const update: Handler = (ctx) => {
  const app = findApplication(ctx);
  const input = validApplicationInput(ctx);
  // Validate everything before changing anything: a rejected PATCH leaves the application as it was.
  const keyCredentials = input.keyCredentials === undefined ? undefined : keyCredentialsOf(ctx, input.keyCredentials);
  if (input.displayName !== undefined) app.displayName = input.displayName as string;
  if (input.description !== undefined) app.description = input.description as string | null;
  if (input.signInAudience !== undefined) app.signInAudience = input.signInAudience as string;
  if (keyCredentials) app.keyCredentials = keyCredentials;
  return success(204);
};

const remove: Handler = (ctx) => {
  findApplication(ctx);
  ctx.state.applications.delete(ctx.params.id);
  return success(204);
};

export function findApplication(ctx: RequestContext): StoredApplication {
  const app = ctx.state.applications.get(ctx.params.id);
  if (!app) throw directoryNotFound(ctx.params.id);
  return app;
}

function validApplicationInput(ctx: RequestContext): Record<string, unknown> {
  const input = withoutAnnotations(ctx.body ?? {}, APPLICATION_TYPE);
  const validate = applicationInputValidator();
  if (!validate(input)) throw directoryBadRequest(describeError(validate.errors?.[0]));
  return input;
}

/** Validates each submitted keyCredential against the docs' type schema, then reads its certificate. */
function keyCredentialsOf(ctx: RequestContext, submitted: unknown): StoredKeyCredential[] {
  if (submitted === undefined) return [];
  const stored = (submitted as unknown[]).map((item, i) => {
    const where = `keyCredentials[${i}]`;
    if (!isPlainObject(item)) throw directoryBadRequest(`${where} must be an object.`);
    return submittedKeyCredential(ctx, item, where);
  });
  const ids = new Set(stored.map((c) => c.keyId));
  if (ids.size !== stored.length) throw directoryBadRequest('keyCredentials: two credentials have the same keyId.');
  return stored;
}

/** One submitted keyCredential (PATCH keyCredentials, addKey): annotations, the docs' type schema, then its certificate. */
export function submittedKeyCredential(ctx: RequestContext, submitted: Record<string, unknown>, where: string, pfxPassword?: string): StoredKeyCredential {
  const credential = withoutAnnotations(submitted, KEY_CREDENTIAL_TYPE, where);
  const problem = ctx.schemas.type(ctx.version, KEY_CREDENTIAL_TYPE)?.validate(credential);
  if (problem) throw directoryBadRequest(`${where}: ${problem}`);
  return storeKeyCredential(credential, where, pfxPassword);
}

function resource(app: StoredApplication): Record<string, unknown> {
  return {
    id: app.id,
    appId: app.appId,
    createdDateTime: app.createdDateTime,
    description: app.description,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    keyCredentials: app.keyCredentials.map(keyCredentialResource),
    passwordCredentials: app.passwordCredentials.map((p) => ({ ...p, customKeyIdentifier: null, secretText: null })),
  };
}

function entity(ctx: RequestContext, app: StoredApplication): Record<string, unknown> {
  return { '@odata.context': `${ctx.serviceRoot}/$metadata#applications/$entity`, ...resource(app) };
}

export const applicationRoutes: Route[] = [
  { template: 'applications', methods: { GET: list, POST: create }, operationIds: { GET: 'applications.list', POST: 'applications.create' } },
  { template: 'applications/{id}', methods: { GET: get, PATCH: update, DELETE: remove }, operationIds: { GET: 'applications.get', PATCH: 'applications.update', DELETE: 'applications.delete' } },
];
