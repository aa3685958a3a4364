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
import { isPlaceholderSegment, pathKey, type Assessment, type StateNeed } from '../select/assess.js';
import { invalidBodyOf } from '../verify/generic.js';
import { graphErrorBody, type InteractionDefinition, type RequestPath } from './interaction.js';
import { withoutODataControl } from './interactions.js';
import { ExampleMismatchError, type BodyMatchers } from './matchers-from-schema.js';
import type { ContractSources } from './sources.js';

/** Fake ids of the objects provider states create (real ones come from the state). */
export function exampleId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** An id no provider has: the unknown id of the 404 interactions. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-0000000dead0';

/** Pact expression names: `group-id` → `group_id`; a repeated name gets its position (`id`, `id_2`). */
export function paramNames(states: StateNeed[]): string[] {
  const used = new Map<string, number>();
  return states.map((s) => {
    const base = s.placeholder.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'id';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** The request path with state params as Pact expressions (`${group_id}`) and fake ids as examples. */
function requestPath(assessment: Assessment, names: string[], unknownLast = false): RequestPath {
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
function pactStates(states: StateNeed[], names: string[]): NonNullable<InteractionDefinition['states']> {
  return states.map((s, i) => {
    // The collection with earlier ids as expressions, so a handler (or a provider) can fill them in.
    let k = 0;
    const collection = s.collection.replace(/\{[^{}/]+\}/g, () => `\${${names[k++]}}`);
    return {
      name: s.name,
      params: {
        as: names[i],
        collection,
        example: exampleId(i + 1),
        ...(s.create ? { createdBy: s.create.operationId, body: JSON.stringify(s.create.body) } : { creatable: 'false' }),
      },
    };
  });
}

/** The client call every generic interaction makes: the documented method, path and body, as is. */
const send: (method: string, bearer: boolean) => InteractionDefinition['exercise'] = (method) => (client, ex) =>
  client.send({ method, path: ex.path, ...(ex.body !== undefined ? { body: ex.body } : {}) });

/** Pact V4 comments naming the errata (apidocs/errata) the operation's documented facts and examples follow. */
function errataComments(op: Operation): Pick<InteractionDefinition, 'comments'> {
  const ids = [...new Set([...(op.errata ?? []), ...(op.requestBody?.errata ?? []), ...op.examples.flatMap((e) => [...(e.request?.body?.errata ?? []), ...(e.response?.body?.errata ?? [])])])];
  return ids.length > 0 ? { comments: [`corrected by errata: ${ids.join(', ')} (apidocs/errata)`] } : {};
}

/** Response matchers from the schema and the documented response example; none when either is missing or they disagree. */
function successBody(sources: ContractSources, op: Operation): BodyMatchers | undefined {
  const example = op.examples.map((e) => e.response?.body?.value).find((v) => v && typeof v === 'object' && !Array.isArray(v));
  if (!example || op.successStatus === 204) return undefined;
  try {
    return sources.responseMatchers(op.version, op.id, withoutODataControl(example));
  } catch (err) {
    // A documented example the schema refuses (a docs defect lint reports): the status alone is contracted.
    if (err instanceof ExampleMismatchError || (err instanceof Error && /no response schema|missing/.test(err.message))) return undefined;
    throw err;
  }
}

export interface GenericContractInput {
  catalog: Catalog;
  /** Assessments of the selected operations (verifiable ones, or ones whose states only a provider can make). */
  assessments: Assessment[];
  sources: ContractSources;
}

/** Interactions for every assessment with a documented request, and the per-collection error interactions. */
export function genericInteractions(input: GenericContractInput): InteractionDefinition[] {
  const out: InteractionDefinition[] = [];
  const byKey = new Map(input.catalog.operations.map((op) => [`${op.version}:${op.id}`, op]));
  const collectionsWith401 = new Set<string>();
  for (const a of input.assessments) {
    const op = byKey.get(`${a.version}:${a.id}`);
    if (!op || !a.request || (!a.verifiable && a.reason?.code !== 'state-not-creatable')) continue;
    const names = paramNames(a.states);
    const states = pactStates(a.states, names);
    const path = requestPath(a, names);
    const body = a.request.body;
    const label = `${a.method} ${a.path} (${a.version} ${a.id})`;
    const base = (description: string, over: Partial<InteractionDefinition> = {}): InteractionDefinition => ({
      description,
      ...(states.length ? { states } : {}),
      request: { method: a.method, path, bearer: true, ...(body !== undefined ? { body } : {}) },
      response: { status: op.successStatus },
      exercise: send(a.method, true),
      ...errataComments(op),
      ...over,
    });
    const matchers = successBody(input.sources, op);
    out.push(base(`the documented ${label}`, { response: { status: op.successStatus, ...(matchers ? { body: matchers } : {}) } }));

    // The errors a client must handle, once per resource collection.
    const segs = a.path.split('/').filter(Boolean);
    const entity = segs.length > 0 && isPlaceholderSegment(segs[segs.length - 1]);
    const collection = `${a.version}:${pathKey(entity ? '/' + segs.slice(0, -1).join('/') : a.path)}`;
    if (!collectionsWith401.has(collection)) {
      collectionsWith401.add(collection);
      out.push(base(`${label} with no Authorization header`, {
        request: { method: a.method, path, bearer: false, ...(body !== undefined ? { body } : {}) },
        response: { status: 401, body: graphErrorBody('InvalidAuthenticationToken', 'Access token is empty.') },
      }));
    }
    if (a.method === 'POST' && !entity && body && typeof body === 'object' && !Array.isArray(body)) {
      out.push(base(`${label} with an invalid body`, {
        request: { method: a.method, path, bearer: true, body: invalidBodyOf(body) },
        response: { status: 400, body: graphErrorBody('BadRequest', 'The request body does not match the documented schema.') },
      }));
    }
    if (a.method === 'GET' && entity && a.states.length > 0) {
      const outer = states.slice(0, -1);
      out.push({
        description: `${label} for an id that does not exist`,
        ...(outer.length ? { states: outer } : {}),
        request: { method: 'GET', path: requestPath(a, names.slice(0, -1), true), bearer: true },
        response: { status: 404, body: graphErrorBody('Request_ResourceNotFound', `Resource '${UNKNOWN_ID}' does not exist.`) },
        exercise: send('GET', true),
      });
    }
  }
  return out;
}
