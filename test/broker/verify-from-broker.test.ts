/**
 * Verify-from-broker with the REAL Pact Verifier: contracts published by `graphpact publish` to the broker
 * stand-in, fetched back as pacts-for-verification with the options brokerVerifierOptions() builds,
 * verified against a provider, results published; then `graphpact can-i-deploy` reads the matrix.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Verifier } from '@pact-foundation/pact';
import { brokerVerifierOptions } from '../../src/broker/verify-options.js';
import { countStatuses, decideOutcome } from '../../src/report/model.js';
import { CreatedObjects } from '../../src/verify/fixtures.js';
import { brokerContracts, runPactVerification } from '../../src/verify/pact.js';
import { startBrokerStandIn, type BrokerStandIn } from '../fixtures/broker-stand-in/stand-in.js';
import { FIXTURE_PACTS, runCli } from './helpers.js';
import { useTempDirs } from '../helpers/temp.js';

const TOKEN = 'verify-broker-token-31c7';

/** The provider of the fixture pact: GET /beta/ping → {"ok": <ok>}. */
async function pingProvider(ok: boolean): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function verify(broker: BrokerStandIn, providerUrl: string, pending: boolean): Promise<boolean> {
  const options = brokerVerifierOptions(
    {
      brokerUrl: broker.url,
      provider: 'graph-sample',
      consumerVersionSelectors: '[{"branch":"main"}]',
      publishVerificationResults: true,
      providerAppVersion: 'prov-42',
      providerVersionBranch: 'main',
      enablePending: pending,
      includeWipPactsSince: pending ? '2026-01-01' : undefined,
    },
    { PACT_BROKER_TOKEN: TOKEN },
  );
  try {
    await new Verifier({ ...options, providerBaseUrl: providerUrl, logLevel: 'error' }).verifyProvider();
    return true;
  } catch {
    return false;
  }
}

