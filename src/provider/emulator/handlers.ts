/**
 * What the generic store does for each route kind (see route-table.ts). Every handler gets the matched
 * route and the request's store address, and answers Graph's way:
 *   create  201 (or the documented 2xx) + Location, `@odata.context` and the stored object with a new id
 *   get     200 + `@odata.context` ($select)             list  200 + `{ @odata.context, value, @odata.nextLink? }`
 *   update  204, or 200 with the object when documented  delete  204 (and what was contained below it)
 *   action / function  the documented example response, validated against the response schema first
 * Unknown ids are 404 in Graph's error envelope; bodies are validated against the operation's
 * (errata-corrected) request schema, 400 naming the property at fault.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { GraphError, CODES, badRequest } from '../errors.js';
import { applyCollectionQuery, parseCollectionQuery, parseCountQuery, parseEntityQuery, project } from '../query.js';
import { success, type ProviderResponse } from '../response.js';
import { addressTemplate, exampleResponse, type EmulatedRoute } from './route-table.js';
import type { Entity, EntityStore } from './store.js';
import { storedAddress, type Aliases } from './aliases.js';

export interface EmulatorContext extends RequestContext {
  store: EntityStore;
  /** Collection templates a documented create adds to: their keys must exist (404 otherwise). */
  creatable: Set<string>;
  /** What $expand can reach below an entity (RouteTable.navigations). */
  navigations: ReadonlyMap<string, 'collection' | 'single'>;
  /** Alternate paths of the same data → where it is stored (aliases.ts). */
  aliases: Aliases;
  /** Default page size of lists without $top. */
  pageSize: number;
  /** The request path after the version, as sent (for @odata.nextLink). */
  requestPath: string;
  /** The request ended in `/$count` after the list route's path: answer the number of items, as text. */
  count?: boolean;
  /** The body of a route whose documented body is a JSON array (`route.arrayBody`). */
  arrayBody?: unknown[];
  /** The ConsistencyLevel request header, if sent (`$count` on directory lists needs `eventual`). */
  consistencyLevel?: string;
}

/** Collections of the directory answer `Request_ResourceNotFound` / `Request_UnsupportedQuery`, as Graph does. */
const DIRECTORY_ROOTS = new Set(['users', 'groups', 'applications', 'serviceprincipals', 'directoryobjects', 'devices', 'contacts', 'orgcontact', 'directoryroles', 'administrativeunits', 'organization']);

export function handleRoute(route: EmulatedRoute, address: string[], ctx: EmulatorContext): ProviderResponse {
  if (route.notServed) {
    throw new GraphError(501, 'NotImplemented', `The graphpact emulator does not serve ${route.method} ${route.path} (${route.operationId}): ${route.notServed}.`);
  }
  const directory = DIRECTORY_ROOTS.has(address[0] ?? '');
  const template = addressTemplate(route.segments).split('/');
  checkParents(route, template, address, ctx, directory);
  // `stored`: where the data is kept, the same for every alternate path of it (aliases.ts); `address` is what the client wrote.
  const stored = storedOf(route, template, address, ctx.aliases);
  if (ctx.count) return count(route, stored, ctx, directory);
  if (route.arrayBody) return acceptCommands(route, ctx);
  switch (route.kind) {
    case 'create': return create(route, address, stored, ctx);
    case 'list': return list(route, template, address, stored, ctx, directory);
    case 'get': return route.singleValued ? getSingle(route, address, stored, ctx) : getEntity(route, template, address, stored, ctx, directory);
    case 'update': return route.singleValued ? updateSingle(route, address, stored, ctx) : updateEntity(route, address, stored, ctx, directory);
    case 'delete': return route.singleValued ? deleteSingle(stored, ctx) : deleteEntity(stored, ctx, directory);
    default: return answerWithExample(route, ctx);
  }
}

/** The store address of a request: its data template's canonical one (an entity's key stays last). */
function storedOf(route: EmulatedRoute, template: string[], address: string[], aliases: Aliases): string[] {
  if (aliases.size === 0 || route.kind === 'action' || route.kind === 'function') return address;
  const byKey = !route.singleValued && (route.kind === 'get' || route.kind === 'update' || route.kind === 'delete');
  if (!byKey) return storedAddress(aliases, template, address);
  return [...storedAddress(aliases, template.slice(0, -1), address.slice(0, -1)), address[address.length - 1]];
}

