/**
 * The seed contract comes out of the generic mechanism (src/contracts/generic.ts) with the seed
 * specialisations layered on (src/contracts/interactions.ts): one path for every operation.
 */
import { expect } from 'chai';
import { genericInteractions, type Specialisation } from '../../src/contracts/generic.js';
import { graphInteractions, SEED_SPECIALISATIONS } from '../../src/contracts/interactions.js';
import { ExampleMismatchError } from '../../src/contracts/matchers-from-schema.js';
import { ContractSourceError, loadContractSources, type ContractSources } from '../../src/contracts/sources.js';
import { STATES } from '../../src/contracts/states.js';
import { assessOperations } from '../../src/select/assess.js';

const sources = await loadContractSources();
const seedOps = sources.catalog.operations.filter((op) => SEED_SPECIALISATIONS[`${op.version}:${op.id}`]);
const shape = (d: { request: { method: string; bearer: boolean }; response: { status: number; body?: { template: unknown } } }) =>
  // Error envelopes match by type: their example messages may differ.
  JSON.stringify([d.request.method, d.request.bearer, d.response.status, d.response.status < 400 ? d.response.body?.template ?? null : 'error envelope']);

describe('contracts: the seed contract is the generic one, specialised', () => {
  it('has every interaction the generic mechanism gives the seed operations, with the same method, token, status and matchers', () => {
    expect(seedOps.map((op) => op.id).sort()).to.deep.equal(['applications.addKey', 'deviceAppManagement.sideLoadingKeys.create']);
    const generic = genericInteractions({ catalog: sources.catalog, assessments: assessOperations(sources.catalog.operations, seedOps), sources });
    // documented + 401 + 400 for each of the two POSTs.
    expect(generic).to.have.length(6);
    const seed = graphInteractions(sources);
    for (const g of generic) {
      const path = g.request.path.example.replace(/\/[0-9a-f-]{36}\//, '/{id}/');
      const same = seed.filter((s) => s.request.path.example.replace(/\/[0-9a-f-]{36}\//, '/{id}/') === path && shape(s) === shape(g));
      expect(same, `seed interaction for "${g.description}"`).to.not.be.empty;
    }
  });

  it('layers the seed-only state and scenarios on addKey: certificate state, PFX key, invalid proof, unknown application', () => {
    const seed = graphInteractions(sources);
    const addKey = seed.filter((d) => d.request.path.example.endsWith('/addKey'));
    expect(addKey.map((d) => d.state?.name)).to.deep.equal([
      STATES.applicationWithCertificate, STATES.applicationWithCertificate, STATES.applicationWithCertificate,
      STATES.applicationWithCertificate, STATES.applicationWithCertificate, STATES.noApplication,
    ]);
    expect(addKey.every((d) => d.states === undefined), 'the generic "an object of /applications" state is replaced').to.equal(true);
    expect(addKey.map((d) => d.response.status)).to.deep.equal([200, 401, 400, 200, 401, 404]);
    const pfx = addKey.find((d) => d.description.includes('X509CertAndPassword'))!;
    expect(pfx.state!.params).to.include.keys('newKeyPfx', 'newKeyPassword');
    expect(seed.map((d) => d.description)).to.include('a request to create a sideLoadingKey with an invalid body');
  });

  it('is strict for a specialised operation: a response example the schema refuses is an error naming the page', () => {
    const refusing: ContractSources = { ...sources, responseMatchers: () => { throw new ExampleMismatchError('$.id: expected a string'); } };
    expect(() => graphInteractions(refusing)).to.throw(ContractSourceError, /\.md:\d+: \$\.id: expected a string \(correct the example with an erratum/);
    // An unspecialised operation keeps the status alone (the docs defect is lint's finding).
    const generic = genericInteractions({ catalog: sources.catalog, assessments: assessOperations(sources.catalog.operations, seedOps), sources: refusing });
    expect(generic.find((d) => d.description.startsWith('the documented'))!.response.body).to.equal(undefined);
  });

  it('names the missing seed operation when the docs do not document it', () => {
    const without: ContractSources = { ...sources, catalog: { ...sources.catalog, operations: sources.catalog.operations.filter((op) => op.id !== 'applications.addKey') } };
    expect(() => graphInteractions(without)).to.throw(ContractSourceError, /no operation applications\.addKey in version beta/);
  });

  it('a specialisation sees every generic kind and may add scenarios after them', () => {
    const seen: string[] = [];
    const spy: Specialisation = {
      specialise: (kind, generic) => { seen.push(kind); return generic; },
      extra: (_input, documented) => [{ ...documented, description: 'extra' }],
    };
    const op = seedOps.find((o) => o.id === 'deviceAppManagement.sideLoadingKeys.create')!;
    const defs = genericInteractions({ catalog: sources.catalog, assessments: assessOperations(sources.catalog.operations, [op]), sources, specialisations: { [`beta:${op.id}`]: spy } });
    expect(seen).to.deep.equal(['documented', 'no-auth', 'invalid-body']);
    expect(defs.map((d) => d.description).at(-1)).to.equal('extra');
  });
});
