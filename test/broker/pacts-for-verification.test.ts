import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchPactsForVerification } from '../../src/broker/pacts-for-verification.js';
import { BrokerUnavailableError } from '../../src/broker/preflight.js';
import { brokerVerifierOptions } from '../../src/broker/verify-options.js';
import { startBrokerStandIn, type BrokerStandIn } from '../fixtures/broker-stand-in/stand-in.js';
import { closedPortUrl, FIXTURE_PACTS } from './helpers.js';

const TOKEN = 'pfv-token-4471ab';

describe('pacts for verification (the HAL flow the Verifier follows)', () => {
  let broker: BrokerStandIn | undefined;
  afterEach(async () => {
    await broker?.close();
    broker = undefined;
  });

  async function seeded(): Promise<BrokerStandIn> {
    const b = await startBrokerStandIn({ token: TOKEN });
    const content = JSON.parse(await readFile(join(FIXTURE_PACTS, 'graphpact-sample-graph.json'), 'utf8')) as Record<string, unknown>;
    b.seed({ consumerVersion: 'v1', branch: 'main', content });
    b.seed({ consumerVersion: 'v2', branch: 'feature', content: { ...content, interactions: [] } });
    return b;
  }

  it('posts the selectors, follows the links and returns the selected pacts with their pending flag', async () => {
    broker = await seeded();
    const options = brokerVerifierOptions({ brokerUrl: broker.url, provider: 'graph-sample', consumerVersionSelectors: '{"branch":"main"}', enablePending: true }, { PACT_BROKER_TOKEN: TOKEN });
    const pacts = await fetchPactsForVerification(options);
    expect(pacts).to.have.length(1);
    expect(pacts[0].pending).to.equal(true);
    expect(pacts[0].pact).to.have.property('interactions').with.length(1);
    expect(pacts[0].pact).not.to.have.property('_links');
    expect(pacts[0].notices[0]).to.match(/matches the given selectors/);
    const post = broker.requests.find((r) => r.method === 'POST')!;
    expect(post.path).to.equal('/pacts/provider/graph-sample/for-verification');
    expect(post.body).to.deep.equal({ consumerVersionSelectors: [{ branch: 'main' }], includePendingStatus: true });
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).to.equal(true);
  });

  it('a selector matching nothing: no pacts; an unknown provider too', async () => {
    broker = await seeded();
    const none = await fetchPactsForVerification(brokerVerifierOptions({ brokerUrl: broker.url, provider: 'graph-sample', consumerVersionSelectors: '{"branch":"release"}' }, { PACT_BROKER_TOKEN: TOKEN }));
    expect(none).to.deep.equal([]);
    const stranger = await fetchPactsForVerification(brokerVerifierOptions({ brokerUrl: broker.url, provider: 'nobody' }, { PACT_BROKER_TOKEN: TOKEN }));
    expect(stranger).to.deep.equal([]);
  });

  it('down, refusing or failing brokers: BrokerUnavailableError with one line', async () => {
    const down = await closedPortUrl();
    const errorOf = async (p: Promise<unknown>) => p.then(() => expect.fail('expected an error'), (err: Error) => err);
    const e1 = await errorOf(fetchPactsForVerification({ pactBrokerUrl: down, provider: 'p' }));
    expect(e1).to.be.instanceOf(BrokerUnavailableError);
    expect(e1.message).to.equal(`the Pact Broker at ${down} is not reachable (connection refused)`);
    broker = await seeded();
    const e2 = await errorOf(fetchPactsForVerification({ pactBrokerUrl: broker.url, provider: 'p', pactBrokerToken: 'wrong-token-1' }));
    expect(e2.message).to.match(/refused the credentials \(HTTP 401\)/);
    await broker.close();
    broker = await startBrokerStandIn({ failWhen: (method) => (method === 'POST' ? 502 : undefined) });
    const e3 = await errorOf(fetchPactsForVerification({ pactBrokerUrl: broker.url, provider: 'p' }));
    expect(e3.message).to.equal('the Pact Broker answered HTTP 502 to POST /pacts/provider/p/for-verification');
  });
});