/** Every key of the address whose collection is creatable must name an existing entity (the last one is the handler's). */
function checkParents(route: EmulatedRoute, template: string[], address: string[], ctx: EmulatorContext, directory: boolean): void {
  const ownKey = route.kind === 'get' || route.kind === 'update' || route.kind === 'delete' ? (route.singleValued ? -1 : template.length - 1) : -1;
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '{}' || i === ownKey) continue;
    const collection = template.slice(0, i).join('/');
    if (ctx.creatable.has(collection) && !ctx.store.has(storedAddress(ctx.aliases, template.slice(0, i), address.slice(0, i)), address[i])) throw notFound(address[i], directory);
  }
}

function create(route: EmulatedRoute, address: string[], stored: string[], ctx: EmulatorContext): ProviderResponse {
  const input = validBody(route, ctx);
  const id = randomUUID();
  const entity: Entity = { ...input, id };
  ctx.store.collection(stored).set(id, entity);
  const headers = { location: `${ctx.serviceRoot}/${address.join('/')}/${id}` };
  const status = route.successStatus;
  if (status === 204) return success(204, undefined, headers);
  return success(status, { '@odata.context': contextUrl(ctx, route, address, true), ...entity }, headers);
}

function list(route: EmulatedRoute, template: string[], address: string[], stored: string[], ctx: EmulatorContext, directory: boolean): ProviderResponse {
  const query = parseCollectionQuery(ctx.query, { ...(directory ? { code: CODES.directoryUnsupportedQuery } : {}), expandable: true });
  if (query.count) requireEventualConsistency(route, ctx);
  const entityTemplate = [...template, '{}'];
  checkExpandable(query.expand, entityTemplate, ctx, directory);
  const items = [...ctx.store.collection(stored).values()];
  const { page, total, nextOffset } = applyCollectionQuery(items, query, ctx.pageSize);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, route, address, false) };
  if (query.count) body['@odata.count'] = total;
  body.value = query.expand ? page.map((item) => expanded(item, query.expand!, entityTemplate, [...address, String(item.id)], ctx)) : page;
  if (nextOffset !== undefined) body['@odata.nextLink'] = nextLink(ctx, nextOffset);
  return success(200, body);
}

/**
 * A body documented as a JSON array is a list of commands on something the store does not hold (OneNote page
 * content, which is HTML): each must be a JSON object, then the documented status answers, nothing is stored.
 */
function acceptCommands(route: EmulatedRoute, ctx: EmulatorContext): ProviderResponse {
  const commands = ctx.arrayBody ?? [];
  const at = commands.findIndex((command) => command === null || typeof command !== 'object' || Array.isArray(command));
  if (commands.length === 0) throw badRequest('The request body must be a non-empty JSON array of commands.');
  if (at >= 0) throw badRequest(`Item ${at} of the request body must be a JSON object.`);
  return success(route.successStatus);
}

/** `GET …/$count`: how many items the list holds ($filter applied), as text/plain, as Graph answers it. */
function count(route: EmulatedRoute, stored: string[], ctx: EmulatorContext, directory: boolean): ProviderResponse {
  requireEventualConsistency(route, ctx);
  const keep = parseCountQuery(ctx.query, directory ? { code: CODES.directoryUnsupportedQuery } : {});
  let total = 0;
  for (const item of ctx.store.collection(stored).values()) if (keep(item)) total += 1;
  return { ...success(200), plainText: String(total) };
}

/**
 * Lists whose page documents the `ConsistencyLevel` request header (directory objects: Graph counts them from
 * an eventually consistent index) refuse `$count` without `ConsistencyLevel: eventual`, as Graph does.
 */
function requireEventualConsistency(route: EmulatedRoute, ctx: EmulatorContext): void {
  if (!route.operation.headers?.some((h) => h.name.toLowerCase() === 'consistencylevel')) return;
  if (ctx.consistencyLevel?.trim().toLowerCase() === 'eventual') return;
  throw new GraphError(400, CODES.directoryBadRequest, `Count is not currently supported without the request header 'ConsistencyLevel: eventual' on ${route.path} (documented for ${route.operationId}).`);
}

