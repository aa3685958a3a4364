/**
 * A small typed Microsoft Graph client on undici. It is the consumer the Pact contracts describe and
 * the caller the verifier uses against real providers, so it is strict about the network:
 * every attempt has a timeout, 429/503/504 are retried a bounded number of times (honouring
 * Retry-After in seconds, fractional seconds or an HTTP date; backoff with jitter otherwise), and a
 * provider that cannot be reached ends in a ProviderUnreachableError, never a hang.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { redactValue, registerSecret, REDACTED } from '../util/redact.js';
import { ProviderUnreachableError, classifyNetworkError } from './errors.js';
import type { Exchange, ExchangeResponse, GraphResult } from './exchange.js';
import type {
  AddKeyBody,
  Application,
  KeyCredential,
  ODataCollection,
  RemoveKeyBody,
  SideLoadingKey,
} from './graph-types.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyUpTo } from './body-limit.js';
import { DEFAULT_RETRY, RETRYABLE_STATUSES, retryDelay, type RetryPolicy } from './retry-after.js';

export interface GraphClientOptions {
  /** Service root including the version segment, e.g. `https://graph.microsoft.com/beta`. */
  baseUrl: string;
  /** Bearer token, or a function returning one (called per request, so it may refresh). Omit to send none. */
  token?: string | (() => Promise<string>);
  /** Per-attempt timeout: connect, headers and the whole body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Longest response body read, in bytes (default 16 MiB): a longer one is cut off and marked `tooLarge`. */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  userAgent?: string;
  /** Called with every final Exchange (after retries). */
  onExchange?: (exchange: Exchange) => void;
  /** For tests: the clock and random source of the retry timing, and the sleep. */
  clock?: { now(): number; random(): number; sleep(ms: number): Promise<void> };
}

export interface SendOptions {
  method: string;
  /** Path below the base URL (`/applications/123`), with query if any. */
  path: string;
  headers?: Record<string, string>;
  /** JSON-serialised when present. */
  body?: unknown;
}

export interface GraphClient {
  readonly baseUrl: string;
  send(options: SendOptions): Promise<Exchange>;
  createSideLoadingKey(body: SideLoadingKey): Promise<GraphResult<SideLoadingKey>>;
  getSideLoadingKey(id: string): Promise<GraphResult<SideLoadingKey>>;
  deleteSideLoadingKey(id: string): Promise<GraphResult<void>>;
  addKey(applicationId: string, body: AddKeyBody): Promise<GraphResult<KeyCredential>>;
  removeKey(applicationId: string, body: RemoveKeyBody): Promise<GraphResult<void>>;
  createApplication(body: Application): Promise<GraphResult<Application>>;
  getApplication(id: string): Promise<GraphResult<Application>>;
  updateApplication(id: string, patch: Application): Promise<GraphResult<void>>;
  deleteApplication(id: string): Promise<GraphResult<void>>;
  listApplications(options?: { filter?: string }): Promise<GraphResult<ODataCollection<Application>>>;
  /** Closes the connection pool. */
  close(): Promise<void>;
}

