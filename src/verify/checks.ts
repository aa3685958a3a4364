/**
 * Schema-conformance checks, Schemathesis style: each check is a small named pure function that looks at one
 * real exchange (request + provider response) and says pass, fail, warn or skip (not applicable to this
 * exchange). The runner (conformance.ts) decides which requests to send; checks only judge what came back.
 */
import { headerValue, type CheckedExchange } from './exchange.js';
import { create_echoes_request, delete_then_404, list_contains_created, location_header, read_after_write, type StatefulContext } from './stateful-checks.js';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'inconclusive' | 'skip';

export interface CheckResult {
  status: CheckStatus;
  /** One line a person can act on. */
  message: string;
  /** What the docs/Graph require, and what the provider did: shown side by side (and diffed) in reports. */
  expected?: string;
  actual?: string;
}

/**
 * Why a request was sent: the valid documented call, or a deliberately wrong one the provider must refuse.
 */
export type Scenario = 'success' | 'no-auth' | 'invalid-body' | 'invalid-proof' | 'unknown-id' | 'read-after-write' | 'list-after-create' | 'get-after-delete';

export interface SchemaVerdict {
  valid: boolean;
  errors: { path: string; message: string }[];
}

export interface CheckContext {
  operationId: string;
  scenario: Scenario;
  /** The documented success status (schemas/index.json). */
  successStatus: number;
  /** Validates a success body against the operation's response schema; undefined when none is documented. */
  validateResponse?: (body: unknown) => SchemaVerdict;
  /** Top-level properties the returned type documents: undocumented extras are warnings, an envelope a failure. */
  documentedProperties?: string[];
  /** `create`: a POST to a collection that answers the new object (the stateful checks judge it). */
  operationKind?: 'create' | 'update' | 'other';
  /** What the run wrote before this exchange, for the stateful checks (stateful-checks.ts). */
  stateful?: StatefulContext;
}

export type Check = (exchange: CheckedExchange, ctx: CheckContext) => CheckResult;

/** Statuses Microsoft Graph documents for errors (https://learn.microsoft.com/graph/errors). */
export const GRAPH_ERROR_STATUSES = [400, 401, 403, 404, 405, 406, 409, 410, 411, 412, 413, 415, 416, 422, 423, 429, 500, 501, 503, 504, 507, 509];

/** The deliberately wrong requests. */
type RefusedScenario = 'no-auth' | 'invalid-body' | 'invalid-proof' | 'unknown-id';

/** Follow-up requests of the stateful checks: only they judge them. */
export const FOLLOW_UP_SCENARIOS: Scenario[] = ['read-after-write', 'list-after-create', 'get-after-delete'];

const skip = (message: string): CheckResult => ({ status: 'skip', message });
const pass = (message: string): CheckResult => ({ status: 'pass', message });

/** The error status each deliberately wrong request must get. */
const EXPECTED_ERROR: Record<RefusedScenario, { status: number; why: string }> = {
  'no-auth': { status: 401, why: 'a request with no Authorization header' },
  'invalid-body': { status: 400, why: 'a request body that breaks the documented schema' },
  'invalid-proof': { status: 401, why: 'a proof not signed by any of the application\'s certificates' },
  'unknown-id': { status: 404, why: 'a request for an id no object has' },
};

export const status_code_conformance: Check = (exchange, ctx) => {
  const status = exchange.response.status;
  if (FOLLOW_UP_SCENARIOS.includes(ctx.scenario)) return skip('judged by the stateful checks');
  if (ctx.scenario === 'success') {
    return status === ctx.successStatus
      ? pass(`status ${status} as documented`)
      : { status: 'fail', message: `documented success status is ${ctx.successStatus}, provider answered ${status}`, expected: `HTTP ${ctx.successStatus}`, actual: withBody(status, exchange.response.body) };
  }
  // Error scenarios: whether it refused at all is the scenario's own check; here only whether the status is one Graph uses.
  if (status < 400) return skip('request was not refused (see the scenario check)');
  return GRAPH_ERROR_STATUSES.includes(status)
    ? pass(`error status ${status} is one Graph documents`)
    : { status: 'fail', message: `error status ${status} is not one Graph documents`, expected: `one of ${GRAPH_ERROR_STATUSES.join(', ')}`, actual: `HTTP ${status}` };
};

