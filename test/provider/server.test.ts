/** The provider's HTTP behaviour common to every route: headers, envelope, auth, body limits, errors. */
import { expect } from 'chai';
import { Readable } from 'node:stream';
import { connect } from 'node:net';
import { once } from 'node:events';
import { request } from 'undici';
import { startProvider, GRAPH_JSON_CONTENT_TYPE, MAX_BODY_BYTES } from '../../src/provider/index.js';
import { call, expectEnvelope, useProvider, TOKEN } from './helpers.js';

const KEYS = '/deviceAppManagement/sideLoadingKeys';

describe('provider: HTTP behaviour', function () {
  const p = useProvider();

  describe('headers', function () {
    it('answers with Graph\'s content type, a new request-id and a generated client-request-id', async function () {
      const a = await call(p.beta, 'GET', KEYS);
      const b = await call(p.beta, 'GET', KEYS);
      expect(a.status).to.equal(200);
      expect(a.headers['content-type']).to.equal(GRAPH_JSON_CONTENT_TYPE);
      expect(a.headers['request-id']).to.match(/^[0-9a-f-]{36}$/);
      expect(a.headers['request-id']).not.to.equal(b.headers['request-id']);
      expect(a.headers['client-request-id']).to.match(/^[0-9a-f-]{36}$/);
    });

    it('echoes the client\'s client-request-id, on success and in the error envelope', async function () {
      const ok = await call(p.beta, 'GET', KEYS, { headers: { 'client-request-id': 'my-trace-42' } });
      expect(ok.headers['client-request-id']).to.equal('my-trace-42');
      const bad = await call(p.beta, 'GET', `${KEYS}/nope`, { headers: { 'client-request-id': 'my-trace-43' } });
      expectEnvelope(bad, 404, 'ResourceNotFound');
      expect(bad.json.error.innerError['client-request-id']).to.equal('my-trace-43');
      expect(bad.json.error.innerError.date).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    });
  });

  describe('authentication', function () {
    it('401 InvalidAuthenticationToken without a token', async function () {
      expectEnvelope(await call(p.beta, 'GET', KEYS, { noAuth: true }), 401, 'InvalidAuthenticationToken');
    });

    it('401 for a malformed Authorization header', async function () {
      for (const value of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer two tokens', 'Bearer bad"chars', TOKEN]) {
        const reply = await call(p.beta, 'GET', KEYS, { noAuth: true, headers: { authorization: value } });
        expectEnvelope(reply, 401, 'InvalidAuthenticationToken');
      }
    });

    it('a stricter token validator refuses tokens it does not know', async function () {
      const strict = await startProvider({ tokenValidator: (token) => token === 'the-one-token' });
      try {
        expectEnvelope(await call(`${strict.url}/beta`, 'GET', KEYS), 401, 'InvalidAuthenticationToken');
        const ok = await call(`${strict.url}/beta`, 'GET', KEYS, { noAuth: true, headers: { authorization: 'Bearer the-one-token' } });
        expect(ok.status).to.equal(200);
      } finally {
        await strict.close();
      }
    });
  });

  describe('bad requests', function () {
    it('400 for malformed JSON, naming the line and column, without quoting the body', async function () {
      const reply = await call(p.beta, 'POST', KEYS, { raw: '{\n  "value": "secret-value-123",\n  oops\n}', headers: { 'content-type': 'application/json' } });
      expectEnvelope(reply, 400, 'BadRequest');
      expect(reply.json.error.message).to.match(/line 3, column 3/);
      expect(reply.text).not.to.include('secret-value-123');
    });

    it('400 for an empty body and for JSON that is not an object', async function () {
      for (const raw of ['', '[1,2]', '42', 'null']) {
        const reply = await call(p.beta, 'POST', KEYS, { raw, headers: { 'content-type': 'application/json' } });
        expectEnvelope(reply, 400, 'BadRequest');
      }
    });

    it('400 for a body that is not valid UTF-8 (JSON text must be UTF-8), storing nothing', async function () {
      const before = await call(p.beta, 'GET', KEYS);
      const raw = Buffer.concat([Buffer.from('{"displayName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const reply = await call(p.beta, 'POST', KEYS, { raw, headers: { 'content-type': 'application/json' } });
      expectEnvelope(reply, 400, 'BadRequest');
      expect(reply.json.error.message).to.match(/UTF-8/);
      expect((await call(p.beta, 'GET', KEYS)).json.value).to.have.length(before.json.value.length);
    });

    it('415 for a body that is not application/json', async function () {
      const reply = await call(p.beta, 'POST', KEYS, { raw: 'value=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expectEnvelope(reply, 415, 'UnsupportedMediaType');
      expectEnvelope(await call(p.beta, 'POST', KEYS, { raw: '{}' }), 415, 'UnsupportedMediaType');
      // Parameters after the media type are fine.
      const ok = await call(p.beta, 'POST', KEYS, { raw: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(ok.status).to.equal(201);
    });

    it('413 for a body over 1 MiB announced by Content-Length, and the server keeps serving', async function () {
      const reply = await call(p.beta, 'POST', KEYS, { raw: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20), headers: { 'content-type': 'application/json' } });
      expectEnvelope(reply, 413, 'RequestEntityTooLarge');
      expect(reply.headers.connection).to.equal('close');
      expect((await call(p.beta, 'GET', KEYS)).status).to.equal(200);
    });

    it('413 for a chunked body that grows past 1 MiB, without reading all of it', async function () {
      let produced = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const endless = new Readable({
        read() {
          produced += chunk.length;
          this.push(produced > 64 * MAX_BODY_BYTES ? null : chunk); // would be 64 MiB if read to the end
        },
      });
      const res = await request(`${p.beta}${KEYS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: endless,
      }).catch((err: Error) => err);
      if (res instanceof Error) {
        // The server may close before the client has finished sending: then the client sees a reset, never a 2xx.
        expect(res.message).to.match(/closed|reset|socket|EPIPE/i);
      } else {
        expect(res.statusCode).to.equal(413);
        await res.body.text();
      }
      expect(produced).to.be.below(16 * MAX_BODY_BYTES);
      expect((await call(p.beta, 'GET', KEYS)).status).to.equal(200);
    });

    it('400 for an unknown route and an unknown version, 405 for a wrong method', async function () {
      const unknown = await call(p.beta, 'GET', '/deviceAppManagement/nothingHere');
      expectEnvelope(unknown, 400, 'BadRequest');
      expect(unknown.json.error.message).to.include("'nothingHere'");
      expectEnvelope(await call(p.provider.url, 'GET', `/v2.0${KEYS}`), 400, 'BadRequest');
      expectEnvelope(await call(p.provider.url, 'GET', '/'), 400, 'BadRequest');
      const wrong = await call(p.beta, 'PUT', KEYS, { body: {} });
      expectEnvelope(wrong, 405, 'MethodNotAllowed');
      expect(wrong.headers.allow).to.equal('GET, POST');
    });

    it('a bug in a handler is a 500 envelope, and the server keeps serving', async function () {
      const app = (await call(p.beta, 'POST', '/applications', { body: { displayName: 'graphpact-test corrupt' } })).json;
      // Corrupt the stored application so that reading it throws inside the handler.
      (p.provider.state.applications.get(app.id) as unknown as { keyCredentials: unknown }).keyCredentials = null;
      expectEnvelope(await call(p.beta, 'GET', `/applications/${app.id}`), 500, 'InternalServerError');
      p.provider.state.applications.delete(app.id);
      expect((await call(p.beta, 'GET', KEYS)).status).to.equal(200);
    });
  });

  describe('robustness', function () {
    /** Sends raw bytes on a new connection; resolves with what came back (possibly nothing). */
    async function raw(bytes: string, hangUpAfterMs?: number): Promise<string> {
      const { port } = new URL(p.provider.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      let received = '';
      socket.on('data', (d) => { received += d; });
      socket.on('error', () => undefined);
      socket.write(bytes);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
      await once(socket, 'close');
      return received;
    }

    it('survives clients that hang up mid-body and requests that are not HTTP', async function () {
      const head = `POST /beta${KEYS} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n`;
      await raw(`${head}Content-Length: 1000\r\n\r\n{"displayName":`, 50);
      await raw(`${head}Transfer-Encoding: chunked\r\n\r\n5\r\n{"dis\r\n`, 50);
      expect(await raw('this is not HTTP\r\n\r\n')).to.match(/^HTTP\/1\.1 400/);
      const replies = await Promise.all(Array.from({ length: 5 }, () => call(p.beta, 'GET', KEYS)));
      expect(replies.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 200]);
    });
  });

  describe('latency and throttling', function () {
    it('delays every response by latencyMs', async function () {
      const slow = await startProvider({ latencyMs: 150 });
      try {
        const started = Date.now();
        const reply = await call(`${slow.url}/beta`, 'GET', KEYS, { noAuth: true });
        expect(Date.now() - started).to.be.at.least(145);
        expect(reply.status).to.equal(401); // errors are delayed too
      } finally {
        await slow.close();
      }
    });

    it('answers every Nth request 429 TooManyRequests with Retry-After in seconds', async function () {
      const throttled = await startProvider({ throttleEvery: 3, retryAfterSeconds: 2 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const reply = await call(`${throttled.url}/beta`, 'GET', KEYS);
          statuses.push(reply.status);
          if (reply.status === 429) {
            expectEnvelope(reply, 429, 'TooManyRequests');
            expect(reply.headers['retry-after']).to.equal('2');
          }
        }
        expect(statuses).to.deep.equal([200, 200, 429, 200, 200, 429]);
        expect(throttled.state.throttled).to.equal(2);
      } finally {
        await throttled.close();
      }
    });
  });

  describe('start-up', function () {
    it('refuses to start without the schemas, naming the directory', async function () {
      let message = '';
      await startProvider({ schemasDir: '/nonexistent/schemas' }).catch((err: Error) => { message = err.message; });
      expect(message).to.include('/nonexistent/schemas');
    });

    it('refuses unknown quirks and bad options', async function () {
      for (const opts of [{ quirks: { noSuchQuirk: true } as never }, { throttleEvery: -1 }, { versions: [] }]) {
        let failed = false;
        await startProvider(opts).then((p2) => p2.close(), () => { failed = true; });
        expect(failed, JSON.stringify(opts)).to.equal(true);
      }
    });
  });

  describe('access log', function () {
    it('is redacted', async function () {
      const lines: string[] = [];
      const logged = await startProvider({ log: (line) => lines.push(line) });
      try {
        await call(`${logged.url}/beta`, 'GET', `${KEYS}?access_token=super-secret-value`);
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/^GET .* 200 \d+ms request-id=/);
        expect(lines.join('\n')).not.to.include('super-secret-value');
        expect(lines.join('\n')).not.to.include(TOKEN);
      } finally {
        await logged.close();
      }
    });
  });
});
