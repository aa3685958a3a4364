import { expect } from 'chai';
import { interaction, path, exampleOf, pactTemplateOf, graphErrorBody } from '../../src/contracts/interaction.js';
import { fromState, PARAMS, STATES } from '../../src/contracts/states.js';

describe('contracts/interaction DSL', () => {
  it('builds paths holding provider-state values', () => {
    const p = path`/applications/${fromState(PARAMS.applicationId, 'a b')}/addKey`;
    expect(p.example).to.equal('/applications/a%20b/addKey');
    expect(p.expression).to.equal('/applications/${applicationId}/addKey');
    expect(path`/plain`).to.deep.equal({ example: '/plain', stateValues: [] });
  });

  it('collects the state params an interaction uses, sorted, with their examples', () => {
    const def = interaction('d')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', path`/applications/${fromState(PARAMS.applicationId, 'app')}/addKey`)
      .withBearerToken()
      .withJsonBody({ proof: fromState(PARAMS.proof, '[REDACTED]'), n: [fromState(PARAMS.newKey, 'QQ==')] })
      .willRespondWith(200)
      .exercisedBy(async () => { throw new Error('not called'); });
    expect(def.state).to.deep.equal({ name: STATES.applicationWithCertificate, params: { applicationId: 'app', newKey: 'QQ==', proof: '[REDACTED]' } });
    expect(def.request.bearer).to.equal(true);
  });

  it('refuses state values without a state, and a request-less interaction', () => {
    expect(() => interaction('d').withRequest('GET', path`/x/${fromState(PARAMS.applicationId, 'a')}`).willRespondWith(200).exercisedBy(async () => { throw new Error(); }))
      .to.throw(/uses provider-state values but has no given\(\) state/);
    expect(() => interaction('d').withBearerToken()).to.throw(/withRequest\(\) must come first/);
  });

  it('turns state values into examples for the consumer and into ProviderState generators for the contract', () => {
    const body = { a: fromState(PARAMS.proof, 'ex'), b: [1, { c: fromState(PARAMS.newKey, 'k') }] };
    expect(exampleOf(body)).to.deep.equal({ a: 'ex', b: [1, { c: 'k' }] });
    expect(pactTemplateOf(body)).to.deep.equal({
      a: { 'pact:matcher:type': 'type', 'pact:generator:type': 'ProviderState', expression: '${proof}', value: 'ex' },
      b: [1, { c: { 'pact:matcher:type': 'type', 'pact:generator:type': 'ProviderState', expression: '${newKey}', value: 'k' } }],
    });
  });

  it('matches Graph\'s error envelope by type and regex', () => {
    const { template } = graphErrorBody('BadRequest', 'm') as { template: { error: Record<string, any> } };
    expect(template.error.code).to.deep.equal({ 'pact:matcher:type': 'type', value: 'BadRequest' });
    expect(new RegExp(template.error.innerError.date.regex).test('2026-01-01T00:00:00')).to.equal(true);
    expect(new RegExp(template.error.innerError['request-id'].regex).test('not-a-guid')).to.equal(false);
  });
});