/** Media type and parameters of a Content-Type value. */
export function parseContentType(value: string): { mediaType: string; params: Record<string, string> } {
  const [type, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return { mediaType: type.trim().toLowerCase(), params };
}

export const content_type_conformance: Check = (exchange) => {
  const { response } = exchange;
  if (response.status === 204 || response.body === '' || response.body === undefined) return skip('no response body');
  const value = headerValue(response.headers, 'content-type');
  const expected = 'application/json (OData parameters and charset=utf-8 allowed)';
  if (!value) return { status: 'fail', message: 'response has a body but no Content-Type', expected, actual: '(none)' };
  const { mediaType, params } = parseContentType(value);
  if (mediaType !== 'application/json') return { status: 'fail', message: `Content-Type is ${mediaType}, not application/json`, expected, actual: value };
  const charset = params.charset?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return { status: 'fail', message: `charset ${charset} is not utf-8`, expected, actual: value };
  return pass(`Content-Type ${value}`);
};

/** Undocumented top-level properties, OData annotations excepted. */
export function undocumentedProperties(body: Record<string, unknown>, documented: string[]): string[] {
  return Object.keys(body).filter((name) => !name.startsWith('@odata.') && !documented.includes(name)).sort();
}

/**
 * `{"value": {...}}` or `{"keyCredential": {...}}` around the documented object: none of the documented
 * properties at the top, one undocumented key holding an object. Returns that key.
 */
export function envelopeKey(body: Record<string, unknown>, documented: string[]): string | undefined {
  const keys = Object.keys(body).filter((name) => !name.startsWith('@odata.'));
  if (documented.length === 0 || keys.length !== 1) return undefined;
  const only = body[keys[0]];
  const wrapsObject = only !== null && typeof only === 'object' && !Array.isArray(only);
  // A documented property holding an object (sideLoadingKey.value is a string) is left to the schema check.
  return wrapsObject && !documented.includes(keys[0]) ? keys[0] : undefined;
}

export const response_schema_conformance: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'success') return skip('only success responses carry the documented body');
  const { status, body } = exchange.response;
  if (status !== ctx.successStatus) return skip(`status ${status} is not the documented success status`);
  if (!ctx.validateResponse) return skip('no response body documented');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { status: 'fail', message: 'response body is not a JSON object', expected: 'a JSON object', actual: typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body) };
  }
  const documented = ctx.documentedProperties ?? [];
  const record = body as Record<string, unknown>;
  const wrapper = envelopeKey(record, documented);
  if (wrapper) {
    return { status: 'fail', message: `response wrapped in an undocumented "${wrapper}" envelope`, expected: `the object itself: { ${documented.slice(0, 6).join(', ')}${documented.length > 6 ? ', ...' : ''} }`, actual: pretty(body) };
  }
  const verdict = ctx.validateResponse(body);
  if (!verdict.valid) {
    const lines = verdict.errors.map((e) => `${e.path || '/'} ${e.message}`);
    return { status: 'fail', message: `response breaks the schema: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ` (+${lines.length - 3} more)` : ''}`, expected: lines.join('\n'), actual: pretty(body) };
  }
  // An entity that comes back without its key cannot be addressed afterwards: the schema may not require it, we do.
  if (documented.includes('id') && (record.id === undefined || record.id === null || record.id === '')) {
    return { status: 'fail', message: 'response has no "id": the created entity cannot be addressed', expected: '"id": "<identifier>"', actual: pretty(body) };
  }
  const extras = undocumentedProperties(record, documented);
  if (documented.length > 0 && extras.length > 0) {
    return { status: 'warn', message: `undocumented properties (Graph adds properties; not a failure): ${extras.join(', ')}` };
  }
  return pass('response matches the schema');
};

