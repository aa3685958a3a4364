import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphClient, ProviderUnreachableError, type Exchange } from '../../src/client/index.js';
import { clearRegisteredSecrets } from '../../src/util/redact.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string, hit: number) => void;

/** A tiny provider on 127.0.0.1 whose behaviour each test scripts. */
async function startServer(handler: Handler): Promise<{ url: string; server: Server; requests: { headers: IncomingMessage['headers']; body: string }[] }> {
  const requests: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      handler(req, res, body, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/beta`, server, requests };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;odata.metadata=minimal;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Records the waits instead of sleeping, so retry tests are instant and exact. */
function fakeClock() {
  const waits: number[] = [];
  return { waits, clock: { now: () => Date.parse('2026-01-01T00:00:00Z'), random: () => 1, sleep: async (ms: number) => void waits.push(ms) } };
}

describe('client/createGraphClient', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
    clearRegisteredSecrets();
  });

  it('sends bearer, client-request-id and JSON, and returns a typed Exchange', async () => {
    const s = await startServer((req, res, body) => json(res, 201, { ...JSON.parse(body), id: 'k1' }));
    server = s.server;
    const seen: Exchange[] = [];
    const client = createGraphClient({ baseUrl: s.url + '/', token: 'secret-token-123', onExchange: (e) => seen.push(e) });
    const result = await client.createSideLoadingKey({ displayName: 'n', totalActivation: 3 });
    await client.close();
    expect(result.ok).to.equal(true);
    expect(result.data).to.deep.equal({ displayName: 'n', totalActivation: 3, id: 'k1' });
    expect(result.response.status).to.equal(201);
    expect(result.request.url).to.equal(s.url + '/deviceAppManagement/sideLoadingKeys');
    const sent = s.requests[0].headers;
    expect(sent.authorization).to.equal('Bearer secret-token-123');
    expect(sent['client-request-id']).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent['content-type']).to.equal('application/json');
    // The exchange can be written anywhere: the token is not in it.
    expect(JSON.stringify(seen)).not.to.contain('secret-token-123');
    expect(result.request.headers.authorization).to.equal('Bearer [REDACTED]');
    expect(seen).to.have.length(1);
  });

  it('sends no Authorization header without a token, and asks a token function per request', async () => {
    const s = await startServer((req, res) => json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } }));
    server = s.server;
    const anonymous = createGraphClient({ baseUrl: s.url });
    const r = await anonymous.getApplication('a b');
    expect(r.ok).to.equal(false);
    expect(r.data).to.equal(undefined);
    expect(r.request.url).to.match(/\/applications\/a%20b$/);
    expect(s.requests[0].headers.authorization).to.equal(undefined);
    let calls = 0;
    const refreshing = createGraphClient({ baseUrl: s.url, token: async () => `tok-${++calls}-abcdef` });
    await refreshing.getApplication('x');
    await refreshing.getApplication('x');
    expect(s.requests.map((r) => r.headers.authorization).slice(1)).to.deep.equal(['Bearer tok-1-abcdef', 'Bearer tok-2-abcdef']);
    await anonymous.close();
    await refreshing.close();
  });

  it('redacts the proof from the recorded request body', async () => {
    const s = await startServer((req, res) => json(res, 200, { keyId: 'k' }));
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url, token: 'tok-abcdef' });
    const r = await client.addKey('app', { keyCredential: { type: 'AsymmetricX509Cert' }, proof: 'eyJhbGciOi.proof.sig' });
    await client.close();
    expect(JSON.parse(s.requests[0].body).proof).to.equal('eyJhbGciOi.proof.sig');
    expect(JSON.stringify(r.request)).not.to.contain('eyJhbGciOi.proof.sig');
  });

  for (const [label, retryAfter, expectedWait] of [
    ['seconds', '2', 2000],
    ['fractional seconds', '0.5', 500],
    ['an HTTP date', 'Thu, 01 Jan 2026 00:00:03 GMT', 3000],
  ] as const) {
    it(`retries a 429 after Retry-After in ${label}`, async () => {
      const s = await startServer((req, res, body, hit) =>
        hit === 1 ? json(res, 429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': retryAfter }) : json(res, 200, { ok: true }),
      );
      server = s.server;
      const { waits, clock } = fakeClock();
      const client = createGraphClient({ baseUrl: s.url, clock });
      const r = await client.send({ method: 'GET', path: '/applications' });
      await client.close();
      expect(r.response.status).to.equal(200);
      expect(r.attempts).to.equal(2);
      expect(r.exhaustedRetries).to.equal(false);
      expect(waits).to.deep.equal([expectedWait]);
      // Retries keep the client-request-id of the logical request.
      expect(s.requests[0].headers['client-request-id']).to.equal(s.requests[1].headers['client-request-id']);
    });
  }

  it('backs off exponentially on 503 without Retry-After and returns the last response flagged when exhausted', async () => {
    const s = await startServer((req, res) => json(res, 503, { error: { code: 'serviceNotAvailable', message: 'busy' } }));
    server = s.server;
    const { waits, clock } = fakeClock();
    const client = createGraphClient({ baseUrl: s.url, clock, retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 300 } });
    const r = await client.send({ method: 'GET', path: '/applications' });
    await client.close();
    expect(r.response.status).to.equal(503);
    expect(r.attempts).to.equal(4);
    expect(r.exhaustedRetries).to.equal(true);
    expect(waits).to.deep.equal([100, 200, 300]);
  });

  it('really waits a short Retry-After with the real clock', async () => {
    const s = await startServer((req, res, body, hit) =>
      hit === 1 ? json(res, 504, {}, { 'retry-after': '0.2' }) : json(res, 200, {}),
    );
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url });
    const r = await client.send({ method: 'GET', path: '/x' });
    await client.close();
    expect(r.response.status).to.equal(200);
    expect(r.durationMs).to.be.at.least(190);
  });

  it('does not retry other errors', async () => {
    const s = await startServer((req, res) => json(res, 500, { error: { code: 'x', message: 'y' } }, { 'retry-after': '1' }));
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url, clock: fakeClock().clock });
    const r = await client.send({ method: 'GET', path: '/x' });
    await client.close();
    expect([r.attempts, r.exhaustedRetries, s.requests.length]).to.deep.equal([1, false, 1]);
  });

  it('times out a provider that never answers with a one-line ProviderUnreachableError', async () => {
    const s = await startServer(() => undefined /* hang */);
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url, timeoutMs: 300, token: 'hidden-token-xyz' });
    const started = Date.now();
    const err = await client.getApplication('1').then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).to.be.below(3000);
    expect(err).to.be.instanceOf(ProviderUnreachableError);
    const e = err as ProviderUnreachableError;
    expect(e.reason).to.equal('timeout');
    expect(e.message).to.match(/did not answer in time .*\/applications\/1: no complete response within 300 ms/);
    expect(e.message).not.to.contain('\n');
    expect(e.message).not.to.contain('hidden-token-xyz');
    await client.close().catch(() => undefined);
  });

  it('times out a provider that sends headers but trickles the body forever', async () => {
    const s = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    });
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url, timeoutMs: 300 });
    const err = await client.send({ method: 'GET', path: '/x' }).then(() => undefined, (e: unknown) => e);
    expect((err as ProviderUnreachableError).reason).to.equal('timeout');
  });

  it('reports connection refused as ProviderUnreachableError', async () => {
    const s = await startServer(() => undefined);
    const url = s.url;
    await new Promise((r) => s.server.close(r));
    const client = createGraphClient({ baseUrl: url, timeoutMs: 2000 });
    const err = await client.send({ method: 'GET', path: '/x' }).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(ProviderUnreachableError);
    expect((err as ProviderUnreachableError).reason).to.equal('refused');
    expect((err as Error).message).to.match(/refused the connection at http:\/\/127\.0\.0\.1:\d+\/beta\/x/);
  });

  it('returns non-JSON bodies as text and empty bodies as undefined', async () => {
    const s = await startServer((req, res, body, hit) => {
      if (hit === 1) { res.writeHead(204); res.end(); } else { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<h1>bad gateway</h1>'); }
    });
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url });
    const a = await client.deleteApplication('1');
    const b = await client.send({ method: 'GET', path: '/x' });
    await client.close();
    expect([a.ok, a.response.status, a.response.body, a.data]).to.deep.equal([true, 204, undefined, undefined]);
    expect(b.response.body).to.equal('<h1>bad gateway</h1>');
  });

  it('maps every typed method to its Graph method and path', async () => {
    const s = await startServer((req, res) => json(res, 200, { value: [] }));
    server = s.server;
    const client = createGraphClient({ baseUrl: s.url, token: 'tok-abcdef' });
    const calls = [
      client.createSideLoadingKey({ displayName: 'k' }),
      client.getSideLoadingKey('k/1'),
      client.deleteSideLoadingKey('k1'),
      client.addKey('a1', { keyCredential: { type: 'AsymmetricX509Cert' }, proof: 'p' }),
      client.removeKey('a1', { keyId: 'k', proof: 'p' }),
      client.createApplication({ displayName: 'app' }),
      client.getApplication('a1'),
      client.updateApplication('a1', { keyCredentials: [] }),
      client.deleteApplication('a1'),
      client.listApplications({ filter: "displayName eq 'x y'" }),
      client.listApplications(),
    ];
    const results = [];
    for (const call of calls) results.push(await call);
    await client.close();
    expect(results.map((r) => `${r.request.method} ${r.request.url.slice(s.url.length)}`)).to.deep.equal([
      'POST /deviceAppManagement/sideLoadingKeys',
      'GET /deviceAppManagement/sideLoadingKeys/k%2F1',
      'DELETE /deviceAppManagement/sideLoadingKeys/k1',
      'POST /applications/a1/addKey',
      'POST /applications/a1/removeKey',
      'POST /applications',
      'GET /applications/a1',
      'PATCH /applications/a1',
      'DELETE /applications/a1',
      "GET /applications?$filter=displayName%20eq%20'x%20y'",
      'GET /applications',
    ]);
    expect(results[9].data).to.deep.equal({ value: [] });
  });

  it('rejects a base URL that is not absolute', () => {
    expect(() => createGraphClient({ baseUrl: 'graph/beta' })).to.throw(/not an absolute URL: "graph\/beta"/);
  });
});
