import { expect } from 'chai';
import { STATES, PARAMS, STATE_PARAMS, missingStateParams, stateExpression } from '../../src/contracts/states.js';

describe('contracts/states', () => {
  it('names the states the issue asks for', () => {
    expect(STATES.applicationWithCertificate).to.equal('an application with a valid certificate exists');
    expect(STATES.noApplication).to.equal('no application exists with the given id');
  });
  it('builds provider-state expressions', () => {
    expect(stateExpression(PARAMS.applicationId)).to.equal('${applicationId}');
  });
  it('reports the params a handler forgot', () => {
    expect(missingStateParams(STATES.noApplication, { applicationId: 'x', proof: 'p' })).to.deep.equal([]);
    expect(missingStateParams(STATES.noApplication, { applicationId: '' })).to.deep.equal(['applicationId', 'proof']);
    expect(missingStateParams(STATES.applicationWithCertificate, {})).to.deep.equal([...STATE_PARAMS[STATES.applicationWithCertificate]]);
  });
});
