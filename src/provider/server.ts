/**
 * The embedded reference provider: a Microsoft Graph-compatible HTTP server (node:http). Given a catalog
 * (`graphpact serve --docs DIR`), it is a Graph emulator serving every documented operation from a generic
 * store (src/provider/emulator); always, hand-written routes specialise it for create sideLoadingKey,
 * application addKey/removeKey and applications (proofs, PFX, certificates).
 * This module is the I/O edge: it turns HTTP requests into RequestContexts for the route handlers,
 * and ProviderResponses back into Graph's wire format. Every failure becomes Graph's error envelope;
 * a bug in a handler becomes a 500 envelope and the server keeps serving.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { redactText } from '../util/redact.js';
import { acceptWellFormedToken, checkBearer, type TokenValidator } from './auth.js';
import { isJsonContentType, MAX_BODY_BYTES, parseJsonArray, parseJsonObject, readBody } from './body.js';
import type { RequestContext } from './context.js';
import { GraphError, CODES, badRequest } from './errors.js';
import { applyResponseQuirks, resolveQuirks, resolveQuirkScopes, type ProviderQuirks, type QuirkRequest, type QuirkScopes } from './quirks.js';
import type { Catalog, Operation } from '../model/catalog.js';
import { buildEmulator, handleRoute, type Emulator } from './emulator/index.js';
import { failure, serialize, type ProviderResponse } from './response.js';
import { matchRoute, type Route } from './router.js';
import { applicationRoutes, KEY_CREDENTIAL_TYPE, PASSWORD_CREDENTIAL_TYPE } from './routes/applications.js';
import { keyRoutes } from './routes/keys.js';
import { CREATE_OPERATION, sideLoadingKeyRoutes } from './routes/side-loading-keys.js';
import { loadSchemaLookup, type SchemaLookup } from './schemas.js';
import { emptyState, type ProviderState } from './state.js';

export interface ProviderOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** API versions served, default ['beta', 'v1.0']. */
  versions?: string[];
  /** Every response is delayed by this many milliseconds. */
  latencyMs?: number;
  /** Every Nth request is answered 429 TooManyRequests with Retry-After. */
  throttleEvery?: number;
  /** Retry-After of throttled responses, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Generated schemas (default: the package's schemas/ directory). */
  schemasDir?: string;
  /** Accepts or refuses a bearer token; default: any syntactically valid token. */
  tokenValidator?: TokenValidator;
  /** Deliberate non-conformance switches, see quirks.ts: on everywhere (`true`) or for some operations. */
  quirks?: QuirkRequest;
  /** Serve every documented operation of this catalog (the Graph emulator); schemas then come from it. */
  catalog?: Catalog;
  /** With `catalog`: only these operations get routes (default all). */
  selectOperations?: (op: Operation) => boolean;
  /** Page size of emulated lists without $top (default 100). */
  pageSize?: number;
  /** Access log sink (one redacted line per request); off when absent. */
  log?: (line: string) => void;
  /** Largest request body, default 1 MiB. */
  maxBodyBytes?: number;
}

export interface RunningProvider {
  /** `http://127.0.0.1:PORT`; clients use `${url}/${version}`. */
  url: string;
  versions: string[];
  state: ProviderState;
  quirks: ProviderQuirks;
  /** With a catalog: what the emulator routes (counts by kind, and what it does not serve and why). */
  emulator?: Emulator['summary'];
  close(): Promise<void>;
}

export const DEFAULT_SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
const ROUTES: Route[] = [...sideLoadingKeyRoutes, ...applicationRoutes, ...keyRoutes];
const METHODS_WITH_BODY = new Set(['POST', 'PATCH', 'PUT']);

