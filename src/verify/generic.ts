/**
 * Verifying any documented operation from its documented example (src/select/assess.ts says how):
 *   1. provider states: every object the path addresses, created through the documented create with its
 *      example body (names prefixed with the run id), outermost first;
 *   2. the documented request, ids from those states; then the same without a token, with a body that
 *      breaks the schema and, for a GET of an object, with an id no object has (the errors every client must handle);
 *   3. for a create: the follow-ups the stateful checks judge — GET the object (read_after_write), list the
 *      collection following @odata.nextLink (list_contains_created), DELETE then GET (delete_then_404) —
 *      where the docs document those operations;
 *   4. teardown in reverse order, also when a step failed.
 * The seed operations keep their hand-written drivers (scenarios.ts: certificates, proofs, refused variants), and
 * their creates are judged by the same stateful checks (conformance.ts gives them the context generic creates get).
 */
import type { Exchange, GraphClient } from '../client/index.js';
import type { Catalog, Operation } from '../model/catalog.js';
import type { CheckOutcome, OperationOutcome } from '../report/model.js';
import { worstStatus } from '../report/model.js';
import { invalidBodyOf, isPlaceholderSegment, pathKey, stateParams, UNKNOWN_ID, type Assessment, type StateNeed } from '../select/assess.js';
import { changeProviderState, StateChangeError, type StateChange } from './provider-states.js';
import { parseQuery, queryString } from '../select/query.js';
import { lookupType } from '../catalog/types.js';
import { redactText } from '../util/redact.js';
import type { CheckContext, SchemaVerdict, Scenario } from './checks.js';
import type { StatefulContext } from './stateful-checks.js';
import { judge } from './conformance.js';
import type { DocumentedOperation } from './conformance.js';
import { objectName } from './fixtures.js';
import { scenarioNeeded, type PlannedRequest } from './scenarios.js';

/** What the generic runner knows beyond the operation: the catalog's other operations, to find follow-ups. */
export interface GenericContext {
  catalog: Catalog;
  client: GraphClient;
  anonymousClient: GraphClient;
  selectedChecks: string[];
  runId: string;
  /** Validates a request body against the operation's request schema (to be sure an invalid body is invalid). */
  validateRequest?: (operationId: string, version: string, body: unknown) => SchemaVerdict | undefined;
  /** Most pages a list follow-up reads before giving up (inconclusive). */
  maxPages?: number;
  /** `--provider-states-setup-url`: the provider sets up the states the API cannot create (singletons, tenant objects). */
  providerStatesSetupUrl?: string;
  /** Timeout of a state change request (the per-request timeout). */
  timeoutMs?: number;
  /** --max-response-size, for the state setup URL's answers as for the provider's. */
  maxResponseBytes?: number;
}

/** One state change at the provider's setup URL, with the run's timeout and response cap. */
function changeState(ctx: GenericContext, change: StateChange): Promise<Record<string, unknown>> {
  return changeProviderState(ctx.providerStatesSetupUrl!, change, ctx.timeoutMs ?? 30_000, ctx.maxResponseBytes);
}

/** The catalog's operations by `version:METHOD:pathKey`, for follow-ups (GET the created object, list, DELETE). */
export class OperationsByPath {
  private readonly map = new Map<string, Operation>();

  constructor(operations: Operation[]) {
    for (const op of operations) {
      for (const p of [op.path, ...op.paths.filter((x) => x.method === op.method).map((x) => x.path)]) {
        const key = `${op.version}:${op.method}:${pathKey(p)}`;
        if (!this.map.has(key)) this.map.set(key, op);
      }
    }
  }

  find(version: string, method: string, path: string): Operation | undefined {
    return this.map.get(`${version}:${method}:${pathKey(path)}`);
  }
}

const byPathCache = new WeakMap<Catalog, OperationsByPath>();
function byPath(catalog: Catalog): OperationsByPath {
  let index = byPathCache.get(catalog);
  if (!index) byPathCache.set(catalog, (index = new OperationsByPath(catalog.operations)));
  return index;
}

/** Prefixes `displayName` / `name` string values with the run id, so what the run creates is recognisable. */
export function withRunName(body: unknown, runId: string, what: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of ['displayName', 'name']) {
    if (typeof out[key] === 'string') out[key] = objectName(runId, `${what}-${out[key] as string}`).slice(0, 120);
  }
  return out;
}

