/**
 * Where the Pact Broker is and how to authenticate, resolved the Pact way: flags first, then
 * PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD.
 * Credentials are registered for redaction the moment they are read.
 */
import { registerSecret } from '../util/redact.js';

export interface BrokerFlags {
  brokerBaseUrl?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
}

export type BrokerAuth =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'basic'; username: string; password: string };

export interface BrokerConnection {
  /** Base URL without a trailing slash. */
  baseUrl: string;
  auth: BrokerAuth;
}

/** A broker option that cannot work; the message is one line for the user. */
export class BrokerConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Flags override the environment; empty strings count as unset. */
export function resolveBrokerConnection(flags: BrokerFlags, env: Env = process.env): BrokerConnection {
  const pick = (flag: string | undefined, name: string) => (flag !== undefined && flag !== '' ? flag : env[name] || undefined);
  const token = pick(flags.brokerToken, 'PACT_BROKER_TOKEN');
  const username = pick(flags.brokerUsername, 'PACT_BROKER_USERNAME');
  const password = pick(flags.brokerPassword, 'PACT_BROKER_PASSWORD');
  registerSecret(token);
  registerSecret(password);

  const rawUrl = pick(flags.brokerBaseUrl, 'PACT_BROKER_BASE_URL');
  if (!rawUrl) throw new BrokerConfigError('no Pact Broker given: use --broker-base-url or set PACT_BROKER_BASE_URL');
  const baseUrl = brokerBaseUrl(rawUrl);

  // A token given as a flag wins over basic auth from the environment, and the other way round.
  const tokenFromFlag = Boolean(flags.brokerToken);
  const basicFromFlag = Boolean(flags.brokerUsername || flags.brokerPassword);
  if (tokenFromFlag && basicFromFlag) {
    throw new BrokerConfigError('give either --broker-token or --broker-username/--broker-password, not both');
  }
  if (token && !basicFromFlag) return { baseUrl, auth: { kind: 'token', token } };
  if (username || password) {
    if (!username) throw new BrokerConfigError('a broker password needs a username: use --broker-username or set PACT_BROKER_USERNAME');
    if (!password) throw new BrokerConfigError('a broker username needs a password: use --broker-password or set PACT_BROKER_PASSWORD');
    return { baseUrl, auth: { kind: 'basic', username, password } };
  }
  return { baseUrl, auth: { kind: 'none' } };
}

/** Validates an http(s) URL without credentials in it, and drops the trailing slash. */
export function brokerBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BrokerConfigError(`the Pact Broker URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BrokerConfigError(`the Pact Broker URL must be http or https (got "${url.protocol}")`);
  }
  if (url.username || url.password) {
    registerSecret(decodeURIComponent(url.password));
    throw new BrokerConfigError('put broker credentials in --broker-username/--broker-password or PACT_BROKER_* variables, not in the URL');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Environment for the Pact CLI child: our broker variables replaced by the resolved connection.
 * Credentials go through the environment, never the argument list, so they do not show in `ps`.
 */
export function pactCliEnv(connection: BrokerConnection, base: Env = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined && !key.startsWith('PACT_BROKER_')) env[key] = value;
  env.PACT_BROKER_BASE_URL = connection.baseUrl;
  if (connection.auth.kind === 'token') env.PACT_BROKER_TOKEN = connection.auth.token;
  if (connection.auth.kind === 'basic') {
    env.PACT_BROKER_USERNAME = connection.auth.username;
    env.PACT_BROKER_PASSWORD = connection.auth.password;
  }
  return env;
}

/** The Authorization header value for the connection, when it has credentials. */
export function authorizationHeader(auth: BrokerAuth): string | undefined {
  if (auth.kind === 'token') return `Bearer ${auth.token}`;
  if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  return undefined;
}
