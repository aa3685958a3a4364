/**
 * Interactions for any documented operation (`graphpact contracts --operations SEL`), from what
 * src/select/assess.ts inferred: the documented example request, path parameters from provider states
 * (`/groups/${group_id}/threads/${thread_id}` with `fromProviderState`), response matchers from the schema
 * and the documented status. Each state names the collection it is created in, the documented create's
 * example body and the param its id fills, so the verifier (generic state handler) or a provider's own
 * --provider-states-setup-url can make it. Plus, per resource collection, the errors a client must handle:
 * 401 without a token, 400 for an invalid body (on the create), 404 for an unknown id (on the get).
 * Pure and deterministic: fixed example ids, no run id, no secrets.
 */
import type { Catalog, Operation } from '../model/catalog.js';
import type { JsonBody } from '../model/page.js';
import { exampleId, invalidBodyOf, isPlaceholderSegment, paramNames, pathKey, stateParams, UNKNOWN_ID, type Assessment, type StateNeed } from '../select/assess.js';
import { pactQuery, parseQuery, queryString, type QueryPairs } from '../select/query.js';
import { graphErrorBody, type InteractionDefinition, type RequestPath } from './interaction.js';
import { ExampleMismatchError, type BodyMatchers } from './matchers-from-schema.js';
import { ContractSourceError, type ContractSources } from './sources.js';

/** Top-level `@odata.*` properties removed (Graph may omit or add them). */
export function withoutODataControl(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('@odata.')));
}

/** The request path with state params as Pact expressions (`${group_id}`) and fake ids as examples. */
function requestPath(assessment: Assessment, allNames: string[], unknownLast = false): RequestPath {
  // Placeholder segments take the states a placeholder addresses, in order (the /me state has none).
  const names = allNames.filter((_, i) => !assessment.states[i]?.literal);
  const segs = assessment.path.split('/').filter(Boolean);
  const example = assessment.request?.exampleSegments ?? segs;
  let next = 0;
  const exampleParts: string[] = [];
  const expressionParts: string[] = [];
  segs.forEach((seg, i) => {
    if (isPlaceholderSegment(seg)) {
      const k = next++;
      if (unknownLast && k === names.length) {
        exampleParts.push(UNKNOWN_ID);
        expressionParts.push(UNKNOWN_ID);
        return;
      }
      exampleParts.push(exampleId(k + 1));
      expressionParts.push(`\${${names[k]}}`);
      return;
    }
    exampleParts.push(example[i] ?? seg);
    expressionParts.push(example[i] ?? seg);
  });
  const examplePath = '/' + exampleParts.join('/');
  const usesState = expressionParts.some((p) => p.startsWith('${'));
  return { example: examplePath, ...(usesState ? { expression: '/' + expressionParts.join('/') } : {}), stateValues: [] };
}

/** Pact states of an assessment: the name says what must exist; params say how it is made. */
function pactStates(states: StateNeed[]): NonNullable<InteractionDefinition['states']> {
  const params = stateParams(states);
  return states.map((s, i) => ({ name: s.name, params: params[i] }));
}

/** The client call every generic interaction makes: the documented method, path, query and body, as is. */
const send: (method: string, query: QueryPairs) => InteractionDefinition['exercise'] = (method, query) => (client, ex) =>
  client.send({ method, path: ex.path + queryString(query), ...(ex.body !== undefined ? { body: ex.body } : {}) });

/**
 * Pact V4 comments naming the errata (apidocs/errata) the interaction's bodies follow, once each, in order,
 * `erratum <id>: <reason>`: the request example's, and the response example's when the documented response
 * is contracted (error interactions answer Graph's error envelope, not the documented body).
 */
export function errataComments(op: Operation, requestLine: number, sources: Pick<ContractSources, 'errataReason'>, withResponse: boolean): string[] {
  const request = op.examples.find((e) => e.request?.line === requestLine)?.request?.body;
  const response = documentedResponse(op);
  const ids = [...new Set([...(request?.errata ?? []), ...(withResponse ? response?.errata ?? [] : [])])];
  return ids.map((id) => {
    const reason = sources.errataReason(id);
    return reason ? `erratum ${id}: ${reason}` : `erratum ${id}`;
  });
}