export const DEFAULT_USER_AGENT = 'graphpact';

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const clock = options.clock ?? { now: () => Date.now(), random: Math.random, sleep: (ms: number) => sleep(ms) };
  if (typeof options.token === 'string') registerSecret(options.token);
  const agent = new Agent({ connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });

  async function bearer(): Promise<string | undefined> {
    if (options.token === undefined) return undefined;
    const token = typeof options.token === 'string' ? options.token : await options.token();
    registerSecret(token);
    return token;
  }

  async function send({ method, path, headers = {}, body }: SendOptions): Promise<Exchange> {
    const url = baseUrl + (path.startsWith('/') ? path : `/${path}`);
    const token = await bearer();
    const requestHeaders: Record<string, string> = {
      accept: 'application/json',
      'client-request-id': randomUUID(),
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      ...lowerCaseKeys(headers),
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = clock.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      const response = await attempt(method, url, requestHeaders, payload);
      const wait = retryDelay(response.status, response.headers['retry-after'], attempts - 1, policy, clock.now(), clock.random);
      if (wait === undefined) {
        const exchange: Exchange = {
          request: { method, url, headers: redactHeaders(requestHeaders), ...(body !== undefined ? { body: redactValue(body) } : {}) },
          response,
          durationMs: clock.now() - started,
          attempts,
          exhaustedRetries: RETRYABLE_STATUSES.has(response.status),
        };
        options.onExchange?.(exchange);
        return exchange;
      }
      await clock.sleep(wait);
    }
  }

  async function attempt(method: string, url: string, headers: Record<string, string>, payload: string | undefined): Promise<ExchangeResponse> {
    let res: Dispatcher.ResponseData;
    let bytes: Buffer | undefined;
    try {
      // The signal bounds the whole attempt (connect + headers + body), whatever the provider trickles;
      // the cap bounds what is kept, whatever it floods.
      const signal = AbortSignal.timeout(timeoutMs);
      res = await request(url, { method, headers, body: payload, dispatcher: agent, signal });
      bytes = await readBodyUpTo(res.body, maxResponseBytes);
    } catch (err) {
      const { reason, detail } = classifyNetworkError(err);
      throw new ProviderUnreachableError(reason, url, reason === 'timeout' ? `no complete response within ${timeoutMs} ms` : detail);
    }
    const responseHeaders = flattenHeaders(res.headers);
    if (bytes === undefined) return { status: res.statusCode, headers: responseHeaders, body: undefined, rawBody: '', tooLarge: maxResponseBytes };
    const rawBody = bytes.toString('utf8');
    return { status: res.statusCode, headers: responseHeaders, body: parseBody(rawBody, responseHeaders['content-type']), rawBody };
  }

  async function typed<T>(options: SendOptions): Promise<GraphResult<T>> {
    const exchange = await send(options);
    const ok = exchange.response.status >= 200 && exchange.response.status < 300;
    return { ...exchange, ok, ...(ok && exchange.response.body !== undefined ? { data: exchange.response.body as T } : {}) };
  }

  const seg = encodeURIComponent;
  return {
    baseUrl,
    send,
    createSideLoadingKey: (body) => typed({ method: 'POST', path: '/deviceAppManagement/sideLoadingKeys', body }),
    getSideLoadingKey: (id) => typed({ method: 'GET', path: `/deviceAppManagement/sideLoadingKeys/${seg(id)}` }),
    deleteSideLoadingKey: (id) => typed({ method: 'DELETE', path: `/deviceAppManagement/sideLoadingKeys/${seg(id)}` }),
    addKey: (applicationId, body) => typed({ method: 'POST', path: `/applications/${seg(applicationId)}/addKey`, body }),
    removeKey: (applicationId, body) => typed({ method: 'POST', path: `/applications/${seg(applicationId)}/removeKey`, body }),
    createApplication: (body) => typed({ method: 'POST', path: '/applications', body }),
    getApplication: (id) => typed({ method: 'GET', path: `/applications/${seg(id)}` }),
    updateApplication: (id, patch) => typed({ method: 'PATCH', path: `/applications/${seg(id)}`, body: patch }),
    deleteApplication: (id) => typed({ method: 'DELETE', path: `/applications/${seg(id)}` }),
    listApplications: ({ filter } = {}) =>
      typed({ method: 'GET', path: filter === undefined ? '/applications' : `/applications?$filter=${seg(filter)}` }),
    close: () => agent.close(),
  };
}

function normaliseBaseUrl(baseUrl: string): string {
  try {
    new URL(baseUrl);
  } catch {
    throw new TypeError(`not an absolute URL: "${baseUrl}" (expected e.g. https://graph.microsoft.com/beta)`);
  }
  return baseUrl.replace(/\/+$/, '');
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The Authorization value never leaves the client: only its scheme is kept. */
function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  if (out.authorization !== undefined) out.authorization = `${out.authorization.split(' ')[0]} ${REDACTED}`;
  return out;
}

/** JSON when the content type says so (or the text looks like JSON); text otherwise; undefined when empty. */
export function parseBody(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody.length === 0) return undefined;
  const looksJson = /[/+]json\b/i.test(contentType ?? '') || /^\s*[{[]/.test(rawBody);
  if (!looksJson) return rawBody;
  try {
    return JSON.parse(rawBody);
  } catch {
    return rawBody;
  }
}
