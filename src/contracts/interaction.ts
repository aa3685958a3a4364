/**
 * A small fluent DSL for the contract's interactions, so each one reads like what it describes:
 *
 *   interaction('a request to create a sideLoadingKey')
 *     .withRequest('POST', path`/deviceAppManagement/sideLoadingKeys`)
 *     .withBearerToken()
 *     .withJsonBody(documentedBody)
 *     .willRespondWith(201, responseMatchers)
 *     .exercisedBy((client, ex) => client.createSideLoadingKey(ex.body))
 *
 * A definition is plain data plus the consumer call; src/contracts/pact.ts turns it into a Pact
 * interaction. The same definitions serve the mocha spec and `writeContracts()`.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import type { GraphClient } from '../client/graph-client.js';
import type { Exchange } from '../client/exchange.js';
import type { BodyMatchers } from './matchers-from-schema.js';
import { GUID, LOOSE_DATE_TIME } from './patterns.js';
import { StateValue, stateExpression, type StateName } from './states.js';

/** A request path, possibly holding provider-state values (`/applications/${applicationId}/addKey`). */
export interface RequestPath {
  /** The path the consumer test sends. */
  example: string;
  /** Pact provider-state expression, when the path holds state values. */
  expression?: string;
  stateValues: StateValue[];
}

/** Tagged template: path`/applications/${fromState(PARAMS.applicationId, 'x')}/addKey`. */
export function path(strings: TemplateStringsArray, ...values: Array<string | StateValue>): RequestPath {
  let example = strings[0];
  let expression = strings[0];
  const stateValues: StateValue[] = [];
  values.forEach((value, i) => {
    if (value instanceof StateValue) {
      stateValues.push(value);
      example += encodeURIComponent(value.example);
      expression += stateExpression(value.param);
    } else {
      example += value;
      expression += value;
    }
    example += strings[i + 1];
    expression += strings[i + 1];
  });
  return { example, ...(stateValues.length > 0 ? { expression } : {}), stateValues };
}

/** What the consumer test hands to `exercise`: the example request with state values replaced by their examples. */
export interface ExampleRequest {
  path: string;
  body: unknown;
  /** Example value of each provider-state parameter the interaction uses. */
  params: Record<string, string>;
}

export interface InteractionDefinition {
  description: string;
  state?: { name: StateName; params: Record<string, string> };
  /**
   * Generic interactions (src/contracts/generic.ts): provider states inferred from the path, outermost
   * first, each carrying what creates it (collection, documented example body, the param its id fills).
   */
  states?: { name: string; params: Record<string, string> }[];
  /** `query`: the documented example's query parameters (`$select=...`), sent as documented. */
  request: { method: string; path: RequestPath; bearer: boolean; body?: unknown; query?: Record<string, string[]> };
  response: { status: number; body?: BodyMatchers };
  /** Pact V4 interaction comments: `erratum <id>: <reason>` for each erratum its documented bodies follow. */
  comments?: string[];
  /** Calls the typed client the way a consumer does. */
  exercise(client: GraphClient, example: ExampleRequest): Promise<Exchange>;
}

class InteractionBuilder {
  private state?: StateName;
  private request?: { method: string; path: RequestPath; bearer: boolean; body?: unknown };
  private response?: { status: number; body?: BodyMatchers };
  private comments: string[] = [];

  constructor(private readonly description: string) {}

  given(state: StateName): this {
    this.state = state;
    return this;
  }

  withRequest(method: string, requestPath: RequestPath): this {
    this.request = { method, path: requestPath, bearer: false };
    return this;
  }

  withBearerToken(): this {
    this.requireRequest().bearer = true;
    return this;
  }

  withJsonBody(body: unknown): this {
    this.requireRequest().body = body;
    return this;
  }

  willRespondWith(status: number, body?: BodyMatchers): this {
    this.response = { status, ...(body ? { body } : {}) };
    return this;
  }

  /** The errata (apidocs/errata) its documented bodies follow, as comments written into the contract. */
  correctedBy(comments: readonly string[]): this {
    this.comments.push(...comments);
    return this;
  }

  exercisedBy(exercise: InteractionDefinition['exercise']): InteractionDefinition {
    const request = this.requireRequest();
    if (!this.response) throw new Error(`interaction "${this.description}": willRespondWith() missing`);
    const used = [...request.path.stateValues, ...stateValuesIn(request.body)];
    if (used.length > 0 && !this.state) throw new Error(`interaction "${this.description}" uses provider-state values but has no given() state`);
    const params = Object.fromEntries(used.map((v) => [v.param, v.example]).sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      description: this.description,
      ...(this.state ? { state: { name: this.state, params } } : {}),
      request,
      response: this.response,
      ...(this.comments.length > 0 ? { comments: [...this.comments] } : {}),
      exercise,
    };
  }

  private requireRequest() {
    if (!this.request) throw new Error(`interaction "${this.description}": withRequest() must come first`);
    return this.request;
  }
}

export function interaction(description: string): InteractionBuilder {
  return new InteractionBuilder(description);
}

/** Every StateValue in a body, in document order. */
export function stateValuesIn(body: unknown): StateValue[] {
  if (body instanceof StateValue) return [body];
  if (Array.isArray(body)) return body.flatMap(stateValuesIn);
  if (body && typeof body === 'object') return Object.values(body).flatMap(stateValuesIn);
  return [];
}

/** The body with every StateValue replaced by `replace(value)`; everything else copied as is. */
export function mapStateValues(body: unknown, replace: (value: StateValue) => unknown): unknown {
  if (body instanceof StateValue) return replace(body);
  if (Array.isArray(body)) return body.map((v) => mapStateValues(v, replace));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, mapStateValues(v, replace)]));
  return body;
}

/** The body the consumer sends: state values replaced by their examples. */
export function exampleOf(body: unknown): unknown {
  return mapStateValues(body, (value) => value.example);
}

/** The body as a Pact template: state values become ProviderState generators. */
export function pactTemplateOf(body: unknown): unknown {
  return mapStateValues(body, (value) => MatchersV3.fromProviderState(stateExpression(value.param), value.example));
}

/** Fixed, fake example ids of the error envelope (matched by regex, never by value). */
const EXAMPLE_REQUEST_ID = '7f1e3a52-0c4d-4b8e-9a51-3f2d8c6b1e01';
const EXAMPLE_CLIENT_REQUEST_ID = '7f1e3a52-0c4d-4b8e-9a51-3f2d8c6b1e02';

/**
 * Graph's error envelope, `{"error": {"code", "message", "innerError": {"date", "request-id",
 * "client-request-id"}}}`: code and message by type, the ids as GUIDs, the date as Graph writes it.
 */
export function graphErrorBody(code: string, message: string): BodyMatchers {
  return {
    template: {
      error: {
        code: MatchersV3.like(code),
        message: MatchersV3.like(message),
        innerError: {
          date: MatchersV3.regex(LOOSE_DATE_TIME, '2019-02-04T14:57:30'),
          'request-id': MatchersV3.regex(GUID, EXAMPLE_REQUEST_ID),
          'client-request-id': MatchersV3.regex(GUID, EXAMPLE_CLIENT_REQUEST_ID),
        },
      },
    },
    nullable: [],
  };
}
