/**
 * `graphpact verify --broker-url ...` end to end: the project's contracts published with `graphpact publish`
 * to the recording broker stand-in, verified from there against the embedded provider (and a deliberately
 * broken one) by the real Verifier with graphpact's state handlers, results published with their success flag.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProvider } from '../../src/provider/index.js';
import { startBrokerStandIn, type BrokerStandIn } from '../fixtures/broker-stand-in/stand-in.js';
import { projectContractsDir, runCli } from './helpers.js';
import { useTempDirs } from '../helpers/temp.js';

const BROKER_TOKEN = 'verify-cli-broker-token-90f1';

describe('graphpact verify --broker-url (end to end)', function () {
  this.timeout(180_000);
  let broker: BrokerStandIn;
  let contracts: string;
  const tempDir = useTempDirs('vb');
  before(function () {
    const dir = projectContractsDir();
    if (!dir) this.skip();
    contracts = dir!;
  });
  beforeEach(async () => {
    broker = await startBrokerStandIn({ token: BROKER_TOKEN });
    const published = await runCli(['publish', '--pact-dir', contracts, '--consumer-app-version', 'c0ffee', '--branch', 'main', '--broker-base-url', broker.url], { PACT_BROKER_TOKEN: BROKER_TOKEN });
    expect(published.code, published.stderr).to.equal(0);
  });
  afterEach(async () => broker.close());

  const brokerArgs = (reports: string) => [
    'verify', '--broker-url', broker.url, '--provider', 'graph', '--consumer-version-selectors', '[{"branch":"main"}]',
    '--publish-verification-results', '--provider-app-version', 'prov-7', '--provider-version-branch', 'main', '--reports', reports, '--format', 'json',
  ];

  it('the embedded provider: every interaction passes, success published for the provider version and branch', async () => {
    const reports = await tempDir();
    const run = await runCli(brokerArgs(reports), { PACT_BROKER_TOKEN: BROKER_TOKEN });
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(run.stdout) as { pact: { ran: boolean; pactFiles: string[]; interactions: { status: string }[] } };
    expect(report.pact.ran).to.equal(true);
    expect(report.pact.pactFiles[0]).to.match(/\/pacts\/provider\/graph\/consumer\/graphpact\/pact-version\//);
    expect(report.pact.interactions.length).to.be.greaterThan(0);
    expect(report.pact.interactions.every((i) => i.status === 'pass')).to.equal(true);
    expect(broker.verificationResults).to.have.length(1);
    expect(broker.verificationResults[0].body).to.include({ success: true, providerApplicationVersion: 'prov-7' });
    expect(broker.requests.some((r) => r.method === 'PUT' && r.path === '/pacticipants/graph/branches/main/versions/prov-7')).to.equal(true);
    expect(run.stdout + run.stderr).not.to.include(BROKER_TOKEN);
  });

  it('a non-conformant provider: exit 1 and a failed verification published', async () => {
    const provider = await startProvider({ quirks: { omitId: true } });
    try {
      const reports = await tempDir();
      const run = await runCli([...brokerArgs(reports), '--provider-base-url', `${provider.url}/beta`, '--token', 'provider-token-123'], { PACT_BROKER_TOKEN: BROKER_TOKEN });
      expect(run.code, run.stderr).to.equal(1);
      expect(broker.verificationResults).to.have.length(1);
      expect(broker.verificationResults[0].body).to.include({ success: false, providerApplicationVersion: 'prov-7' });
    } finally {
      await provider.close();
    }
  });

  it('bad broker options, no selected pacts, a broker that is down: exit 2 with one line', async () => {
    const reports = await tempDir();
    const both = await runCli(['verify', '--broker-url', broker.url, '--provider', 'graph', '--pact-dir', contracts, '--reports', reports]);
    expect(both.code).to.equal(2);
    expect(both.stderr).to.include('give either --pact-dir or --broker-url, not both');
    const noVersion = await runCli(['verify', '--broker-url', broker.url, '--provider', 'graph', '--publish-verification-results', '--reports', reports]);
    expect(noVersion.code).to.equal(2);
    expect(noVersion.stderr).to.include('--publish-verification-results needs --provider-app-version');
    const none = await runCli(['verify', '--broker-url', broker.url, '--provider', 'graph', '--consumer-version-selectors', '[{"branch":"nope"}]', '--reports', reports], { PACT_BROKER_TOKEN: BROKER_TOKEN });
    expect(none.code).to.equal(2);
    expect(none.stderr).to.match(/the Pact Broker selected no pacts for provider "graph"/);
    // The "could not run" report goes where --reports says (CI still gets a job summary).
    expect(JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8'))).to.include({ outcome: 'could-not-run' });
    const down = await runCli(['verify', '--broker-url', 'http://127.0.0.1:9', '--provider', 'graph', '--reports', reports]);
    expect(down.code).to.equal(2);
    expect(down.stderr.trim()).to.equal('graphpact verify: could not run: the Pact Broker at http://127.0.0.1:9 is not reachable (connection refused)');
  });
});