function comments(lines: string[]): Pick<InteractionDefinition, 'comments'> {
  return lines.length > 0 ? { comments: lines } : {};
}

/**
 * Response matchers from the schema and the documented response example; none when either is missing or they
 * disagree (a docs defect lint reports: the status alone is contracted). `strict` (a specialised operation,
 * whose contract must stay whole) turns a disagreement into an error naming the example and asking for an erratum.
 */
function successBody(sources: ContractSources, op: Operation, strict: boolean): BodyMatchers | undefined {
  const example = documentedResponse(op);
  if (!example || op.successStatus === 204) return undefined;
  try {
    return sources.responseMatchers(op.version, op.id, withoutODataControl(example.value));
  } catch (err) {
    if (strict && err instanceof ExampleMismatchError) throw new ContractSourceError(`${example.file}:${example.line}: ${err.message} (correct the example with an erratum in apidocs/errata)`);
    if (!strict && (err instanceof ExampleMismatchError || (err instanceof Error && /no response schema|missing/.test(err.message)))) return undefined;
    throw err;
  }
}

/** The documented response body the contract expects: the first example response holding a JSON object. */
function documentedResponse(op: Operation): JsonBody | undefined {
  return op.examples.map((e) => e.response?.body).find((b): b is JsonBody => !!b && !!b.value && typeof b.value === 'object' && !Array.isArray(b.value));
}

/** What each generic interaction of an operation is for: a specialisation rewrites them by kind. */
export type GenericKind = 'documented' | 'no-auth' | 'invalid-body' | 'unknown-id';

/** What a specialisation sees of the operation it specialises. */
export interface SpecialisationInput {
  op: Operation;
  assessment: Assessment;
  sources: ContractSources;
  /** `erratum <id>: <reason>` lines of the request example (what error interactions carry). */
  requestErrata: string[];
}

/**
 * Operation-specific knowledge layered on the generic interactions (src/contracts/seed.ts: the seed
 * operations' certificate, proof and PFX states and their extra scenarios). The generic mechanism decides
 * which interactions an operation gets and gives each its documented request, status, matchers and errata;
 * a specialisation may rename them, give them a richer provider state and body, and add scenarios.
 */
export interface Specialisation {
  specialise(kind: GenericKind, generic: InteractionDefinition, input: SpecialisationInput): InteractionDefinition;
  /** Scenarios only this operation has (after its generic ones). */
  extra?(input: SpecialisationInput, documented: InteractionDefinition): InteractionDefinition[];
}

/** Specialisations by `version:operationId`. */
export type Specialisations = Readonly<Record<string, Specialisation>>;

export interface GenericContractInput {
  catalog: Catalog;
  /** Assessments of the selected operations (verifiable ones, or ones whose states only a provider can make). */
  assessments: Assessment[];
  sources: ContractSources;
  /** Operation-specific layers (`version:id` → Specialisation); specialised operations come first. */
  specialisations?: Specialisations;
}

