import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphClient, parseMaxResponseSize, responseTooLargeMessage } from '../../src/client/index.js';
import { streamEndlessJson } from '../verify/helpers.js';

describe('client: response bodies are read up to --max-response-size', function () {
  this.timeout(30_000);
  let server: Server;
  let closedByClient = false;
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  async function provider(answer: 'endless' | string): Promise<string> {
    closedByClient = false;
    server = createServer((req, res) => {
      req.resume();
      res.once('close', () => (closedByClient = !res.writableFinished));
      if (answer === 'endless') return streamEndlessJson(res, 20_000);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/beta`;
  }

  it('an endless body: reading stops at the cap, the connection is dropped, the exchange is marked tooLarge', async () => {
    const client = createGraphClient({ baseUrl: await provider('endless'), maxResponseBytes: 256 * 1024, timeoutMs: 15_000 });
    try {
      const exchange = await client.send({ method: 'GET', path: '/applications' });
      expect(exchange.response.status).to.equal(200);
      expect(exchange.response.tooLarge).to.equal(256 * 1024);
      expect(exchange.response.body).to.equal(undefined);
      expect(exchange.response.rawBody).to.equal('');
      await new Promise((r) => setTimeout(r, 50));
      expect(closedByClient, 'the provider saw the reader hang up before it finished').to.equal(true);
    } finally {
      await client.close();
    }
  });

  it('a body up to the cap is read whole and parsed', async () => {
    const body = JSON.stringify({ value: [{ id: 'a', displayName: 'z'.repeat(1000) }] });
    const client = createGraphClient({ baseUrl: await provider(body), maxResponseBytes: Buffer.byteLength(body) });
    try {
      const exchange = await client.send({ method: 'GET', path: '/applications' });
      expect(exchange.response.tooLarge).to.equal(undefined);
      expect(exchange.response.rawBody).to.equal(body);
      expect(exchange.response.body).to.deep.equal(JSON.parse(body));
    } finally {
      await client.close();
    }
  });

  it('--max-response-size is a positive number of MiB; the message names the cap in MiB', () => {
    expect(parseMaxResponseSize('16')).to.equal(16 * 1024 * 1024);
    expect(parseMaxResponseSize('0.5')).to.equal(512 * 1024);
    for (const bad of ['0', '-1', 'lots', '']) expect(() => parseMaxResponseSize(bad), bad).to.throw(/must be a positive number of MiB/);
    expect(responseTooLargeMessage(16 * 1024 * 1024)).to.equal('response larger than 16 MiB (--max-response-size)');
    expect(responseTooLargeMessage(512 * 1024)).to.equal('response larger than 0.5 MiB (--max-response-size)');
  });
});
