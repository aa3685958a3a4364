/** Test helpers: a provider per suite and a small undici client that speaks to it over real HTTP. */
import { request } from 'undici';
import { startProvider, type ProviderOptions, type RunningProvider } from '../../src/provider/index.js';
import { makeSelfSignedCertificate, signProof, type SelfSignedCertificate } from '../../src/credentials/index.js';

export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.test-token';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, undefined when the body is empty or not JSON. */
  json: any;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body (sent as is). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Leave out the Authorization header. */
  noAuth?: boolean;
}

export async function call(base: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (!opts.noAuth) headers.authorization = `Bearer ${TOKEN}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, opts.headers);
  const res = await request(`${base}${path}`, {
    method: method as 'GET',
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
  return { status: res.statusCode, headers: flat, text, json };
}

/** Starts a provider for a suite and returns a handle whose fields are set in `before`. */
export function useProvider(opts: ProviderOptions = {}): { provider: RunningProvider; beta: string; v1: string } {
  const handle = {} as { provider: RunningProvider; beta: string; v1: string };
  before(async function () {
    handle.provider = await startProvider(opts);
    handle.beta = `${handle.provider.url}/beta`;
    handle.v1 = `${handle.provider.url}/v1.0`;
  });
  after(async function () {
    await handle.provider?.close();
  });
  return handle;
}

/** The envelope every error must have. */
export function expectEnvelope(reply: Reply, status: number, code: string): void {
  if (reply.status !== status) throw new Error(`expected ${status} ${code}, got ${reply.status}: ${reply.text}`);
  const error = reply.json?.error;
  if (!error || error.code !== code || typeof error.message !== 'string' || !error.message) {
    throw new Error(`expected error envelope with code ${code}, got ${reply.text}`);
  }
  const inner = error.innerError;
  if (!inner || inner['request-id'] !== reply.headers['request-id'] || inner['client-request-id'] !== reply.headers['client-request-id'] || typeof inner.date !== 'string') {
    throw new Error(`innerError does not match the headers: ${reply.text}`);
  }
}

/** An application whose keyCredentials hold one certificate (via PATCH), and that certificate. */
export async function applicationWithCertificate(base: string, displayName = 'graphpact-test app'): Promise<{ id: string; appId: string; cert: SelfSignedCertificate }> {
  const cert = await makeSelfSignedCertificate({ subject: 'CN=graphpact-test-existing' });
  const created = await call(base, 'POST', '/applications', { body: { displayName } });
  if (created.status !== 201) throw new Error(`create application: ${created.status} ${created.text}`);
  const patched = await call(base, 'PATCH', `/applications/${created.json.id}`, {
    body: { keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.certDerBase64 }] },
  });
  if (patched.status !== 204) throw new Error(`PATCH keyCredentials: ${patched.status} ${patched.text}`);
  return { id: created.json.id, appId: created.json.appId, cert };
}

export function proofFor(app: { id: string; cert: SelfSignedCertificate }, extra: Partial<Parameters<typeof signProof>[0]> = {}): Promise<string> {
  return signProof({ privateKey: app.cert.privateKey, applicationObjectId: app.id, ...extra });
}
