/**
 * Verifying operations graphpact has no hand-written driver for, from their documented examples: an
 * /applications family (create, get, list, update, delete) documented in snippet docs, served by the
 * embedded provider (which serves /applications for the seeds' fixtures). Conformant as served; a provider
 * that wraps objects in an envelope or drops ids is caught, naming the operation and the check.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '../../src/report/model.js';
import { CHECK_NAMES } from '../../src/verify/checks.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run.js';
import { selectionOf } from '../../src/select/index.js';
import { fillPath, relativeTo, withRunName } from '../../src/verify/generic.js';
import { invalidBodyOf, UNKNOWN_ID } from '../../src/select/assess.js';
import { buildFromDocs } from '../../src/schema/pipeline.js';
import { startProvider } from '../../src/provider/index.js';
import { writeDocs } from '../select/docs.js';
import { PACKAGE_ROOT, contractsDir, startFrontProvider } from './helpers.js';
import { writeContracts } from '../../src/contracts/index.js';
import { flagUnknownStates } from '../../src/verify/pact.js';
import { runCli } from '../helpers/cli.js';
import { PROVIDER_ONLY_SUFFIX } from '../../src/select/index.js';

process.env.PACT_DO_NOT_TRACK = 'true';

const APP = { displayName: 'Display name' };
const pages = {
  'application-post-applications': { method: 'POST', paths: ['/applications'], title: 'Create application', example: { path: '/applications', body: APP }, returns: 'application' },
  'application-get': { method: 'GET', paths: ['/applications/{id}'], title: 'Get application', example: { path: '/applications/03ef14b0' }, returns: 'application' },
  // The documented query goes with the request (Pact and live), not with the create's list follow-up.
  'application-list': { method: 'GET', paths: ['/applications'], title: 'List applications', example: { path: '/applications?$select=displayName,id&$top=5' }, returns: 'application', collection: true },
  'application-update': { method: 'PATCH', paths: ['/applications/{id}'], title: 'Update application', example: { path: '/applications/03ef14b0', body: { displayName: 'New display name' } }, returns: 'application' },
  'application-delete': { method: 'DELETE', paths: ['/applications/{id}'], title: 'Delete application', example: { path: '/applications/03ef14b0' } },
};

describe('verify: any documented operation, from its example (generic)', function () {
  this.timeout(120_000);
  let root: string;
  let docs: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'graphpact-generic-'));
    docs = join(root, 'docs');
    await writeDocs(docs, pages, 'beta', { application: ['displayName', 'description'] });
  });
  after(() => rm(root, { recursive: true, force: true }));

  async function verify(over: Partial<VerifyOptions> = {}): Promise<VerificationReport> {
    const result = await runVerify({
      docs: [docs], pactDir: contractsDir(), schemasDir: join(PACKAGE_ROOT, 'schemas'), reportsDir: await mkdtemp(join(root, 'reports-')),
      timeoutMs: 10_000, checks: CHECK_NAMES, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 50 }, selection: selectionOf('applications.**'), ...over,
    });
    return JSON.parse(await readFile(result.paths!.json, 'utf8')) as VerificationReport;
  }
  const checksOf = (r: VerificationReport, id: string) => r.operations.find((o) => o.id === id)?.checks.map((c) => `${c.check}:${c.status}`) ?? [];

  it('verifies the family conformant with the stateful checks, each operation with its own states, torn down', async () => {
    const report = await verify({ concurrency: 3 });
    // warn: the provider answers properties the snippet resource does not document (appId, ...): conformant.
    expect(report.operations.map((o) => `${o.id}:${o.status === 'warn' ? 'pass' : o.status}`).sort()).to.deep.equal([
      'applications.create:pass', 'applications.delete:pass', 'applications.get:pass', 'applications.list:pass', 'applications.update:pass',
    ]);
    const create = checksOf(report, 'applications.create');
    for (const check of ['create_echoes_request:pass', 'read_after_write:pass', 'list_contains_created:pass', 'delete_then_404:pass', 'auth_required:pass', 'rejects_invalid_body:pass']) expect(create).to.include(check);
    expect(checksOf(report, 'applications.update')).to.include('read_after_write:pass');
    expect(checksOf(report, 'applications.get')).to.include('unknown_id_404:pass');
    expect(report.exitCode).to.equal(0);
    expect(report.pact.ran).to.equal(false); // the selection addresses no seed interaction
    expect(report.cleanup.leftovers).to.deep.equal([]);
  });

  it('an envelope around single objects, and ids dropped, fail naming the operation and the check', async () => {
    const wrapped = await verify({ embedded: { quirks: { wrapInValue: true } } });
    expect(wrapped.exitCode).to.equal(1);
    expect(checksOf(wrapped, 'applications.create')).to.include('response_schema_conformance:fail');
    // Everything that needs an application is inconclusive, not failed: its state could not be set up.
    expect(checksOf(wrapped, 'applications.get')).to.deep.equal(['state_setup:inconclusive']);
    const noId = await verify({ embedded: { quirks: { omitId: true } } });
    expect(noId.exitCode).to.equal(1);
    // Without an id the create cannot be followed up, and every operation on an application has no state.
    expect(checksOf(noId, 'applications.create')).to.include('response_schema_conformance:fail');
    expect(noId.operations.find((o) => o.id === 'applications.get')?.checks[0]).to.include({ check: 'state_setup', status: 'inconclusive' });
  });

  it('contracts for the selection: states inferred from the paths, the errors a client must handle; the real Pact verifier passes them', async () => {
    const pactDir = await mkdtemp(join(root, 'pacts-'));
    const written = await writeContracts({ docs: [docs], pactDir, selection: selectionOf('applications.**') });
    expect(written.files).to.have.length(1);
    expect(written.interactions).to.include.members([
      'the documented GET /applications/{id} (beta applications.get)',
      'GET /applications/{id} (beta applications.get) for an id that does not exist',
      'POST /applications (beta applications.create) with an invalid body',
      'POST /applications (beta applications.create) with no Authorization header',
    ]);
    const pact = JSON.parse(await readFile(written.files[0], 'utf8')) as { interactions: { description: string; providerStates?: { name: string; params: Record<string, string> }[]; request: { path: string; generators?: unknown } }[] };
    const get = pact.interactions.find((i) => i.description.startsWith('the documented GET /applications/{id}'))!;
    expect(get.providerStates).to.deep.equal([{ name: 'an object of /applications exists (id)', params: { as: 'id', body: '{"displayName":"Display name"}', collection: '/applications', createdBy: 'applications.create', example: '00000000-0000-4000-8000-000000000001' } }]);
    expect(JSON.stringify(get.request.generators)).to.contain('/applications/${id}');
    const list = pact.interactions.find((i) => i.description.startsWith('the documented GET /applications '))! as unknown as { request: { query?: unknown } };
    expect(list.request.query).to.deep.equal({ $select: ['displayName,id'], $top: ['5'] });
    // Deterministic: written twice, the same bytes.
    const again = await writeContracts({ docs: [docs], pactDir: await mkdtemp(join(root, 'pacts-')), selection: selectionOf('applications.**') });
    expect(await readFile(again.files[0], 'utf8')).to.equal(await readFile(written.files[0], 'utf8'));

    const report = await verify({ pactDir, checks: ['status_code_conformance'] });
    expect(report.pact.ran).to.equal(true);
    const notPassing = report.pact.interactions.filter((i) => i.status !== 'pass').map((i) => `${i.description}: ${i.mismatches.map((m) => m.message).join('; ')}`);
    expect(notPassing).to.deep.equal([]);
    expect(report.pact.interactions.length).to.equal(written.interactions.length);
    expect(report.cleanup.leftovers).to.deep.equal([]);
  });

  it('sends the documented example\'s query with the live request (and the list follow-up of a create without it)', async () => {
    const built = await buildFromDocs([docs]);
    const target = await startProvider({ port: 0, catalog: built.catalog, versions: ['beta'] });
    const seen: string[] = [];
    const front = await startFrontProvider(target.url, (req) => {
      if (req.method === 'GET' && (req.url ?? '').startsWith('/beta/applications')) seen.push(decodeURIComponent(req.url!));
      return undefined;
    });
    try {
      const report = await verify({ providerBaseUrl: `${front.url}/beta`, token: 'query-test-token', selection: selectionOf('applications.list,applications.create'), checks: ['status_code_conformance', 'list_contains_created'] });
      expect(report.exitCode, JSON.stringify(report.operations.map((o) => o.checks))).to.equal(0);
      expect(seen).to.include('/beta/applications?$select=displayName,id&$top=5');
      expect(seen).to.include('/beta/applications');
      expect(report.operations.find((o) => o.id === 'applications.list')!.checks[0].request?.path).to.equal('/applications?$select=displayName,id&$top=5');
    } finally {
      await front.close();
      await target.close();
    }
  });

  it('unknown_id_404: a provider answering 200 to the GET of an id no object has fails, naming the operation and the request', async () => {
    const built = await buildFromDocs([docs]);
    const target = await startProvider({ port: 0, catalog: built.catalog, versions: ['beta'] });
    const ghost = JSON.stringify({ id: UNKNOWN_ID, displayName: 'ghost' });
    const front = await startFrontProvider(target.url, (req) => (req.method === 'GET' && req.url?.includes(UNKNOWN_ID) ? { status: 200, headers: { 'content-type': 'application/json' }, body: ghost } : undefined));
    try {
      const report = await verify({ providerBaseUrl: `${front.url}/beta`, token: 'unknown-id-test-token', selection: selectionOf('applications.get'), checks: ['status_code_conformance', 'unknown_id_404'] });
      expect(report.exitCode).to.equal(1);
      const check = report.operations.find((o) => o.id === 'applications.get')!.checks.find((c) => c.check === 'unknown_id_404')!;
      expect(check).to.include({ status: 'fail', scenario: 'unknown-id' });
      expect(check.message).to.match(/an id no object has was accepted \(HTTP 200\)/);
      expect(check.request?.path).to.equal(`/applications/${UNKNOWN_ID}`);
      expect(report.cleanup.leftovers).to.deep.equal([]);
    } finally {
      await front.close();
      await target.close();
    }
  });

  it('an interaction whose state only the provider can set up is not applicable without a state setup URL, never a failure', () => {
    const failed = { description: 'GET /organization/{id}', status: 'fail' as const, mismatches: [{ message: 'StatusMismatch' }] };
    const [na, plain, generic] = flagUnknownStates([
      { ...failed, providerStates: [`an object of /organization exists (id)${PROVIDER_ONLY_SUFFIX}`] },
      { ...failed, providerStates: ['a state nobody knows'] },
      { ...failed, providerStates: ['an object of /groups exists (id)'] },
    ]);
    expect(na.status).to.equal('skip');
    expect(na.mismatches[0].message).to.match(/^not applicable: .*--provider-states-setup-url/);
    expect(plain.status).to.equal('fail');
    expect(plain.mismatches.at(-1)?.message).to.match(/no handler for provider state "a state nobody knows"/);
    expect(generic).to.deep.equal({ ...failed, providerStates: ['an object of /groups exists (id)'] });
  });

  it('graphpact all --docs --operations: contracts and verification of the selection, outputs under --reports', async () => {
    const reports = await mkdtemp(join(root, 'all-'));
    const { code, stdout } = await runCli(['all', '--docs', docs, '--operations', 'applications.**', '--reports', reports, '--format', 'json']);
    const out = JSON.parse(stdout) as { stages: { stage: string; exitCode: number; summary: string }[] };
    const stage = (name: string) => out.stages.find((s) => s.stage === name)!;
    expect(stage('contracts').summary).to.match(/^8 interactions in 1 contract file/);
    expect(stage('verify').exitCode, stage('verify').summary).to.equal(0);
    expect(stage('verify').summary).to.match(/Pact 8\/8 interactions/);
    expect([0, 1]).to.include(code); // lint judges the snippet docs without a baseline
    expect(JSON.parse(await readFile(join(reports, 'contracts', 'graphpact-graph.json'), 'utf8')).interactions.length).to.equal(8);
  });

  it('--shard splits the selection so the shards together verify each operation once', async () => {
    const [a, b] = await Promise.all([verify({ shard: { index: 1, count: 2 } }), verify({ shard: { index: 2, count: 2 } })]);
    const ids = [...a.operations, ...b.operations].map((o) => o.id).sort();
    expect(ids).to.deep.equal(['applications.create', 'applications.delete', 'applications.get', 'applications.list', 'applications.update']);
  });

  it('helpers: paths filled from states, names prefixed with the run id, invalid bodies, nextLinks', () => {
    const assessment = { path: '/groups/{group-id}/threads/{id}', request: { exampleSegments: ['groups', '1', 'threads', '2'], headers: {}, exampleLine: 1 } } as never;
    expect(fillPath(assessment, ['g 1', 't'])).to.equal('/groups/g%201/threads/t');
    expect(withRunName({ displayName: 'x', n: 1 }, 'r1', 'state1')).to.deep.equal({ displayName: 'graphpact-r1-state1-x', n: 1 });
    expect(invalidBodyOf({ '@odata.type': '#x', displayName: 'x' })).to.deep.equal({ '@odata.type': '#x', displayName: 12345 });
    expect(relativeTo('http://h/beta', 'http://h/beta/applications?$skiptoken=2')).to.equal('/applications?$skiptoken=2');
  });
});
