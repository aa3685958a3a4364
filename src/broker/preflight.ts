/**
 * Before handing work to the Pact CLI or verifier, ask the broker's index once. A broker that is down,
 * answers 5xx, refuses the credentials or is not a Pact Broker gives one clear line (exit 2) instead of
 * minutes of the CLI's own retries followed by a Rust error dump.
 */
import { request } from 'undici';
import { classifyNetworkError } from '../client/errors.js';
import { redactText } from '../util/redact.js';
import { authorizationHeader, type BrokerAuth, type BrokerConnection } from './connection.js';

/** The broker cannot be used; the message is one line, redacted. */
export class BrokerUnavailableError extends Error {
  constructor(message: string) {
    super(redactText(message.replace(/\s*\n\s*/g, ' ')));
  }
}

const REASONS: Record<string, string> = {
  refused: 'connection refused',
  timeout: 'no answer in time',
  dns: 'host not found',
  reset: 'connection closed',
  tls: 'TLS handshake failed',
};

/**
 * One request to the broker (HAL JSON, its credentials). A broker that cannot be reached or refuses the
 * credentials is a BrokerUnavailableError; any other status is the caller's to judge.
 */
export async function brokerRequest(
  baseUrl: string,
  auth: BrokerAuth,
  method: 'GET' | 'POST',
  url: string,
  options: { body?: unknown; timeoutMs: number },
): Promise<{ status: number; text: string }> {
  const where = `the Pact Broker at ${baseUrl}`;
  const authorization = authorizationHeader(auth);
  let status: number;
  let text: string;
  try {
    const res = await request(url, {
      method,
      headers: {
        accept: 'application/hal+json, application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(authorization ? { authorization } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    const { reason, detail } = classifyNetworkError(err);
    throw new BrokerUnavailableError(`${where} is not reachable (${REASONS[reason] ?? detail})`);
  }
  if (status === 401 || status === 403) throw new BrokerUnavailableError(`${where} refused the credentials (HTTP ${status}); check PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD`);
  return { status, text };
}

/** Resolves when the index answers 2xx with HAL links; throws BrokerUnavailableError otherwise. */
export async function checkBrokerReachable(connection: BrokerConnection, timeoutMs = 10_000): Promise<void> {
  const where = `the Pact Broker at ${connection.baseUrl}`;
  const { status, text } = await brokerRequest(connection.baseUrl, connection.auth, 'GET', connection.baseUrl + '/', { timeoutMs });
  if (status >= 500) throw new BrokerUnavailableError(`${where} answered HTTP ${status}; try again later`);
  if (status < 200 || status > 299) throw new BrokerUnavailableError(`${where} answered HTTP ${status} for its index`);
  let links: unknown;
  try {
    links = (JSON.parse(text) as { _links?: unknown })._links;
  } catch {
    links = undefined;
  }
  if (!links || typeof links !== 'object') throw new BrokerUnavailableError(`${where} does not look like a Pact Broker (its index has no HAL _links)`);
}