/** Properties the docs call read-only (the returned type and its bases): the provider may answer its own. */
export function readOnlyProperties(catalog: Catalog, op: Operation): string[] {
  const out = new Set<string>(['id']);
  let name = op.returnType?.kind === 'named' ? op.returnType.name : undefined;
  for (let depth = 0; name && depth < 8; depth++) {
    const fq = name.includes('.') ? name : `microsoft.graph.${name}`;
    const type = lookupType(catalog.types, op.version, fq);
    if (!type) break;
    for (const p of type.properties) if (p.readOnly || /\bcomputed\b/i.test(p.description)) out.add(p.name);
    name = type.baseType;
  }
  return [...out];
}

interface CreatedState {
  need: StateNeed;
  id: string;
  /** Path of the object, ids filled in, for the teardown DELETE. */
  path: string;
  /** Set up by the provider's state setup URL: torn down there, with these params. */
  byProvider?: Record<string, string>;
}

/** Fills a documented path: placeholder segments from the state ids in order, the rest from the example. */
export function fillPath(assessment: Assessment, ids: string[]): string {
  const segs = assessment.path.split('/').filter(Boolean);
  const example = assessment.request?.exampleSegments ?? segs;
  let next = 0;
  return '/' + segs.map((seg, i) => (isPlaceholderSegment(seg) ? encodeURIComponent(ids[next++] ?? seg) : example[i] ?? seg)).join('/');
}

/** Fills a collection path (`/groups/{group-id}/threads`) with the ids of the states before it. */
function fillCollection(collection: string, ids: string[]): string {
  let next = 0;
  return collection.replace(/\{[^{}/]+\}/g, () => encodeURIComponent(ids[next++] ?? ''));
}

