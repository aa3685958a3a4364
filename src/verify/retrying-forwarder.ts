/**
 * A loopback forwarder between the Pact verifier and the provider that gives Pact's requests the same
 * patience as the client's: 429/503/504 are retried with Retry-After (seconds, fractional, HTTP date) or
 * backoff, within the same retry budget (src/client/retry-after.ts). The Pact verifier itself never
 * retries, so without this a throttling but conformant provider would fail its contracts.
 * Requests and responses pass through unchanged otherwise (headers, bodies, statuses).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { classifyNetworkError, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RETRY, ProviderUnreachableError, readBodyUpTo, responseTooLargeMessage, retryDelay, type RetryPolicy } from '../client/index.js';
import { redactText } from '../util/redact.js';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the forwarder recomputes. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'content-length']);

export interface Forwarder {
  /** `http://127.0.0.1:PORT`: use `${url}${path of the provider base URL}` as Pact's provider base URL. */
  url: string;
  close(): Promise<void>;
}

export interface ForwarderOptions {
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** Told (one line, redacted) each time the provider could not be reached or did not answer in time. */
  onUnreachable?: (message: string) => void;
  /**
   * Time Pact waits for one answer. A wait (Retry-After or backoff) plus the next attempt that would not fit
   * is not started: the throttled answer goes back to Pact at once, which reports the interaction
   * inconclusive, instead of Pact timing out and calling it failed.
   */
  budgetMs?: number;
  /** Longest provider answer passed on, in bytes (default 16 MiB); a longer one is cut off and Pact gets a 502. */
  maxResponseBytes?: number;
  /** Told (the "response larger than N MiB" line, without the URL: Pact's 502 body has it) each time an answer was cut off. */
  onTooLarge?: (message: string) => void;
}

export async function startRetryingForwarder(providerBaseUrl: string, options: ForwarderOptions): Promise<Forwarder> {
  const origin = new URL(providerBaseUrl).origin;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const agent = new Agent({ connectTimeout: options.timeoutMs, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  const server = createServer((req, res) => {
    forward(req, res).catch((err: unknown) => {
      // Answer like a gateway so Pact reports it on this interaction. When the provider could not be
      // reached or did not answer in time, also tell the run: it cannot then call the provider conformant
      // or not (exit 2). A garbled answer ('other') is the provider's fault; a Pact-side hang-up is not its at all.
      let message = err instanceof Error ? err.message : String(err);
      if (err instanceof TooLargeError) {
        message = `${responseTooLargeMessage(maxResponseBytes)} at ${origin + (req.url ?? '/')}`;
        options.onTooLarge?.(responseTooLargeMessage(maxResponseBytes));
      } else if (err instanceof UpstreamError) {
        const { reason, detail } = classifyNetworkError(err.cause);
        const url = origin + (req.url ?? '/');
        if (reason === 'other') {
          message = `the provider's answer at ${url} could not be read: ${detail}`;
        } else {
          message = new ProviderUnreachableError(reason, url, reason === 'timeout' ? `no complete response within ${options.timeoutMs} ms` : detail).message;
          options.onUnreachable?.(message);
        }
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(redactText(`graphpact forwarder: ${message}`));
    });
  });

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const body = await readAll(req);
    const headers = forwardedHeaders(req.headers);
    for (let retries = 0; ; retries++) {
      let upstream: Dispatcher.ResponseData;
      let payload: Buffer | undefined;
      try {
        upstream = await request(origin + (req.url ?? '/'), {
          method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
          headers,
          body: body.length > 0 ? body : undefined,
          dispatcher: agent,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        payload = await readBodyUpTo(upstream.body, maxResponseBytes);
      } catch (err) {
        throw new UpstreamError(err);
      }
      if (payload === undefined) throw new TooLargeError();
      const retryAfter = header(upstream.headers['retry-after']);
      const wait = retryDelay(upstream.statusCode, retryAfter, retries, policy, Date.now());
      const fits = wait !== undefined && (options.budgetMs === undefined || Date.now() - started + wait + options.timeoutMs <= options.budgetMs);
      if (wait === undefined || !fits) {
        res.writeHead(upstream.statusCode, { ...forwardedHeaders(upstream.headers), 'content-length': String(payload.length) });
        res.end(payload);
        return;
      }
      await sleep(wait);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close();
    },
  };
}

/** The provider's answer was longer than maxResponseBytes: reading stopped there. */
class TooLargeError extends Error {}

/** The provider's side failed (connect, send, or read the answer), as opposed to the Pact side or ours. */
class UpstreamError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function forwardedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