function getEntity(route: EmulatedRoute, template: string[], address: string[], stored: string[], ctx: EmulatorContext, directory: boolean): ProviderResponse {
  const entity = find(stored, ctx, directory);
  const { select, expand } = parseEntityQuery(ctx.query, { ...(directory ? { code: CODES.directoryUnsupportedQuery } : {}), expandable: true });
  checkExpandable(expand, template, ctx, directory);
  const body = select ? project(entity, select) : entity;
  return success(200, { '@odata.context': contextUrl(ctx, route, address.slice(0, -1), true), ...(expand ? expanded(body, expand, template, address, ctx) : body) });
}

/** Every $expand name must be a collection or single-valued object the emulator holds below the entity. */
function checkExpandable(names: string[] | undefined, entityTemplate: string[], ctx: EmulatorContext, directory: boolean): void {
  for (const name of names ?? []) {
    if (ctx.navigations.has([...entityTemplate, name.toLowerCase()].join('/'))) continue;
    throw new GraphError(400, directory ? CODES.directoryUnsupportedQuery : CODES.badRequest,
      `Could not expand '${name}': it is not a navigation property the graphpact emulator holds below this resource (its contained collections and single-valued objects).`);
  }
}

/** A copy of the entity with each expanded navigation: the contained collection's items, or the object (null when unset). */
function expanded(entity: Entity, names: string[], entityTemplate: string[], entityAddress: string[], ctx: EmulatorContext): Entity {
  const out = { ...entity };
  for (const name of names) {
    const template = [...entityTemplate, name.toLowerCase()];
    const stored = storedAddress(ctx.aliases, template, [...entityAddress, name.toLowerCase()]);
    out[name] = ctx.navigations.get(template.join('/')) === 'collection' ? [...ctx.store.collection(stored).values()] : (ctx.store.single(stored) ?? null);
  }
  return out;
}

function updateEntity(route: EmulatedRoute, address: string[], stored: string[], ctx: EmulatorContext, directory: boolean): ProviderResponse {
  const input = validBody(route, ctx);
  const collection = ctx.store.collection(stored.slice(0, -1));
  const id = address[address.length - 1];
  let entity = collection.get(id);
  if (!entity && route.method === 'PUT') collection.set(id, (entity = { id }));
  if (!entity) throw notFound(id, directory);
  const { id: _ignored, ...changes } = input;
  Object.assign(entity, changes);
  if (route.successStatus === 204 || route.operation.returnType === undefined) return success(204);
  return success(route.successStatus, { '@odata.context': contextUrl(ctx, route, address.slice(0, -1), true), ...entity });
}

function deleteEntity(stored: string[], ctx: EmulatorContext, directory: boolean): ProviderResponse {
  if (!ctx.store.deleteEntity(stored.slice(0, -1), stored[stored.length - 1])) throw notFound(stored[stored.length - 1], directory);
  return success(204);
}

/** A single-valued object: what was written, else the documented example, else 404 (nothing is set). */
function getSingle(route: EmulatedRoute, address: string[], stored: string[], ctx: EmulatorContext): ProviderResponse {
  const value = ctx.store.single(stored) ?? documentedDefault(route);
  if (!value) throw new GraphError(404, CODES.notFound, `No ${address[address.length - 1]} is set at /${address.join('/')}.`);
  const { select } = parseEntityQuery(ctx.query);
  return success(200, { '@odata.context': contextUrl(ctx, route, address, false), ...(select ? project(value, select) : value) });
}

function updateSingle(route: EmulatedRoute, address: string[], stored: string[], ctx: EmulatorContext): ProviderResponse {
  const input = validBody(route, ctx);
  const current = ctx.store.single(stored) ?? documentedDefault(route) ?? {};
  const updated = { ...current, ...input };
  ctx.store.setSingle(stored, updated);
  if (route.successStatus === 204 || route.operation.returnType === undefined) return success(204);
  return success(route.successStatus, { '@odata.context': contextUrl(ctx, route, address, false), ...updated });
}

function deleteSingle(stored: string[], ctx: EmulatorContext): ProviderResponse {
  ctx.store.deleteSingle(stored);
  return success(204);
}