describe('verify from the broker (real Verifier, results published)', function () {
  this.timeout(90_000);
  let broker: BrokerStandIn;
  let provider: Server | undefined;
  const tempDir = useTempDirs('vfb');
  beforeEach(async () => {
    process.env.PACT_DO_NOT_TRACK = 'true';
    broker = await startBrokerStandIn({ token: TOKEN });
    const published = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', 'cons-1', '--branch', 'main', '--broker-base-url', broker.url], { PACT_BROKER_TOKEN: TOKEN });
    expect(published.code, published.stderr).to.equal(0);
  });
  afterEach(async () => {
    await broker.close();
    provider?.close();
  });

  it('a conformant provider: pacts fetched by selectors, branch recorded, success published, can-i-deploy says yes', async () => {
    const p = await pingProvider(true);
    provider = p.server;
    expect(await verify(broker, p.url, true)).to.equal(true);

    const forVerification = broker.requests.find((r) => r.method === 'POST' && r.path === '/pacts/provider/graph-sample/for-verification');
    expect(forVerification?.body).to.deep.include({ consumerVersionSelectors: [{ branch: 'main' }], providerVersionBranch: 'main', includePendingStatus: true, includeWipPactsSince: '2026-01-01' });
    expect(broker.requests.some((r) => r.method === 'PUT' && r.path === '/pacticipants/graph-sample/branches/main/versions/prov-42')).to.equal(true);
    expect(broker.verificationResults).to.have.length(1);
    expect(broker.verificationResults[0].body).to.include({ success: true, providerApplicationVersion: 'prov-42' });
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).to.equal(true);

    const yes = await runCli(['can-i-deploy', '--broker-base-url', broker.url, '--pacticipant', 'graphpact-sample', '--version', 'cons-1'], { PACT_BROKER_TOKEN: TOKEN });
    expect(yes.code, yes.stdout + yes.stderr).to.equal(0);
    const matrix = broker.requests.find((r) => r.path === '/matrix');
    expect(matrix?.query.get('q[][pacticipant]')).to.equal('graphpact-sample');
    expect(matrix?.query.get('q[][version]')).to.equal('cons-1');
    expect(yes.stdout + yes.stderr).not.to.include(TOKEN);
  });

  it('a non-conformant provider: failure published, can-i-deploy exits 1 (JSON output)', async () => {
    const p = await pingProvider(false);
    provider = p.server;
    expect(await verify(broker, p.url, false)).to.equal(false);
    expect(broker.verificationResults).to.have.length(1);
    expect(broker.verificationResults[0].body).to.include({ success: false, providerApplicationVersion: 'prov-42' });

    const no = await runCli(['can-i-deploy', '--pacticipant', 'graphpact-sample', '--version', 'cons-1', '--format', 'json'], { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });
    expect(no.code).to.equal(1);
    expect((JSON.parse(no.stdout) as { summary: { deployable: boolean } }).summary.deployable).to.equal(false);
  });

  it('with --enable-pending, a new (pending) pact that fails does not fail the run, but the failure is published', async () => {
    const p = await pingProvider(false);
    provider = p.server;
    expect(await verify(broker, p.url, true)).to.equal(true);
    expect(broker.verificationResults[0].body).to.include({ success: false });
  });

  it("with --enable-pending, graphpact's report shows the pending failure as a warning and the run exits 0", async () => {
    const p = await pingProvider(false);
    provider = p.server;
    const report = async (enablePending: boolean) => {
      const broker_ = brokerVerifierOptions(
        { brokerUrl: broker.url, provider: 'graph-sample', consumerVersionSelectors: '[{"branch":"main"}]', enablePending },
        { PACT_BROKER_TOKEN: TOKEN },
      );
      const pact = await runPactVerification({
        contracts: await brokerContracts(broker_), broker: broker_, created: new CreatedObjects(),
        providerBaseUrl: p.url, token: 'provider-token-5d1e', timeoutMs: 5_000, overallTimeoutMs: 60_000, runId: 'pending-test',
      });
      return { pact, ...decideOutcome(countStatuses([], pact), false) };
    };

    const pending = await report(true);
    expect(pending.pact.ran, pending.pact.error).to.equal(true);
    expect(pending.pact.interactions.map((i) => [i.status, i.pending])).to.deep.equal([['warn', true]]);
    expect(pending.pact.interactions[0].mismatches.map((m) => m.message).join('\n')).to.match(/BodyMismatch/).and.to.match(/pending/);
    expect(pending.exitCode).to.equal(0);

    const notPending = await report(false);
    expect(notPending.pact.interactions.map((i) => [i.status, i.pending])).to.deep.equal([['fail', undefined]]);
    expect(notPending.exitCode).to.equal(1);
  });

  it('can-i-deploy against a broker that is down or without --pacticipant: exit 2, one line', async () => {
    const down = await runCli(['can-i-deploy', '--pacticipant', 'x', '--version', '1', '--broker-base-url', 'http://127.0.0.1:9']);
    expect(down.code).to.equal(2);
    expect(down.stderr).to.match(/^graphpact can-i-deploy: could not run: the Pact Broker at http:\/\/127\.0\.0\.1:9 is not reachable/);
    const usage = await runCli(['can-i-deploy', '--broker-base-url', broker.url]);
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.match(/needs --pacticipant/);
  });

  it('takes the broker URL under either spelling (--broker-url, --broker-base-url), but not both', async () => {
    const reports = await tempDir();
    const down = await runCli(['can-i-deploy', '--pacticipant', 'x', '--version', '1', '--broker-url', 'http://127.0.0.1:9']);
    expect(down.code).to.equal(2);
    expect(down.stderr).to.match(/the Pact Broker at http:\/\/127\.0\.0\.1:9 is not reachable/);
    const mapped = await runCli(['verify', '--broker-base-url', broker.url, '--provider', 'p', '--pact-dir', 'contracts', '--reports', reports]);
    expect([mapped.code, mapped.stderr]).to.deep.equal([2, 'graphpact verify: could not run: give either --pact-dir or --broker-url, not both\n']);
    const twice = await runCli(['verify', '--broker-base-url', broker.url, '--broker-url', broker.url, '--provider', 'p', '--reports', reports]);
    expect(twice.code).to.equal(2);
    expect(twice.stderr).to.match(/give the broker URL once/);
    // publish takes both spellings through commander, so both at once is caught there too.
    const publishTwice = await runCli(['publish', '--consumer-app-version', '1', '--broker-base-url', broker.url, '--broker-url', broker.url]);
    expect([publishTwice.code, publishTwice.stderr]).to.deep.equal([2, 'graphpact publish: could not run: give the broker URL once: --broker-base-url and --broker-url are the same flag\n']);
  });
});