/** The id a successful create answered (undefined otherwise). */
export function idOf(exchange: Exchange): string | undefined {
  const body = exchange.response.body as { id?: unknown } | undefined;
  return exchange.response.status >= 200 && exchange.response.status < 300 && body && typeof body.id === 'string' && body.id ? body.id : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Exercises one verifiable operation; never throws for the provider's answers (ProviderUnreachableError does). */
export async function exerciseGeneric(operation: DocumentedOperation, assessment: Assessment, ctx: GenericContext): Promise<OperationOutcome> {
  const base = { id: operation.id, version: operation.version, method: operation.method, path: operation.path };
  const results: CheckOutcome[] = [];
  const states: CreatedState[] = [];
  const ops = byPath(ctx.catalog);
  const catalogOp = ctx.catalog.operations.find((o) => o.id === operation.id && o.version === operation.version);
  const readOnly = catalogOp ? readOnlyProperties(ctx.catalog, catalogOp) : ['id'];
  let responseProperties: string[] = [];
  try {
    // 1. States, outermost first: created through the API, or (singletons, tenant objects) by the provider's
    // state setup URL with the params its Pact state carries, plus the ids of the states before it.
    const params = stateParams(assessment.states);
    const addressed = () => states.filter((s) => !s.need.literal).map((s) => s.id);
    for (const [i, need] of assessment.states.entries()) {
      if (!need.creatable) {
        const failure = await setUpByProvider(need, i, params, states, ctx);
        if (typeof failure === 'string') {
          results.push({ check: 'state_setup', scenario: 'success', status: 'inconclusive', message: redactText(`could not set up "${need.name}": ${failure}`), request: { method: 'POST', path: '(--provider-states-setup-url)' } });
          return { ...base, status: 'inconclusive', checks: results, responseProperties, notExercised: `state "${need.name}" could not be set up by the provider` };
        }
        continue;
      }
      const collection = fillCollection(need.collection, addressed());
      const exchange = await ctx.client.send({ method: 'POST', path: collection, body: withRunName(need.create!.body, ctx.runId, `state${i + 1}`) });
      const id = idOf(exchange);
      if (!id) {
        const why = exchange.exhaustedRetries ? 'the provider was still throttling' : `POST ${collection} (${need.create!.operationId}) answered HTTP ${exchange.response.status}${id === undefined && exchange.response.status < 300 ? ' without an id' : ''}`;
        results.push({ check: 'state_setup', scenario: 'success', status: 'inconclusive', message: redactText(`could not set up "${need.name}": ${why}`), request: { method: 'POST', path: collection }, httpStatus: exchange.response.status });
        return { ...base, status: 'inconclusive', checks: results, responseProperties, notExercised: `state "${need.name}" could not be created` };
      }
      states.push({ need, id, path: `${collection}/${encodeURIComponent(id)}` });
    }

    // 2. The documented request, and the refused ones.
    const ids = addressed();
    const path = fillPath(assessment, ids);
    const isCreate = operation.method === 'POST' && (catalogOp?.id.endsWith('.create') || operation.successStatus === 201) && !isPlaceholderSegment(assessment.path.split('/').at(-1) ?? '');
    const isUpdate = operation.method === 'PATCH';
    const body = isCreate ? withRunName(assessment.request?.body, ctx.runId, 'created') : assessment.request?.body;
    const written = isCreate || isUpdate ? asRecord(body) : undefined;
    // The documented example's query (`$select=...`) goes with the documented request and its refused variants.
    const query = queryString(parseQuery(assessment.request?.query));
    const send = (scenario: Scenario, b: unknown, authenticated = true): Promise<Exchange> =>
      (authenticated ? ctx.client : ctx.anonymousClient).send({ method: operation.method, path: path + query, ...(b !== undefined ? { body: b } : {}) });
    const judgeOne = (exchange: Exchange, scenario: Scenario, stateful?: StatefulContext, request?: { method: string; path: string }) => {
      const checkCtx: CheckContext = {
        operationId: operation.id, scenario, successStatus: operation.successStatus,
        validateResponse: operation.validateResponse, documentedProperties: operation.documentedProperties,
        operationKind: isCreate ? 'create' : isUpdate ? 'update' : 'other', ...(stateful ? { stateful } : {}),
      };
      const planned: PlannedRequest = { operationId: operation.id, scenario, method: request?.method ?? operation.method, path: request?.path ?? path + query, authenticated: scenario !== 'no-auth' };
      results.push(...judge(exchange, checkCtx, planned, ctx.selectedChecks));
    };
    const needed = (s: Scenario) => scenarioNeeded(s, ctx.selectedChecks);

    const success = await send('success', body);
    const createdId = isCreate ? idOf(success) : undefined;
    if (createdId) states.push({ need: { name: 'the created object', placeholder: 'id', collection: path, creatable: true }, id: createdId, path: `${path}/${encodeURIComponent(createdId)}` });
    // The operation deleted the last state itself: the teardown has nothing left to delete there.
    if (operation.method === 'DELETE' && success.response.status < 300 && states.length && !states.at(-1)!.byProvider) states.pop();
    responseProperties = propertyNames(success.response.body);
    const stateful: StatefulContext = { ...(written ? { written } : {}), readOnly, ...(createdId ? { createdId } : {}), locationDocumented: assessment.documentedLocation };
    judgeOne(success, 'success', stateful);

    if (needed('no-auth')) judgeOne(await send('no-auth', body, false), 'no-auth');
    if (needed('invalid-body') && asRecord(body)) {
      const invalid = invalidBodyOf(body);
      const verdict = ctx.validateRequest?.(operation.id, operation.version, invalid);
      // Only a body the documented schema refuses is a fair test (a free-form body may accept anything).
      if (verdict && !verdict.valid) judgeOne(await send('invalid-body', invalid), 'invalid-body');
    }

    // The object the GET addresses, by an id no object has (the contracts' 404 interaction, here on the live provider).
    if (needed('unknown-id') && operation.method === 'GET' && ids.length > 0 && isPlaceholderSegment(assessment.path.split('/').at(-1) ?? '')) {
      const unknownPath = fillPath(assessment, [...ids.slice(0, -1), UNKNOWN_ID]) + query;
      judgeOne(await ctx.client.send({ method: 'GET', path: unknownPath }), 'unknown-id', undefined, { method: 'GET', path: unknownPath });
    }

    // 3. Follow-ups of a create (or an update) where the docs document them.
    const entityPath = createdId ? `${path}/${encodeURIComponent(createdId)}` : isUpdate && success.response.status < 300 ? path : undefined;
    const docPath = createdId ? `${assessment.path}/{id}` : assessment.path;
    if (entityPath && written && needed('read-after-write') && ops.find(operation.version, 'GET', docPath)) {
      const read = await ctx.client.send({ method: 'GET', path: entityPath });
      judgeOne(read, 'read-after-write', stateful, { method: 'GET', path: entityPath });
    }
    if (createdId && needed('list-after-create') && ops.find(operation.version, 'GET', assessment.path)) {
      const { first, items, pages, truncated } = await listAll(ctx.client, path, ctx.maxPages ?? 50);
      judgeOne(first, 'list-after-create', { ...stateful, listed: items, paging: { pages, truncated } }, { method: 'GET', path });
    }
    if (createdId && needed('get-after-delete') && ops.find(operation.version, 'DELETE', docPath) && ops.find(operation.version, 'GET', docPath)) {
      const del = await ctx.client.send({ method: 'DELETE', path: entityPath! });
      if (del.response.status < 300) {
        states.pop();
        judgeOne(await ctx.client.send({ method: 'GET', path: entityPath! }), 'get-after-delete', stateful, { method: 'GET', path: entityPath! });
      } else {
        results.push({ check: 'delete_then_404', scenario: 'get-after-delete', status: 'fail', message: `DELETE of the created object answered ${del.response.status}`, expected: 'HTTP 204', actual: `HTTP ${del.response.status}`, request: { method: 'DELETE', path: entityPath! }, httpStatus: del.response.status });
      }
    }
  } finally {
    // 4. Reverse order; a 404 means already gone. Teardown failures do not change the verdict (the sweep reports leftovers).
    for (const state of states.reverse()) {
      if (state.byProvider) {
        await changeState(ctx, { state: state.need.name, params: state.byProvider, action: 'teardown' }).catch(() => undefined);
        continue;
      }
      await ctx.client.send({ method: 'DELETE', path: state.path }).catch(() => undefined);
    }
  }
  return { ...base, status: worstStatus(results.map((r) => r.status)), checks: results, responseProperties };
}

/**
 * Asks the provider's state setup URL for a state the API cannot create; on success pushes it onto `states`
 * (its id under the state's `as` param; the /me state needs none). Returns why not otherwise.
 */
async function setUpByProvider(need: StateNeed, index: number, allParams: Record<string, string>[], states: CreatedState[], ctx: GenericContext): Promise<string | undefined> {
  if (!ctx.providerStatesSetupUrl) return 'only the provider can set it up: give --provider-states-setup-url';
  const params = allParams[index];
  // The ids of the states before it (set up in order), under their params' names, so the provider can fill `${name}` in `collection`.
  const known = Object.fromEntries(states.map((s, k) => [allParams[k].as, s.id]));
  const sent = { ...known, ...params };
  let answer: Record<string, unknown>;
  try {
    answer = await changeState(ctx, { state: need.name, params: sent, action: 'setup' });
  } catch (err) {
    if (err instanceof StateChangeError) return err.message;
    throw err;
  }
  const id = answer[params.as];
  if (!need.literal && (typeof id !== 'string' || !id)) return `the state setup URL answered no "${params.as}" (the id of the object)`;
  states.push({ need, id: typeof id === 'string' ? id : '', path: '', byProvider: sent });
  return undefined;
}

/** GET a collection and every page after it (@odata.nextLink), up to maxPages. */
async function listAll(client: GraphClient, path: string, maxPages: number): Promise<{ first: Exchange; items: unknown[]; pages: number; truncated: boolean }> {
  const first = await client.send({ method: 'GET', path });
  const items: unknown[] = [];
  let page: Exchange = first;
  let pages = 0;
  for (;;) {
    pages++;
    const body = asRecord(page.response.body);
    if (page.response.status !== 200 || !body || !Array.isArray(body.value)) break;
    items.push(...body.value);
    const next = typeof body['@odata.nextLink'] === 'string' ? (body['@odata.nextLink'] as string) : undefined;
    if (!next) return { first, items, pages, truncated: false };
    if (pages >= maxPages) return { first, items, pages, truncated: true };
    page = await client.send({ method: 'GET', path: relativeTo(client.baseUrl, next) });
  }
  return { first, items, pages, truncated: false };
}

/** A nextLink is absolute: the part below the client's base URL (the client adds it back). */
export function relativeTo(baseUrl: string, link: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (link.toLowerCase().startsWith(base.toLowerCase())) return link.slice(base.length) || '/';
  try {
    const url = new URL(link);
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    return url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) + url.search : url.pathname + url.search;
  } catch {
    return link;
  }
}

function propertyNames(body: unknown): string[] {
  return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : [];
}
