/**
 * /deviceAppManagement/sideLoadingKeys: create (validated against the request schema built from the
 * docs), get, list, delete. Created keys echo every documented property, null when not supplied;
 * the service assigns `id` and `lastUpdatedDateTime`.
 */
import { randomUUID } from 'node:crypto';
import type { Handler, RequestContext } from '../context.js';
import { GraphError, CODES, badRequest } from '../errors.js';
import { withoutAnnotations } from '../annotations.js';
import { success } from '../response.js';
import type { Route } from '../router.js';

export const SIDE_LOADING_KEY_TYPE = 'microsoft.graph.sideLoadingKey';
export const CREATE_OPERATION = 'deviceAppManagement.sideLoadingKeys.create';
const COLLECTION = 'deviceAppManagement/sideLoadingKeys';
/** Set by the service: what a client sends for them is replaced. */
const SERVER_SET = ['id', 'lastUpdatedDateTime'];

const create: Handler = (ctx) => {
  const schema = ctx.schemas.request(ctx.version, CREATE_OPERATION);
  if (!schema) throw new Error(`no request schema for ${CREATE_OPERATION}`); // startProvider checks this at start
  const input = withoutAnnotations(ctx.body ?? {}, SIDE_LOADING_KEY_TYPE);
  const problem = schema.validate(input);
  if (problem) throw badRequest(problem);
  const documented = ctx.schemas.type(ctx.version, SIDE_LOADING_KEY_TYPE)?.properties ?? schema.properties;
  const key: Record<string, unknown> = {};
  for (const property of new Set([...documented, ...schema.properties, ...SERVER_SET])) {
    if (!property.startsWith('@')) key[property] = input[property] ?? null;
  }
  key.id = randomUUID();
  key.lastUpdatedDateTime = ctx.now.toISOString();
  ctx.state.sideLoadingKeys.set(key.id as string, key);
  return success(201, entity(ctx, key), { location: `${ctx.serviceRoot}/${COLLECTION}/${key.id}` });
};

const get: Handler = (ctx) => success(200, entity(ctx, find(ctx)));

const list: Handler = (ctx) =>
  success(200, {
    '@odata.context': `${ctx.serviceRoot}/$metadata#${COLLECTION}`,
    value: [...ctx.state.sideLoadingKeys.values()].map((key) => ({ '@odata.type': `#${SIDE_LOADING_KEY_TYPE}`, ...key })),
  });

const remove: Handler = (ctx) => {
  find(ctx);
  ctx.state.sideLoadingKeys.delete(ctx.params.id);
  return success(204);
};

function find(ctx: RequestContext): Record<string, unknown> {
  const key = ctx.state.sideLoadingKeys.get(ctx.params.id);
  if (!key) throw new GraphError(404, CODES.notFound, `No sideLoadingKey with id '${ctx.params.id}' was found.`);
  return key;
}

function entity(ctx: RequestContext, key: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.context': `${ctx.serviceRoot}/$metadata#${COLLECTION}/$entity`, '@odata.type': `#${SIDE_LOADING_KEY_TYPE}`, ...key };
}

export const sideLoadingKeyRoutes: Route[] = [
  { template: COLLECTION, methods: { GET: list, POST: create }, operationIds: { GET: 'deviceAppManagement.sideLoadingKeys.list', POST: CREATE_OPERATION } },
  { template: `${COLLECTION}/{id}`, methods: { GET: get, DELETE: remove }, operationIds: { GET: 'deviceAppManagement.sideLoadingKeys.get', DELETE: 'deviceAppManagement.sideLoadingKeys.delete' } },
];
