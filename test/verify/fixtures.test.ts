import { expect } from 'chai';
import { ProviderUnreachableError, type GraphClient, type GraphResult } from '../../src/client/index.js';
import { verifyProof } from '../../src/credentials/index.js';
import { CreatedObjects, createApplicationWithCertificate, FixtureError, newRunId, objectName } from '../../src/verify/fixtures.js';

function result<T>(status: number, data?: T): GraphResult<T> {
  return {
    ok: status >= 200 && status < 300, data,
    request: { method: 'X', url: 'http://127.0.0.1/beta/x', headers: {} },
    response: { status, headers: {}, body: data, rawBody: data === undefined ? '' : JSON.stringify(data) },
    durationMs: 1, attempts: 1, exhaustedRetries: false,
  };
}

/** A client stub: POST /applications answers `created`, PATCH answers the statuses in turn; every call is logged. */
function stubClient(created: GraphResult<{ id?: string }>, patchStatuses: number[]) {
  const calls: string[] = [];
  const client = {
    createApplication: async () => { calls.push('POST'); return created; },
    updateApplication: async (id: string, patch: { keyCredentials?: { key?: string }[] }) => {
      calls.push(`PATCH ${id} ${patch.keyCredentials?.length ?? 0}`);
      return result<void>(patchStatuses.shift() ?? 204);
    },
  } as unknown as GraphClient;
  return { client, calls };
}

describe('verify fixtures', function () {
  this.timeout(20_000);

  it('names objects graphpact-<runId>-...', () => {
    const runId = newRunId(new Date('2026-01-02T03:04:05.678Z'));
    expect(runId).to.match(/^20260102t030405-[0-9a-f]{4}$/);
    expect(objectName(runId, 'app')).to.equal(`graphpact-${runId}-app`);
  });

  it('creates an application with a certificate, tracks it, and signs a proof the certificate verifies', async () => {
    const { client, calls } = stubClient(result(201, { id: 'app-object-id' }), [204]);
    const created = new CreatedObjects();
    const app = await createApplicationWithCertificate(client, created, 'graphpact-r-app');
    expect(calls).to.deep.equal(['POST', 'PATCH app-object-id 1']);
    expect(created.list()).to.deep.equal([{ kind: 'application', id: 'app-object-id' }]);
    expect(app.applicationId).to.equal('app-object-id');
    expect(app.newKey).to.match(/^MII/);
    expect(app.proof).to.not.equal(app.invalidProof);
  });

  it('retries the PATCH while the new application is not yet replicated (404)', async () => {
    const { client, calls } = stubClient(result(201, { id: 'slow' }), [404, 404, 204]);
    await createApplicationWithCertificate(client, new CreatedObjects(), 'graphpact-r-app');
    expect(calls).to.deep.equal(['POST', 'PATCH slow 1', 'PATCH slow 1', 'PATCH slow 1']);
  });

  it('fails with the step and status when the provider refuses, and still tracks what it created', async () => {
    const { client } = stubClient(result(201, { id: 'made' }), [400]);
    const created = new CreatedObjects();
    try {
      await createApplicationWithCertificate(client, created, 'graphpact-r-app');
      expect.fail('no error');
    } catch (err) {
      expect(err).to.be.instanceOf(FixtureError);
      expect((err as Error).message).to.match(/^PATCH \/applications\/made keyCredentials failed: HTTP 400/);
    }
    expect(created.list()).to.have.length(1);
  });

  it('the proof verifies against the registered certificate only', async () => {
    let registered = '';
    const client = {
      createApplication: async () => result(201, { id: 'app-1' }),
      updateApplication: async (_id: string, patch: { keyCredentials: { key: string }[] }) => { registered = patch.keyCredentials[0].key; return result<void>(204); },
    } as unknown as GraphClient;
    const app = await createApplicationWithCertificate(client, new CreatedObjects(), 'graphpact-r-app');
    expect(await verifyProof(app.proof, { certificates: [registered], applicationObjectId: 'app-1' })).to.deep.equal({ ok: true });
    expect((await verifyProof(app.invalidProof, { certificates: [registered], applicationObjectId: 'app-1' })).ok).to.equal(false);
  });
});

describe('CreatedObjects.sweep', () => {
  it('deletes everything tracked (404 counts as gone), lists leftovers, and stops at an unreachable provider', async () => {
    const answers: Record<string, number | 'down'> = { a: 204, b: 404, c: 500, d: 'down', e: 204 };
    const deleted: string[] = [];
    const del = async (id: string) => {
      deleted.push(id);
      const answer = answers[id];
      if (answer === 'down') throw new ProviderUnreachableError('timeout', `http://127.0.0.1/beta/x/${id}`, 'no complete response within 10 ms');
      return result<void>(answer);
    };
    const client = { deleteApplication: del, deleteSideLoadingKey: del, listApplications: async () => result(200, { value: [] }) } as unknown as GraphClient;
    const created = new CreatedObjects();
    created.track('application', 'a');
    created.track('sideLoadingKey', 'b');
    created.track('application', 'c');
    created.track('application', 'd');
    created.track('application', 'e');
    const outcome = await created.sweep(client);
    expect(deleted).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(outcome.created).to.equal(5);
    expect(outcome.deleted).to.equal(2);
    expect(outcome.leftovers).to.deep.equal([
      'application c: HTTP 500',
      'application d: provider did not answer in time at http://127.0.0.1/beta/x/d: no complete response within 10 ms',
      'application e: provider did not answer in time at http://127.0.0.1/beta/x/d: no complete response within 10 ms',
    ]);
  });
});
