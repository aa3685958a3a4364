/** `graphpact all` (npm start): every stage through its exported function, in order, stopping when a needed stage cannot run. */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPipelineSummary, runPipeline, worstExitCode, type StageResult } from '../../src/cli/commands/all.js';
import { PACKAGE_ROOT } from './helpers.js';

describe('graphpact all (pipeline)', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphpact-all-'));
    process.env.PACT_DO_NOT_TRACK = 'true';
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds, lints with the baseline, writes contracts and verifies the embedded provider: exit 0 with report paths', async () => {
    const dirs = { docs: join(PACKAGE_ROOT, 'apidocs'), schemas: join(dir, 'schemas'), contracts: join(dir, 'contracts'), reports: join(dir, 'reports') };
    const results = await runPipeline(dirs);
    expect(results.map((r) => [r.stage, r.exitCode]), results.map((r) => r.summary).join('\n')).to.deep.equal([['build', 0], ['lint', 0], ['contracts', 0], ['compare', 0], ['verify', 0]]);
    expect(worstExitCode(results)).to.equal(0);
    expect(existsSync(join(dirs.schemas, 'index.json'))).to.equal(true);
    const contract = JSON.parse(await readFile(join(dirs.contracts, 'graphpact-graph.json'), 'utf8')) as { interactions: unknown[] };
    expect(contract.interactions.length).to.be.greaterThan(5);
    const report = JSON.parse(await readFile(join(dirs.reports, 'verify.json'), 'utf8')) as { outcome: string; pact: { interactions: unknown[] } };
    expect(report.outcome).to.equal('conformant');
    expect(report.pact.interactions.length).to.equal(contract.interactions.length);
    const summary = renderPipelineSummary(results);
    expect(summary).to.match(/^graphpact all: conformant \(exit 0\)/);
    expect(summary).to.contain('verify.html');
    expect(summary).to.match(/lint .*accepted by the baseline/);
  });

  it('stops after a stage the others need when it cannot run (exit 2)', async () => {
    const results = await runPipeline({ docs: join(dir, 'no-such-docs'), schemas: join(dir, 's2'), contracts: join(dir, 'c2'), reports: join(dir, 'r2') });
    expect(results.map((r) => r.stage)).to.deep.equal(['build']);
    expect(results[0].exitCode).to.equal(2);
    expect(results[0].summary).to.match(/could not run: .*no-such-docs/);
    expect(worstExitCode(results)).to.equal(2);
  });

  it('the headline reads like verify\'s: INCONCLUSIVE when verification was, unless something failed or could not run', () => {
    const stage = (name: StageResult['stage'], exitCode: number, inconclusive?: boolean): StageResult => ({ stage: name, exitCode, summary: 's', durationMs: 1, ...(inconclusive ? { inconclusive } : {}) });
    const ok = [stage('build', 0), stage('lint', 0), stage('contracts', 0)];
    const headline = (results: StageResult[]) => renderPipelineSummary(results).split('\n')[0];
    expect(headline([...ok, stage('verify', 0)])).to.equal('graphpact all: conformant (exit 0)');
    expect(headline([...ok, stage('verify', 0, true)])).to.equal('graphpact all: INCONCLUSIVE (exit 0)');
    expect(headline([...ok, stage('verify', 2, true)])).to.equal('graphpact all: INCONCLUSIVE (exit 2)');
    expect(headline([stage('build', 0), stage('lint', 1), stage('contracts', 0), stage('verify', 0, true)])).to.equal('graphpact all: NON-CONFORMANT (exit 1)');
    expect(headline([stage('build', 0), stage('lint', 2), stage('contracts', 0), stage('verify', 2, true)])).to.equal('graphpact all: COULD NOT RUN (exit 2)');
    expect(renderPipelineSummary([...ok, stage('verify', 2, true)])).to.match(/\n  INC  verify /);
  });
});