/** Actions and functions: validate the body, then answer the documented example (if it matches its schema). */
function answerWithExample(route: EmulatedRoute, ctx: EmulatorContext): ProviderResponse {
  if (route.method !== 'GET') validBody(route, ctx);
  if (route.successStatus === 204) return success(204);
  const example = exampleResponse(route.operation);
  if (!example) return success(route.successStatus, undefined, route.successStatus === 202 ? monitorHeaders(route, ctx) : {});
  const problem = ctx.schemas.response(route.version, route.operationId)?.validate(example.body);
  if (problem) {
    throw new GraphError(501, 'NotImplemented', `The graphpact emulator does not serve ${route.operationId}: its documented example response does not match the response schema (${problem}).`);
  }
  const body = { ...example.body };
  if (typeof body['@odata.context'] === 'string') body['@odata.context'] = body['@odata.context'].replace(/^https?:\/\/[^/]+\/[^/$]+/, ctx.serviceRoot);
  return success(route.successStatus, body);
}

/**
 * A long-running operation's 202 says where to watch it: the documented `Location` / `Operation-Location`
 * of its example response, on this service (placeholders as documented: the emulator runs nothing).
 */
function monitorHeaders(route: EmulatedRoute, ctx: EmulatorContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const example of route.operation.examples) {
    for (const { name, value } of example.response?.headers ?? []) {
      const lower = name.toLowerCase();
      if (lower !== 'location' && lower !== 'operation-location') continue;
      headers[lower] = value.startsWith('/') ? `${ctx.serviceRoot}${value}` : value.replace(/^https?:\/\/graph\.microsoft\.com\/[^/]+/, ctx.serviceRoot);
    }
    if (Object.keys(headers).length > 0) break;
  }
  return headers;
}

/**
 * The body, validated against the operation's request schema (any JSON object when it documents none).
 * Property annotations (`manager@odata.bind`, `role@odata.type`) are OData control information, not
 * properties: validated without them, stored with them.
 */
function validBody(route: EmulatedRoute, ctx: EmulatorContext): Entity {
  const body = ctx.body ?? {};
  const problem = requestValidator(route, ctx)?.validate(withoutPropertyAnnotations(body));
  if (problem) throw badRequest(problem);
  return body;
}

/**
 * The operation's request schema; for a create that documents no request table, the type it creates (its
 * response schema, open: wrong types are refused, properties the resource page does not list are not).
 */
function requestValidator(route: EmulatedRoute, ctx: EmulatorContext) {
  const request = ctx.schemas.request(route.version, route.operationId);
  if (request || route.kind !== 'create') return request;
  return ctx.schemas.response(route.version, route.operationId);
}

function withoutPropertyAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPropertyAnnotations);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (key.indexOf('@') <= 0) out[key] = withoutPropertyAnnotations(inner);
  return out;
}

/** The example's object without its annotations: the documented state of a single-valued property. */
function documentedDefault(route: EmulatedRoute): Entity | undefined {
  const example = route.method === 'GET' ? exampleResponse(route.operation) : undefined;
  if (!example) return undefined;
  return Object.fromEntries(Object.entries(example.body).filter(([key]) => !key.startsWith('@odata.')));
}

function find(stored: string[], ctx: EmulatorContext, directory: boolean): Entity {
  const id = stored[stored.length - 1];
  const entity = ctx.store.collection(stored.slice(0, -1)).get(id);
  if (!entity) throw notFound(id, directory);
  return entity;
}

function notFound(id: string, directory: boolean): GraphError {
  return directory
    ? new GraphError(404, CODES.directoryNotFound, `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`)
    : new GraphError(404, CODES.notFound, `The resource '${id}' was not found.`);
}

/** `…/$metadata#users('<id>')/messages` (+ `/$entity`), as Graph writes entity set paths: keys in parentheses. */
function contextUrl(ctx: EmulatorContext, route: EmulatedRoute, address: string[], entity: boolean): string {
  const template = addressTemplate(route.segments).split('/');
  const parts: string[] = [];
  address.forEach((segment, i) => {
    if (template[i] === '{}' && parts.length > 0) parts[parts.length - 1] += `('${segment}')`;
    else parts.push(segment);
  });
  return `${ctx.serviceRoot}/$metadata#${parts.join('/')}${entity ? '/$entity' : ''}`;
}

/** The same request with `$skiptoken` set to the next page's offset. */
function nextLink(ctx: EmulatorContext, offset: number): string {
  const query = new URLSearchParams(ctx.query);
  for (const key of [...query.keys()]) if (key.toLowerCase().replace(/^\$/, '') === 'skiptoken') query.delete(key);
  query.set('$skiptoken', String(offset));
  return `${ctx.serviceRoot}/${ctx.requestPath}?${query.toString()}`;
}
