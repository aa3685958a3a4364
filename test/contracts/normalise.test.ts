import { expect } from 'chai';
import { normaliseContract, contractText, findSecretShapedLine } from '../../src/contracts/normalise.js';
import type { InteractionDefinition } from '../../src/contracts/interaction.js';

const def = (description: string, nullable: Array<{ path: string; alsoAccept: Array<{ match: string }> }> = []) =>
  ({ description, response: { status: 200, body: { template: {}, nullable } } }) as unknown as InteractionDefinition;

const written = () => ({
  metadata: { pactSpecification: { version: '4.0' } },
  interactions: [
    { description: 'b', response: { matchingRules: { body: { '$.key': { combine: 'AND', matchers: [{ match: 'regex', regex: 'x' }] } } } } },
    { description: 'a', response: {} },
  ],
});

describe('contracts/normalise', () => {
  it('adds the null alternative as combine OR, sorts interactions and keys', () => {
    const out = normaliseContract(written(), [def('a'), def('b', [{ path: '$.key', alsoAccept: [{ match: 'null' }] }])]);
    expect(out.interactions.map((i) => i.description)).to.deep.equal(['a', 'b']);
    expect(out.interactions[1].response?.matchingRules?.body?.['$.key']).to.deep.equal({ combine: 'OR', matchers: [{ match: 'regex', regex: 'x' }, { match: 'null' }] });
    expect(Object.keys(out)).to.deep.equal(['interactions', 'metadata']);
  });

  it('fails when Pact wrote no rule for a nullable path, or an interaction has no definition', () => {
    expect(() => normaliseContract(written(), [def('a'), def('b', [{ path: '$.other', alsoAccept: [{ match: 'null' }] }])])).to.throw(/Pact wrote no matching rule for \$\.other/);
    expect(() => normaliseContract(written(), [def('a')])).to.throw(/no definition describes: "b"/);
  });

  it('refuses to write secret-shaped values, naming the line', () => {
    const pact = { interactions: [{ description: 'a', request: { headers: { Authorization: ['Bearer abcdefghijkl'] } } }] };
    expect(() => contractText(pact, [def('a')], 'contracts/x.json')).to.throw(/contracts\/x\.json:\d+: refusing to write a contract holding a secret-shaped value/);
    expect(findSecretShapedLine('{\n "proof": "[REDACTED]",\n "Authorization": "Bearer {token}"\n}')).to.equal(undefined);
    expect(findSecretShapedLine('{\n "proof": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"\n}')?.line).to.equal(2);
  });
});