export const error_envelope_conformance: Check = (exchange) => {
  const { status, body } = exchange.response;
  if (status < 400) return skip('not an error response');
  const expected = '{"error": {"code": string, "message": string, "innerError": {...}}}';
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== 'object') {
    return { status: 'fail', message: `HTTP ${status} body is not Graph's error envelope`, expected, actual: typeof body === 'string' ? body.slice(0, 500) || '(empty)' : pretty(body) };
  }
  const { code, message, innerError } = error as Record<string, unknown>;
  const missing = [typeof code !== 'string' || !code ? 'error.code' : '', typeof message !== 'string' ? 'error.message' : ''].filter(Boolean);
  if (missing.length > 0) return { status: 'fail', message: `error envelope lacks ${missing.join(' and ')}`, expected, actual: pretty(body) };
  if (!innerError || typeof innerError !== 'object') return { status: 'warn', message: `error envelope (${code}) has no innerError with request-id/date` };
  return pass(`Graph error envelope (${code})`);
};

export const request_id_present: Check = (exchange) => {
  const value = headerValue(exchange.response.headers, 'request-id');
  return value && value.trim()
    ? pass(`request-id ${value}`)
    : { status: 'fail', message: 'response has no request-id header', expected: 'request-id: <guid>', actual: '(none)' };
};

export const client_request_id_echoed: Check = (exchange) => {
  const sent = headerValue(exchange.request.headers, 'client-request-id');
  if (!sent) return skip('request carried no client-request-id');
  const echoed = headerValue(exchange.response.headers, 'client-request-id');
  return echoed === sent
    ? pass('client-request-id echoed')
    : { status: 'fail', message: echoed ? 'client-request-id echoed with a different value' : 'client-request-id not echoed', expected: `client-request-id: ${sent}`, actual: echoed ? `client-request-id: ${echoed}` : '(none)' };
};

/** Builds the check for one deliberately wrong request: the provider must refuse it with the documented status. */
function mustRefuse(scenario: RefusedScenario): Check {
  return (exchange, ctx) => {
    if (ctx.scenario !== scenario) return skip(`only for the ${scenario} request`);
    const { status: wanted, why } = EXPECTED_ERROR[scenario];
    const status = exchange.response.status;
    if (status === wanted) return pass(`${why} is refused with ${wanted}`);
    return {
      status: 'fail',
      message: status < 400 ? `${why} was accepted (HTTP ${status})` : `${why} got HTTP ${status}, not ${wanted}`,
      expected: `HTTP ${wanted}`,
      actual: withBody(status, exchange.response.body),
    };
  };
}

export const auth_required: Check = mustRefuse('no-auth');
export const rejects_invalid_body: Check = mustRefuse('invalid-body');
export const proof_checked: Check = mustRefuse('invalid-proof');
/** The documented request with the id of the object it addresses replaced by one no object has: 404, not 200 or 500. */
export const unknown_id_404: Check = mustRefuse('unknown-id');

/** Every check by name, in report order. `--checks a,b` selects a subset. */
export const checks: Record<string, Check> = {
  status_code_conformance,
  content_type_conformance,
  response_schema_conformance,
  error_envelope_conformance,
  request_id_present,
  client_request_id_echoed,
  auth_required,
  rejects_invalid_body,
  proof_checked,
  unknown_id_404,
  create_echoes_request,
  read_after_write,
  delete_then_404,
  list_contains_created,
  location_header,
};

export const CHECK_NAMES = Object.keys(checks);

/** Parses `--checks a,b` (or `all`): unknown names are a usage error naming the valid ones. */
export function selectChecks(list: string | undefined): string[] {
  if (!list || list.trim() === 'all') return [...CHECK_NAMES];
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((name) => !CHECK_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`unknown check(s) ${unknown.join(', ')}; valid: ${CHECK_NAMES.join(', ')}`);
  if (names.length === 0) throw new Error(`--checks is empty; valid: ${CHECK_NAMES.join(', ')}`);
  return CHECK_NAMES.filter((name) => names.includes(name));
}

/** `HTTP 201` and the body under it (cut at 2 000 characters): what a person needs to see what happened. */
function withBody(status: number, body: unknown): string {
  if (body === undefined || body === '') return `HTTP ${status}`;
  const text = typeof body === 'string' ? body : pretty(body);
  return `HTTP ${status}\n${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}`;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}