export async function startProvider(opts: ProviderOptions = {}): Promise<RunningProvider> {
  const versions = opts.versions ?? ['beta', 'v1.0'];
  if (versions.length === 0) throw new Error('at least one API version must be served');
  const throttleEvery = opts.throttleEvery ?? 0;
  if (!Number.isInteger(throttleEvery) || throttleEvery < 0) throw new Error(`throttleEvery must be a whole number >= 0 (got ${throttleEvery})`);
  const latencyMs = opts.latencyMs ?? 0;
  if (!(latencyMs >= 0)) throw new Error(`latencyMs must be >= 0 (got ${latencyMs})`);
  const quirks = resolveQuirks(opts.quirks);
  const quirkScopes = resolveQuirkScopes(opts.quirks);
  const pageSize = opts.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a whole number >= 1 (got ${pageSize})`);
  const emulator = opts.catalog ? buildEmulator(opts.catalog, versions, opts.selectOperations) : undefined;
  const schemasDir = opts.schemasDir ?? DEFAULT_SCHEMAS_DIR;
  const built = await loadSchemaLookup(schemasDir, versions);
  // The emulator validates with the schemas of its own docs; what they do not define (the seed routes'
  // types, when the docs are not the seeds) comes from the built schemas directory.
  const schemas = emulator ? firstFound(emulator.schemas, built) : built;
  checkSchemasPresent(schemas, versions, schemasDir);

  const state = emptyState();
  const provider: Provider = {
    versions,
    schemas,
    state,
    quirks,
    quirkScopes,
    emulator,
    pageSize,
    latencyMs,
    throttleEvery,
    retryAfterSeconds: opts.retryAfterSeconds ?? 1,
    tokenValidator: opts.tokenValidator ?? acceptWellFormedToken,
    log: opts.log,
    maxBodyBytes: opts.maxBodyBytes ?? MAX_BODY_BYTES,
    url: '',
  };
  const server = createServer({ keepAlive: true }, (req, res) => {
    serve(provider, req, res).catch(() => res.destroy()); // serve() handles its own errors; this is the last net
  });
  server.on('clientError', (_err, socket) => {
    // Unparseable HTTP: there is no request to answer in Graph's format.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  provider.url = `http://${host}:${address.port}`;
  return {
    url: provider.url,
    versions,
    state,
    quirks,
    ...(emulator ? { emulator: emulator.summary } : {}),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

interface Provider {
  url: string;
  versions: string[];
  schemas: SchemaLookup;
  state: ProviderState;
  quirks: ProviderQuirks;
  quirkScopes: QuirkScopes;
  emulator?: Emulator;
  pageSize: number;
  latencyMs: number;
  throttleEvery: number;
  retryAfterSeconds: number;
  tokenValidator: TokenValidator;
  log?: (line: string) => void;
  maxBodyBytes: number;
}

function firstFound(first: SchemaLookup, second: SchemaLookup): SchemaLookup {
  return {
    request: (version, id) => first.request(version, id) ?? second.request(version, id),
    type: (version, name) => first.type(version, name) ?? second.type(version, name),
    response: (version, id) => first.response(version, id) ?? second.response(version, id),
  };
}

/** The provider cannot validate what the docs define without these schemas: refuse to start. */
function checkSchemasPresent(schemas: SchemaLookup, versions: string[], dir: string): void {
  const missing: string[] = [];
  for (const version of versions) {
    if (!schemas.request(version, CREATE_OPERATION)) missing.push(`${version}: request schema of ${CREATE_OPERATION}`);
    for (const type of [KEY_CREDENTIAL_TYPE, PASSWORD_CREDENTIAL_TYPE]) {
      if (!schemas.type(version, type)) missing.push(`${version}: type schema of ${type}`);
    }
  }
  if (missing.length > 0) throw new Error(`schemas in ${dir} are incomplete (run \`graphpact build\`): missing ${[...new Set(missing)].join('; ')}`);
}

async function serve(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const now = new Date();
  const ids = { requestId: randomUUID(), clientRequestId: clientRequestId(req) ?? randomUUID(), date: now.toISOString().slice(0, 19) };
  let response: ProviderResponse;
  const exchange: Exchange = { method: (req.method ?? 'GET').toUpperCase() };
  try {
    response = await respond(provider, req, now, exchange);
  } catch (err) {
    if (err instanceof GraphError) {
      response = failure(err);
    } else {
      provider.log?.(redactText(`error ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`));
      response = failure(new GraphError(500, CODES.internal, 'An internal server error occurred.'));
    }
  }
  response.operationId ??= exchange.operationId;
  applyResponseQuirks(response, provider.quirks, exchange, provider.quirkScopes);
  const wire = serialize(response, ids);
  // A body we refused unread (413) is not drained: close the connection instead of reading it.
  const unread = !req.complete && response.status === 413;
  if (unread) wire.headers.connection = 'close';
  if (provider.latencyMs > 0) await delay(provider.latencyMs);
  if (res.destroyed) return;
  res.writeHead(wire.status, wire.headers);
  res.end(wire.payload);
  if (unread) res.once('finish', () => setTimeout(() => req.socket.destroy(), 50).unref());
  provider.log?.(redactText(`${req.method} ${req.url} ${wire.status} ${Date.now() - started}ms request-id=${ids.requestId}`));
}

/** The request as quirks see it: filled in by the pipeline as it learns the operation and the body. */
interface Exchange {
  method: string;
  operationId?: string;
  requestBody?: Record<string, unknown>;
}

/**
 * The request pipeline: throttle, auth, route, body, handler. Throws GraphError for every refusal.
 * Hand-written routes come first; what they do not route goes to the emulator's routes (with a catalog).
 */
async function respond(provider: Provider, req: IncomingMessage, now: Date, exchange: Exchange): Promise<ProviderResponse> {
  const { state } = provider;
  state.requests += 1;
  if (provider.throttleEvery > 0 && state.requests % provider.throttleEvery === 0) {
    state.throttled += 1;
    throw new GraphError(429, CODES.throttled, 'Too many requests. Please retry after the time given by Retry-After.', {
      'retry-after': String(provider.retryAfterSeconds),
    });
  }
  if (!provider.quirks.skipAuth) checkBearer(req.headers.authorization, provider.tokenValidator);

  const { segments, query } = parseUrl(req.url ?? '/');
  const [version, ...path] = segments;
  if (version === undefined || !provider.versions.includes(version)) {
    throw badRequest(`Invalid version: '${version ?? ''}'. Supported versions: ${provider.versions.join(', ')}.`);
  }
  const method = exchange.method;
  const match = matchRoute(ROUTES, method, path);
  const emulated = match.kind === 'found' || !provider.emulator ? undefined : provider.emulator.matcher.match(version, method, path);
  if (emulated?.kind !== 'found') {
    if (match.kind === 'noRoute' && emulated?.kind !== 'wrongMethod') throw badRequest(`Resource not found for the segment '${match.segment}'.`);
    if (match.kind !== 'found') {
      const allowed = [...new Set([...(match.kind === 'wrongMethod' ? match.allowed : []), ...(emulated?.kind === 'wrongMethod' ? emulated.allowed : [])])];
      throw new GraphError(405, CODES.methodNotAllowed, `The ${method} method is not supported on this resource.`, { allow: allowed.join(', ') });
    }
  }
  exchange.operationId = match.kind === 'found' ? match.operationId : emulated?.kind === 'found' ? emulated.route.operationId : undefined;

  let body: Record<string, unknown> | undefined;
  let arrayBody: unknown[] | undefined;
  if (METHODS_WITH_BODY.has(method)) {
    // An emulated action that documents no body may be called without one (no Content-Type, nothing sent);
    // a route the emulator does not serve answers its 501 whatever the body (bytes, a JSON array).
    const bodiless = emulated?.kind === 'found' && (emulated.route.notServed !== undefined || emulated.route.operation.requestBody === undefined && !hasBody(req));
    if (!bodiless) {
      if (!isJsonContentType(req.headers['content-type'])) {
        throw new GraphError(415, CODES.unsupportedMediaType, `Content-Type must be application/json (got ${req.headers['content-type'] ?? 'none'}).`);
      }
      const bytes = await readBody(req, provider.maxBodyBytes);
      if (emulated?.kind === 'found' && emulated.route.arrayBody) arrayBody = parseJsonArray(bytes);
      else exchange.requestBody = body = parseJsonObject(bytes);
    }
  }
  const ctx: RequestContext = {
    version,
    serviceRoot: `${provider.url}/${version}`,
    params: match.kind === 'found' ? match.params : {},
    query,
    body,
    now,
    state,
    schemas: provider.schemas,
    quirks: provider.quirks,
  };
  if (match.kind === 'found') return match.handler(ctx);
  if (emulated?.kind !== 'found' || !provider.emulator) throw new Error('unreachable: no route was found');
  return handleRoute(emulated.route, emulated.address, {
    ...ctx,
    store: state.store,
    creatable: provider.emulator.table.creatable,
    navigations: provider.emulator.table.navigations,
    aliases: provider.emulator.aliases,
    pageSize: provider.pageSize,
    requestPath: path.map(encodeURIComponent).join('/'),
    ...(emulated.count ? { count: true } : {}),
    ...(arrayBody ? { arrayBody } : {}),
    ...(typeof req.headers.consistencylevel === 'string' ? { consistencyLevel: req.headers.consistencylevel } : {}),
  });
}

/** Whether the request carries a body (a length above 0, or a chunked one). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Path segments (percent-decoded, trailing slash ignored) and query. Malformed URLs are 400. */
function parseUrl(raw: string): { segments: string[]; query: URLSearchParams } {
  try {
    const url = new URL(raw, 'http://provider.invalid');
    const segments = url.pathname.split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1))).map(decodeURIComponent);
    return { segments, query: url.searchParams };
  } catch {
    throw badRequest('The request URL is malformed.');
  }
}

/** Echo the client's id when it is a sane header value, as Graph does. */
function clientRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['client-request-id'];
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value) ? value : undefined;
}
