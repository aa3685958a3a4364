/**
 * `graphpact verify` against providers that misbehave on purpose, end to end through the CLI: one that
 * streams an endless JSON body (read up to --max-response-size, the exchange fails, the run goes on), and one
 * that answers 429 with `Retry-After: 3600` to everything (INCONCLUSIVE, and exit 2: nothing was verified).
 * Peak memory is measured outside the tests (see the notes); here only outcomes and messages are asserted.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { startProvider } from '../../src/provider/index.js';
import type { VerificationReport } from '../../src/report/model.js';
import { useTempDirs } from '../helpers/temp.js';
import { captureOutput, startFrontProvider, type RunningServer } from './helpers.js';

process.env.PACT_DO_NOT_TRACK = 'true';

describe('graphpact verify against hostile providers (end to end)', function () {
  this.timeout(180_000);
  const tempDir = useTempDirs('hostile');
  let embedded: Awaited<ReturnType<typeof startProvider>>;
  let front: RunningServer | undefined;
  beforeEach(async () => (embedded = await startProvider({ port: 0 })));
  afterEach(async () => {
    await front?.close();
    front = undefined;
    await embedded.close();
  });

  async function verify(args: string[]): Promise<{ code: number; stdout: string; stderr: string; report: VerificationReport }> {
    const reports = await tempDir();
    const { result: code, stdout, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', `${front!.url}/beta`, '--token', 'hostile-test-token', '--reports', reports, ...args]));
    return { code, stdout, stderr, report: JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport };
  }

  it('an endless JSON body on create sideLoadingKey: its checks and interactions fail with "response larger than 1 MiB", the rest of the run goes on (exit 1)', async () => {
    front = await startFrontProvider(embedded.url, (req) => req.method === 'POST' && /\/sideLoadingKeys$/.test(req.url ?? '') ? 'endless' : undefined);
    const { code, stdout, report } = await verify(['--max-response-size', '1', '--timeout', '20']);
    expect(code, stdout).to.equal(1);
    expect(report.outcome).to.equal('non-conformant');
    expect(report.reason, 'not "could not run": the provider did answer').to.equal(undefined);
    const create = report.operations.find((op) => op.id === 'deviceAppManagement.sideLoadingKeys.create')!;
    expect(create.checks, 'the create was judged').not.to.be.empty;
    for (const check of create.checks) expect([check.check, check.status, check.message]).to.deep.equal([check.check, 'fail', 'response larger than 1 MiB (--max-response-size)']);
    // The run went on: the other operation was judged on its own answers.
    const addKey = report.operations.find((op) => op.id === 'applications.addKey')!;
    expect(addKey.checks.filter((c) => c.status === 'pass')).not.to.be.empty;
    // Pact's own requests go through the forwarder, capped the same way.
    const createInteraction = report.pact.interactions.find((i) => /^a request to create a sideLoadingKey$/.test(i.description))!;
    expect(createInteraction.status).to.equal('fail');
    expect(createInteraction.mismatches[0].message).to.equal('response larger than 1 MiB (--max-response-size)');
    expect(report.pact.interactions.filter((i) => /addKey|key/i.test(i.description) && i.status === 'pass')).not.to.be.empty;
  });

  it('the same provider within a large enough --max-response-size is read to its end (here: until it stops by itself)', async () => {
    // A body that ends: 3 MiB of valid JSON, under a 4 MiB cap → not "larger than"; judged on its content instead.
    const big = JSON.stringify({ id: 'x', displayName: 'y'.repeat(3 * 1024 * 1024) });
    front = await startFrontProvider(embedded.url, (req) => req.method === 'POST' && /\/sideLoadingKeys$/.test(req.url ?? '') ? { status: 201, headers: { 'content-type': 'application/json' }, body: big } : undefined);
    const { report } = await verify(['--max-response-size', '4', '--checks', 'status_code_conformance,response_schema_conformance']);
    const create = report.operations.find((op) => op.id === 'deviceAppManagement.sideLoadingKeys.create')!;
    expect(create.checks.map((c) => c.message).join('\n')).not.to.contain('response larger than');
    expect(create.checks.find((c) => c.check === 'status_code_conformance')?.status).to.equal('pass');
  });

  it('--max-response-size must be a positive number of MiB: exit 2 with one line', async () => {
    const { result: code, stderr } = await captureOutput(() => main(['verify', '--max-response-size', '0', '--dry-run']));
    expect(code).to.equal(2);
    expect(stderr.trim()).to.equal('graphpact: --max-response-size must be a positive number of MiB (got "0")');
  });

  it('429 with Retry-After: 3600 to everything: INCONCLUSIVE, nothing verified, exit 2 (never CONFORMANT)', async () => {
    front = await startFrontProvider(embedded.url, () => ({ status: 429, headers: { 'retry-after': '3600', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'TooManyRequests', message: 'come back in an hour' } }) }));
    const { code, stdout, report } = await verify([]);
    expect(code, stdout).to.equal(2);
    expect(stdout.split('\n')[0]).to.match(/^INCONCLUSIVE \(exit 2\), \d+ inconclusive: nothing could be verified \(provider still throttling after retries\) — http:/);
    expect(stdout).to.contain(`Pact: 0/${report.pact.interactions.length} interactions pass`);
    expect(report.outcome).to.equal('inconclusive');
    expect(report.totals.fail).to.equal(0);
    expect(report.totals.inconclusive).to.be.greaterThan(0);
    expect(report.reason).to.match(/^nothing could be verified/);
  });
});
