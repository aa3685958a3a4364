import { expect } from 'chai';
import { applyRepairs, REPAIRS, type Repair } from '../../src/contracts/repairs.js';
import { StateValue, PARAMS } from '../../src/contracts/states.js';

/** The seed examples as parsed from apidocs/api/application-addkey.md (lines 67 and 93). */
const SEED_REQUEST = {
  keyCredential: { customKeyIdentifier: '6uv7gh', endDate: 'endDate=2017-10-11T07:00:00Z', keyId: '633b1614-b669-47c5-961e-f4a45978ffff', type: 'AsymmetricX509Cert', usage: 'Verify', value: null },
};
const SEED_RESPONSE = { keyCredential: { customKeyIdentifier: '6uv7gh', type: 'AsymmetricX509Cert', usage: 'Verify', value: 'MIZB9jVCACfEw=' } };

describe('contracts/repairs', () => {
  it('repairs the addKey request: documented property names, a date-time, a key and a proof from the provider state', () => {
    const out = applyRepairs(SEED_REQUEST, REPAIRS['beta applications.addKey request']) as Record<string, any>;
    expect(Object.keys(out.keyCredential)).to.deep.equal(['customKeyIdentifier', 'endDateTime', 'keyId', 'type', 'usage', 'key']);
    expect(out.keyCredential.endDateTime).to.be.instanceOf(StateValue);
    expect(out.keyCredential.endDateTime).to.include({ param: PARAMS.newKeyEndDateTime, example: '2017-10-11T07:00:00Z' });
    expect(out.keyCredential.key).to.include({ param: PARAMS.newKey });
    expect(out.keyCredential.customKeyIdentifier).to.include({ param: PARAMS.newKeyThumbprint });
    expect(out.proof).to.include({ param: PARAMS.proof, example: '[REDACTED]' });
    expect(out.passwordCredential).to.equal(null);
    // The input is not touched.
    expect(SEED_REQUEST.keyCredential).to.have.property('endDate');
  });

  it('repairs the addKey response: unwrapped, key instead of value, null key, base64 identifier', () => {
    expect(applyRepairs(SEED_RESPONSE, REPAIRS['beta applications.addKey response'])).to.deep.equal({
      customKeyIdentifier: 'AAECAwQFBgcICQoLDA0ODxAREhM=', type: 'AsymmetricX509Cert', usage: 'Verify', key: null,
    });
  });

  it('names a lint finding (or why there is none) and a reason for every repair', () => {
    for (const [key, repairs] of Object.entries(REPAIRS)) {
      for (const r of repairs) {
        expect(r.finding, `${key} ${r.pointer}`).to.match(/^(none: .+|[a-z-]+: .+)$/);
        expect(r.why.length, `${key} ${r.pointer}`).to.be.greaterThan(10);
      }
    }
  });

  it('refuses a repair whose target is gone (the documented example changed)', () => {
    const rename: Repair = { op: 'rename', pointer: '/keyCredential/endDate', to: 'endDateTime', finding: 'x: y', why: 'because of this' };
    expect(() => applyRepairs({ keyCredential: {} }, [rename])).to.throw(/repair "rename \/keyCredential\/endDate" no longer applies/);
    expect(() => applyRepairs({}, [{ op: 'unwrap', pointer: '/keyCredential', finding: 'x: y', why: 'because of this' }])).to.throw(/no longer applies/);
    expect(() => applyRepairs({ a: 1 }, [{ op: 'remove', pointer: '/b', finding: 'x: y', why: 'because of this' }])).to.throw(/no longer applies/);
  });

  it('removes and sets nested values', () => {
    const repairs: Repair[] = [
      { op: 'remove', pointer: '/a/b', finding: 'x: y', why: 'because of this' },
      { op: 'set', pointer: '/a/c~1d', value: 2, finding: 'x: y', why: 'because of this' },
    ];
    expect(applyRepairs({ a: { b: 1 } }, repairs)).to.deep.equal({ a: { 'c/d': 2 } });
  });
});
