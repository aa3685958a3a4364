import { expect } from 'chai';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBrokerStandIn, type BrokerStandIn, type PublishBody } from '../fixtures/broker-stand-in/stand-in.js';
import { closedPortUrl, FIXTURE_PACTS, projectContractsDir, runCli } from './helpers.js';
import { useTempDirs } from '../helpers/temp.js';


const TOKEN = 'broker-token-5f2c9a71d3';
const PASSWORD = 'broker-password-7e1b44';

/** Publish requests the stand-in recorded; each must carry its contracts. */
function publishBodies(broker: BrokerStandIn): Array<Required<Pick<PublishBody, 'contracts'>> & PublishBody> {
  const bodies = broker.requests.filter((r) => r.method === 'POST' && r.path === '/contracts/publish').map((r) => r.body as PublishBody);
  for (const body of bodies) expect(body.contracts, 'publish request without contracts').to.be.an('array');
  return bodies as Array<Required<Pick<PublishBody, 'contracts'>> & PublishBody>;
}

async function pactsIn(dir: string): Promise<Record<string, unknown>[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as Record<string, unknown>));
}

describe('graphpact publish (real Pact CLI against the broker stand-in)', function () {
  this.timeout(60_000);
  let broker: BrokerStandIn | undefined;
  const tempDir = useTempDirs('publish');
  afterEach(async () => {
    await broker?.close();
    broker = undefined;
  });

  it('publishes every contract with version, branch, tags and build URL; the bodies are the contracts', async () => {
    broker = await startBrokerStandIn({ token: TOKEN });
    const run = await runCli([
      'publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1.2.3', '--branch', 'main',
      '--tag', 'dev', '--tag', 'nightly', '--build-url', 'https://ci.example/builds/7', '--broker-base-url', broker.url, '--broker-token', TOKEN,
    ]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/published 1 pact\(s\) to .* as consumer version 1\.2\.3 \(branch main, tags dev, nightly\)/);
    const [body, ...more] = publishBodies(broker);
    expect(more).to.have.length(0);
    expect(body).to.include({ pacticipantName: 'graphpact-sample', pacticipantVersionNumber: '1.2.3', branch: 'main', buildUrl: 'https://ci.example/builds/7' });
    expect(body.tags).to.deep.equal(['dev', 'nightly']);
    const [expected] = await pactsIn(FIXTURE_PACTS);
    const sent = JSON.parse(Buffer.from(body.contracts[0].content, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(body.contracts[0]).to.include({ consumerName: 'graphpact-sample', providerName: 'graph-sample', specification: 'pact' });
    expect(sent.consumer).to.deep.equal(expected.consumer);
    expect(sent.provider).to.deep.equal(expected.provider);
    expect(sent.interactions).to.deep.equal(expected.interactions);
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).to.equal(true);
    expect(broker.versions.get('graphpact-sample\u00001.2.3')?.branches.has('main')).to.equal(true);
    expect(run.stdout + run.stderr).not.to.include(TOKEN);
  });

  it("publishes the project's own contracts/ unchanged (consumer, provider, interactions)", async function () {
    const dir = projectContractsDir();
    if (!dir) this.skip();
    broker = await startBrokerStandIn();
    const run = await runCli(['publish', '--pact-dir', dir!, '--consumer-app-version', 'abc123', '--branch', 'feature/x'], { PACT_BROKER_BASE_URL: broker.url });
    expect(run.code, run.stderr).to.equal(0);
    const expected = await pactsIn(dir!);
    const bodies = publishBodies(broker);
    expect(bodies).to.have.length(expected.length);
    for (const pact of expected) {
      const body = bodies.find((b) => b.contracts[0].providerName === (pact.provider as { name: string }).name)!;
      expect(body, 'a publish request per provider').to.exist;
      expect(body).to.include({ pacticipantVersionNumber: 'abc123', branch: 'feature/x' });
      const sent = JSON.parse(Buffer.from(body.contracts[0].content, 'base64').toString('utf8')) as Record<string, unknown>;
      expect(sent.interactions).to.deep.equal(pact.interactions);
    }
  });

  it('takes basic auth from PACT_BROKER_* and never prints the password', async () => {
    broker = await startBrokerStandIn({ username: 'ci-bot', password: PASSWORD });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '2.0.0', '--format', 'json'], {
      PACT_BROKER_BASE_URL: broker.url,
      PACT_BROKER_USERNAME: 'ci-bot',
      PACT_BROKER_PASSWORD: PASSWORD,
    });
    expect(run.code, run.stderr).to.equal(0);
    const json = JSON.parse(run.stdout) as { outcome: string; pacts: unknown[]; tags: string[] };
    expect(json.outcome).to.equal('published');
    expect(json.pacts).to.have.length(1);
    expect(publishBodies(broker)[0].tags ?? []).to.deep.equal([]);
    const basic = `Basic ${Buffer.from(`ci-bot:${PASSWORD}`).toString('base64')}`;
    expect(broker.requests.map((r) => r.headers.authorization)).to.satisfy((all: string[]) => all.every((h) => h === basic));
    expect(run.stdout + run.stderr).not.to.include(PASSWORD);
  });

  it('flags override the environment', async () => {
    broker = await startBrokerStandIn({ token: TOKEN });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '3', '--broker-base-url', broker.url], {
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:1',
      PACT_BROKER_TOKEN: TOKEN,
    });
    expect(run.code, run.stderr).to.equal(0);
    expect(publishBodies(broker)).to.have.length(1);
  });

  it('accepts --broker-url, the spelling verify uses, as well', async () => {
    broker = await startBrokerStandIn({ token: TOKEN });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '4', '--broker-url', broker.url], { PACT_BROKER_TOKEN: TOKEN });
    expect(run.code, run.stderr).to.equal(0);
    expect(publishBodies(broker)).to.have.length(1);
  });

  it('a broker that is down: exit 2 with one clear line', async () => {
    const url = await closedPortUrl();
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1', '--broker-base-url', url]);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(run.stderr).to.include(`the Pact Broker at ${url} is not reachable (connection refused)`);
  });

  it('a broker answering 503: exit 2, and the JSON output says why', async () => {
    broker = await startBrokerStandIn({ failWith: 503 });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1', '--broker-base-url', broker.url, '--format', 'json']);
    expect(run.code).to.equal(2);
    expect(JSON.parse(run.stdout)).to.deep.include({ outcome: 'could-not-run', exitCode: 2 });
    expect(run.stderr).to.match(/answered HTTP 503/);
  });

  it('a broker failing half-way (index fine, publish 500): exit 2 with the CLI\'s reason', async () => {
    broker = await startBrokerStandIn({ failWhen: (method, path) => (method === 'POST' && path === '/contracts/publish' ? 500 : undefined) });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1', '--broker-base-url', broker.url, '--retries', '0']);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(run.stderr).to.match(/pact broker publish failed/);
  });

  it('wrong credentials: exit 2 naming the variables, the token redacted', async () => {
    broker = await startBrokerStandIn({ token: 'the-right-token-123' });
    const run = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1', '--broker-base-url', broker.url, '--broker-token', TOKEN]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/refused the credentials \(HTTP 401\)/);
    expect(run.stdout + run.stderr).not.to.include(TOKEN);
    expect(publishBodies(broker)).to.have.length(0);
  });

  it('a broken contract file is named with its line; nothing is published', async () => {
    broker = await startBrokerStandIn();
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), '{\n  "consumer": { "name": "a" },\n  "provider": { "name": "b" }\n  "interactions": []\n}\n');
    const run = await runCli(['publish', '--pact-dir', dir, '--consumer-app-version', '1', '--broker-base-url', broker.url]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/bad\.json:4: not valid JSON/);
    expect(publishBodies(broker)).to.have.length(0);
  });

  it('no broker configured, a missing folder, a tag with a comma: exit 2 with usage-like lines', async () => {
    const noBroker = await runCli(['publish', '--pact-dir', FIXTURE_PACTS, '--consumer-app-version', '1']);
    expect(noBroker.code).to.equal(2);
    expect(noBroker.stderr).to.include('no Pact Broker given: use --broker-base-url or set PACT_BROKER_BASE_URL');
    const noDir = await runCli(['publish', '--pact-dir', '/nonexistent/pacts', '--consumer-app-version', '1', '--broker-base-url', 'http://127.0.0.1:9']);
    expect(noDir.code).to.equal(2);
    expect(noDir.stderr).to.include('/nonexistent/pacts: contracts folder not found');
    const comma = await runCli(['publish', '--consumer-app-version', '1', '--tag', 'a,b', '--broker-base-url', 'http://127.0.0.1:9']);
    expect(comma.code).to.equal(2);
    expect(comma.stderr).to.include('--tag must be a non-empty name without commas');
    const noVersion = await runCli(['publish', '--broker-base-url', 'http://127.0.0.1:9']);
    expect(noVersion.code).to.equal(2);
  });
});