/** Interactions for every assessment with a documented request, and the per-collection error interactions. */
export function genericInteractions(input: GenericContractInput): InteractionDefinition[] {
  const out: InteractionDefinition[] = [];
  const byKey = new Map(input.catalog.operations.map((op) => [`${op.version}:${op.id}`, op]));
  const special = input.specialisations ?? {};
  // Specialised operations first, so the once-per-collection errors are theirs (their contract stays whole).
  const assessments = [...input.assessments].sort((a, b) => Number(!special[`${b.version}:${b.id}`]) - Number(!special[`${a.version}:${a.id}`]));
  const collectionsWith401 = new Set<string>();
  for (const a of assessments) {
    const op = byKey.get(`${a.version}:${a.id}`);
    if (!op || !a.request || (!a.verifiable && a.reason?.code !== 'state-not-creatable')) continue;
    const specialisation = special[`${a.version}:${a.id}`];
    const generated = operationInteractions(a, op, input.sources, collectionsWith401, specialisation !== undefined);
    if (!specialisation) {
      out.push(...generated.map(([, def]) => def));
      continue;
    }
    const context: SpecialisationInput = { op, assessment: a, sources: input.sources, requestErrata: errataComments(op, a.request.exampleLine, input.sources, false) };
    const specialised = generated.map(([kind, def]) => [kind, specialisation.specialise(kind, def, context)] as const);
    out.push(...specialised.map(([, def]) => def));
    const documented = specialised.find(([kind]) => kind === 'documented')![1];
    out.push(...(specialisation.extra?.(context, documented) ?? []));
  }
  return out;
}

/** One operation's generic interactions, by kind: the documented request, and the errors of its collection. */
function operationInteractions(a: Assessment, op: Operation, sources: ContractSources, collectionsWith401: Set<string>, strict: boolean): [GenericKind, InteractionDefinition][] {
  const out: [GenericKind, InteractionDefinition][] = [];
  const names = paramNames(a.states);
  const states = pactStates(a.states);
  const path = requestPath(a, names);
  const body = a.request!.body;
  const queryPairs = parseQuery(a.request!.query);
  const query = queryPairs.length > 0 ? { query: pactQuery(queryPairs) } : {};
  const label = `${a.method} ${a.path} (${a.version} ${a.id})`;
  const requestErrata = comments(errataComments(op, a.request!.exampleLine, sources, false));
  const base = (description: string, over: Partial<InteractionDefinition> = {}): InteractionDefinition => ({
    description,
    ...(states.length ? { states } : {}),
    request: { method: a.method, path, bearer: true, ...query, ...(body !== undefined ? { body } : {}) },
    response: { status: op.successStatus },
    exercise: send(a.method, queryPairs),
    ...requestErrata,
    ...over,
  });
  const matchers = successBody(sources, op, strict);
  out.push(['documented', base(`the documented ${label}`, { response: { status: op.successStatus, ...(matchers ? { body: matchers } : {}) }, ...comments(errataComments(op, a.request!.exampleLine, sources, true)) })]);

  // The errors a client must handle, once per resource collection.
  const segs = a.path.split('/').filter(Boolean);
  const entity = segs.length > 0 && isPlaceholderSegment(segs[segs.length - 1]);
  const collection = `${a.version}:${pathKey(entity ? '/' + segs.slice(0, -1).join('/') : a.path)}`;
  if (!collectionsWith401.has(collection)) {
    collectionsWith401.add(collection);
    out.push(['no-auth', base(`${label} with no Authorization header`, {
      request: { method: a.method, path, bearer: false, ...query, ...(body !== undefined ? { body } : {}) },
      response: { status: 401, body: graphErrorBody('InvalidAuthenticationToken', 'Access token is empty.') },
    })]);
  }
  if (a.method === 'POST' && !entity && body && typeof body === 'object' && !Array.isArray(body)) {
    out.push(['invalid-body', base(`${label} with an invalid body`, {
      request: { method: a.method, path, bearer: true, ...query, body: invalidBodyOf(body) },
      response: { status: 400, body: graphErrorBody('BadRequest', 'The request body does not match the documented schema.') },
    })]);
  }
  if (a.method === 'GET' && entity && a.states.length > 0) {
    const outer = states.slice(0, -1);
    out.push(['unknown-id', {
      description: `${label} for an id that does not exist`,
      ...(outer.length ? { states: outer } : {}),
      request: { method: 'GET', path: requestPath(a, names.slice(0, -1), true), bearer: true, ...query },
      response: { status: 404, body: graphErrorBody('Request_ResourceNotFound', `Resource '${UNKNOWN_ID}' does not exist.`) },
      exercise: send('GET', queryPairs),
    }]);
  }
  return out;
}
