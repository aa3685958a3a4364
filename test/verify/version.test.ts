/**
 * `verify --version`: which API version is verified, as `contracts`, `operations` and `serve` take it. The
 * embedded provider serves that version; a --provider-base-url whose version segment disagrees is refused.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '../../src/report/model.js';
import { writeDocs } from '../select/docs.js';
import { runCli } from '../helpers/cli.js';

process.env.PACT_DO_NOT_TRACK = 'true';

const pages = {
  'application-post-applications': { method: 'POST', paths: ['/applications'], title: 'Create application', example: { path: '/applications', body: { displayName: 'Display name' } }, returns: 'application' },
  'application-get': { method: 'GET', paths: ['/applications/{id}'], title: 'Get application', example: { path: '/applications/03ef14b0' }, returns: 'application' },
};

describe('verify --version (v1.0 / beta selection)', function () {
  this.timeout(120_000);
  let root: string;
  let docs: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'graphpact-version-'));
    docs = join(root, 'docs');
    await writeDocs(docs, pages, 'v1.0', { application: ['displayName'] });
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('--version v1.0 verifies the v1.0 operations against the embedded provider serving /v1.0', async () => {
    const reports = await mkdtemp(join(root, 'r-'));
    const r = await runCli(['verify', '--docs', docs, '--operations', 'applications.**', '--version', 'v1.0', '--reports', reports, '--format', 'json']);
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport;
    expect(report.provider.baseUrl).to.match(/\/v1\.0$/);
    expect(report.operations.map((o) => `${o.version} ${o.id} ${o.status === 'warn' ? 'pass' : o.status}`).sort()).to.deep.equal(['v1.0 applications.create pass', 'v1.0 applications.get pass']);
  });

  it('without --version the embedded provider verifies beta, which these docs do not document: exit 2 saying so', async () => {
    const r = await runCli(['verify', '--docs', docs, '--operations', 'applications.**', '--reports', await mkdtemp(join(root, 'r-'))]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/no documented operation for API version "beta"/);
  });

  it('a --version that disagrees with the --provider-base-url version segment: exit 2 naming both, nothing sent', async () => {
    const r = await runCli(['verify', '--docs', docs, '--version', 'v1.0', '--provider-base-url', 'http://127.0.0.1:9/beta', '--token', 'version-test-token', '--reports', await mkdtemp(join(root, 'r-'))]);
    expect(r.code).to.equal(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('could not run'))).to.deep.equal(['graphpact verify: could not run: --version v1.0 disagrees with the version segment "beta" of --provider-base-url http://127.0.0.1:9/beta: give one, or make them agree']);
  });

  it('graphpact all --version v1.0: contracts and verification of the v1.0 selection', async () => {
    const reports = await mkdtemp(join(root, 'all-'));
    const r = await runCli(['all', '--docs', docs, '--operations', 'applications.**', '--version', 'v1.0', '--reports', reports, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { stages: { stage: string; exitCode: number; summary: string }[] };
    const stage = (name: string) => out.stages.find((s) => s.stage === name)!;
    expect(stage('contracts').summary).to.match(/^[1-9]\d* interactions in 1 contract file/);
    expect(stage('verify').exitCode, stage('verify').summary).to.equal(0);
    expect(stage('verify').summary).to.match(/Pact (\d+)\/\1 interactions/);
  });

  it('has --version in --help', async () => {
    for (const command of ['verify', 'all']) expect((await runCli([command, '--help'])).stdout).to.match(/--version <version>/);
  });
});
