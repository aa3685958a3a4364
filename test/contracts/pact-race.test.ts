import { expect } from 'chai';
import { request } from 'undici';
import { createPact, matchRecorded, pactWorkDir, removeDir } from '../../src/contracts/pact.js';

// The workaround for pact-reference#535 reads a private field of PactV4: this fails if a Pact upgrade moves it.
describe('contracts/matchRecorded (Pact mock server race workaround)', function () {
  this.timeout(20_000);
  let work: string;
  before(async () => { work = await pactWorkDir(); });
  after(() => removeDir(work));

  it('is false while the request has not been sent, and true once the mock server recorded it', async () => {
    const pact = createPact(work);
    const seen: boolean[] = [];
    await pact
      .addInteraction()
      .uponReceiving('a ping')
      .withRequest('GET', '/ping')
      .willRespondWith(204)
      .executeTest(async (mockServer) => {
        seen.push(await matchRecorded(pact, mockServer.port, 30));
        const res = await request(`${mockServer.url}/ping`);
        await res.body.dump();
        seen.push(await matchRecorded(pact, mockServer.port));
      });
    expect(seen).to.deep.equal([false, true]);
  });

  it('is false for something that is not a Pact', async () => {
    expect(await matchRecorded({} as never, 1)).to.equal(false);
  });
});
