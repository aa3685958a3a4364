import { expect } from 'chai';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { request } from 'undici';
import { classifyNetworkError } from '../../src/client/index.js';
import { startRetryingForwarder } from '../../src/verify/retrying-forwarder.js';
import { closedPortUrl, startHangingProvider, streamEndlessJson } from './helpers.js';

/** A TCP server that answers every connection with bytes that are not HTTP. */
async function startGarbageProvider(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createTcpServer((socket) => socket.once('data', () => socket.end('this is not HTTP\r\n\r\n')));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

describe('verify/retrying forwarder: telling "no answer" from "a bad answer"', function () {
  this.timeout(10_000);

  async function through(target: string): Promise<{ status: number; body: string; unreachable: string[] }> {
    const unreachable: string[] = [];
    const forwarder = await startRetryingForwarder(target, { timeoutMs: 500, retry: { maxRetries: 0 }, onUnreachable: (m) => unreachable.push(m) });
    try {
      const res = await request(`${forwarder.url}/beta/things`);
      return { status: res.statusCode, body: await res.body.text(), unreachable };
    } finally {
      await forwarder.close();
    }
  }

  it('a closed port or a provider that never answers: 502 to Pact, and the run is told', async () => {
    const closed = await through(await closedPortUrl());
    expect([closed.status, closed.unreachable.length]).to.deep.equal([502, 1]);
    expect(closed.unreachable[0]).to.match(/^provider refused the connection at http:\/\/127\.0\.0\.1:\d+\/beta\/things/);
    const hanging = await startHangingProvider();
    try {
      const hung = await through(hanging.url);
      expect([hung.status, hung.unreachable.length]).to.deep.equal([502, 1]);
      expect(hung.unreachable[0]).to.match(/^provider did not answer in time at http:\/\/127\.0\.0\.1:\d+\/beta\/things: no complete response within 500 ms$/);
    } finally {
      await hanging.close();
    }
  });

  it('classifies an AbortSignal timeout by its name, not by its numeric DOMException code', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyNetworkError(timeout)).to.deep.equal({ reason: 'timeout', detail: 'The operation was aborted due to timeout' });
    expect(classifyNetworkError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).to.deep.equal({ reason: 'refused', detail: 'ECONNREFUSED' });
  });

  it('a provider that answers with something that is not HTTP: 502 to Pact (a failure), but it did answer', async () => {
    const garbage = await startGarbageProvider();
    try {
      const answer = await through(garbage.url);
      expect(answer.status).to.equal(502);
      expect(answer.body).to.match(/^graphpact forwarder: the provider's answer at http:\/\/127\.0\.0\.1:\d+\/beta\/things could not be read: /);
      expect(answer.unreachable).to.deep.equal([]);
    } finally {
      await garbage.close();
    }
  });

  it('waits out a Retry-After that fits in Pact\'s budget, and hands back the 429 at once when it does not', async () => {
    let calls = 0;
    const server = createHttpServer((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(429, { 'retry-after': '0.05' }).end();
      else if (calls === 2) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else res.writeHead(429, { 'retry-after': '30' }).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const forwarder = await startRetryingForwarder(target, { timeoutMs: 500, budgetMs: 5_000 });
    try {
      const first = await request(`${forwarder.url}/beta/things`);
      await first.body.dump();
      expect([first.statusCode, calls]).to.deep.equal([200, 2]);
      // 30 s does not fit in 5 s: no waiting, Pact gets the 429 (inconclusive) instead of its own timeout (failed).
      const second = await request(`${forwarder.url}/beta/things`);
      await second.body.dump();
      expect([second.statusCode, second.headers['retry-after'], calls]).to.deep.equal([429, '30', 3]);
    } finally {
      await forwarder.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
  it('a provider answer longer than the cap: 502 to Pact saying "response larger than", the run told; one at the cap passes whole', async () => {
    const small = JSON.stringify({ value: 'x'.repeat(2000) });
    const provider = createHttpServer((req, res) => {
      req.resume();
      if (req.url === '/beta/endless') return streamEndlessJson(res, 10_000);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(small);
    });
    await new Promise<void>((ok) => provider.listen(0, '127.0.0.1', () => ok()));
    const target = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const tooLarge: string[] = [];
    const forwarder = await startRetryingForwarder(target, { timeoutMs: 5000, retry: { maxRetries: 0 }, maxResponseBytes: Buffer.byteLength(small), onTooLarge: (m) => tooLarge.push(m) });
    try {
      const endless = await request(`${forwarder.url}/beta/endless`);
      expect(endless.statusCode).to.equal(502);
      const mib = Buffer.byteLength(small) / (1024 * 1024);
      expect(await endless.body.text()).to.equal(`graphpact forwarder: response larger than ${Math.round(mib * 1000) / 1000} MiB (--max-response-size) at ${target}/beta/endless`);
      expect(tooLarge).to.deep.equal([`response larger than ${Math.round(mib * 1000) / 1000} MiB (--max-response-size)`]);
      const fits = await request(`${forwarder.url}/beta/fits`);
      expect([fits.statusCode, await fits.body.text()]).to.deep.equal([200, small]);
      expect(tooLarge).to.have.length(1);
    } finally {
      await forwarder.close();
      provider.closeAllConnections();
      await new Promise((ok) => provider.close(ok));
    }
  });
});
