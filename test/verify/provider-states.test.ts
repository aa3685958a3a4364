/**
 * States only the provider can set up (a tenant object with no documented create): without
 * --provider-states-setup-url the operation is not applicable; with it, the schema-conformance phase asks that
 * URL (Pact's state change request: state, params, action) for the object, verifies the operation on it and
 * tears the state down there. A provider that answers wrongly then fails, as for any operation.
 */
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '../../src/report/model.js';
import { CHECK_NAMES } from '../../src/verify/checks.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run.js';
import { selectionOf, PROVIDER_ONLY_SUFFIX } from '../../src/select/index.js';
import { writeDocs } from '../select/docs.js';
import { PACKAGE_ROOT, contractsDir } from './helpers.js';
import { changeProviderState, StateChangeError } from '../../src/verify/provider-states.js';

process.env.PACT_DO_NOT_TRACK = 'true';

const ORG_ID = '5b2e1a0c-7d3f-4e61-9a8b-0c1d2e3f4a5b';
const pages = {
  'organization-get': { method: 'GET', paths: ['/organization/{id}'], title: 'Get organization', example: { path: `/organization/${ORG_ID}` }, returns: 'organization' },
};
const STATE = `an object of /organization exists (id)${PROVIDER_ONLY_SUFFIX}`;

async function listen(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A tenant that has one organization; `broken` answers its GET with 500. */
function tenant(broken: boolean) {
  return (req: IncomingMessage, _body: string, res: ServerResponse) => {
    const headers = { 'content-type': 'application/json', 'request-id': '11111111-2222-4333-8444-555555555555', ...(req.headers['client-request-id'] ? { 'client-request-id': String(req.headers['client-request-id']) } : {}) };
    const error = (status: number, code: string) => {
      res.writeHead(status, headers);
      res.end(JSON.stringify({ error: { code, message: code, innerError: { date: '2026-01-01T00:00:00', 'request-id': headers['request-id'] } } }));
    };
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return error(401, 'InvalidAuthenticationToken');
    if (req.method === 'GET' && req.url === `/beta/organization/${ORG_ID}`) {
      if (broken) return error(500, 'InternalServerError');
      res.writeHead(200, headers);
      return res.end(JSON.stringify({ id: ORG_ID, displayName: 'Contoso' }));
    }
    error(404, 'Request_ResourceNotFound');
  };
}

describe('verify: states only the provider can set up, through --provider-states-setup-url (schema-conformance phase)', function () {
  this.timeout(60_000);
  let root: string;
  let docs: string;
  const servers: Server[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'graphpact-provider-states-'));
    docs = join(root, 'docs');
    await writeDocs(docs, pages, 'beta', { organization: ['displayName'] });
  });
  after(async () => {
    for (const s of servers) s.close();
    await rm(root, { recursive: true, force: true });
  });

  async function start(handler: Parameters<typeof listen>[0]): Promise<string> {
    const { url, server } = await listen(handler);
    servers.push(server);
    return url;
  }

  /** A state setup URL recording every call; answers `answer` to a setup. */
  async function stateUrl(answer: Record<string, string>): Promise<{ url: string; calls: { state: string; params: Record<string, string>; action: string }[] }> {
    const calls: { state: string; params: Record<string, string>; action: string }[] = [];
    const url = await start((_req, body, res) => {
      const call = JSON.parse(body) as (typeof calls)[number];
      calls.push(call);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(call.action === 'setup' ? answer : {}));
    });
    return { url: `${url}/_states`, calls };
  }

  async function verify(providerUrl: string, over: Partial<VerifyOptions> = {}): Promise<VerificationReport> {
    const result = await runVerify({
      providerBaseUrl: `${providerUrl}/beta`, token: 'provider-states-test-token', docs: [docs], selection: selectionOf('/organization/**'),
      pactDir: contractsDir(), schemasDir: join(PACKAGE_ROOT, 'schemas'), reportsDir: await mkdtemp(join(root, 'r-')),
      timeoutMs: 10_000, checks: CHECK_NAMES, retry: { maxRetries: 0 }, ...over,
    });
    return JSON.parse(await readFile(result.paths!.json, 'utf8')) as VerificationReport;
  }

  it('without a setup URL: not applicable, never a failure', async () => {
    const report = await verify(await start(tenant(false)));
    const op = report.operations[0];
    expect(op.status).to.equal('skip');
    expect(op.notExercised).to.match(/^not applicable: state that cannot be created through the API: an object of \/organization exists \(id\)/);
  });

  it('with a setup URL: the provider sets the state up (Pact\'s state change request), the operation is verified, the state torn down', async () => {
    const states = await stateUrl({ id: ORG_ID });
    const report = await verify(await start(tenant(false)), { providerStatesSetupUrl: states.url });
    const op = report.operations[0];
    expect(op.checks.map((c) => `${c.check}:${c.scenario}:${c.status}`)).to.include.members([
      'status_code_conformance:success:pass', 'response_schema_conformance:success:pass', 'auth_required:no-auth:pass', 'unknown_id_404:unknown-id:pass',
    ]);
    expect(report.exitCode, JSON.stringify(op.checks.filter((c) => c.status === 'fail'))).to.equal(0);
    expect(states.calls.map((c) => `${c.action} ${c.state}`)).to.deep.equal([`setup ${STATE}`, `teardown ${STATE}`]);
    expect(states.calls[0].params).to.include({ as: 'id', collection: '/organization', creatable: 'false' });
  });

  it('with a setup URL, a provider that answers the documented GET with 500 fails it', async () => {
    const states = await stateUrl({ id: ORG_ID });
    const report = await verify(await start(tenant(true)), { providerStatesSetupUrl: states.url });
    expect(report.exitCode).to.equal(1);
    expect(report.operations[0].checks.find((c) => c.check === 'status_code_conformance' && c.scenario === 'success')).to.include({ status: 'fail' });
  });

  it('a setup URL that answers no id: the state is inconclusive, saying so, and nothing else is sent', async () => {
    const states = await stateUrl({});
    const report = await verify(await start(tenant(false)), { providerStatesSetupUrl: states.url });
    const op = report.operations[0];
    expect(op.checks.map((c) => `${c.check}:${c.status}`)).to.deep.equal(['state_setup:inconclusive']);
    expect(op.checks[0].message).to.match(/the state setup URL answered no "id"/);
  });
});

describe('changeProviderState: the setup URL\'s answer', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));
  const answering = async (text: string) => {
    const { url, server } = await listen((_req, _body, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(text); });
    servers.push(server);
    return url;
  };
  const change = { state: 'an organization exists', params: { as: 'id' }, action: 'setup' as const };

  it('a JSON object within the cap is the state\'s values', async () => {
    expect(await changeProviderState(await answering('{"id":"o-1"}'), change, 5000, 1024)).to.deep.equal({ id: 'o-1' });
  });

  it('an answer past --max-response-size is refused, saying so, not buffered', async () => {
    const url = await answering(JSON.stringify({ id: 'o-1', padding: 'x'.repeat(4096) }));
    const error = await changeProviderState(url, change, 5000, 1024).then(() => undefined, (err: unknown) => err);
    expect(error).to.be.instanceOf(StateChangeError);
    expect((error as Error).message).to.match(/setup of "an organization exists" .* response larger than .* MiB \(--max-response-size\)/);
  });
});
