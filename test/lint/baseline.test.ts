/** Fingerprints survive line shifts, tell duplicates apart, and change with the offending content. */
import { expect } from 'chai';
import type { Finding } from '../../src/model/finding.js';
import { applyBaseline, fingerprint, makeBaseline, parseBaseline, BaselineError } from '../../src/lint/baseline.js';

const key = (f: string) => f;

function fp(findings: Finding[], lines: string[]) {
  return fingerprint(findings, key, (_f, l) => lines[l - 1]);
}

const f = (line: number, message = 'bad thing'): Finding => ({ file: 'a.md', line, ruleId: 'r-x', severity: 'error', message });

describe('lint baseline', () => {
  it('fingerprints do not depend on the line number, only on the line content', () => {
    const a = fp([f(2)], ['x', '  "endDate": 1,']);
    const b = fp([f(5)], ['', '', '', 'x', '"endDate":   1,']);
    expect(a[0].fingerprint).to.equal(b[0].fingerprint);
    const c = fp([f(2)], ['x', '"endDateTime": 1,']);
    expect(c[0].fingerprint).to.not.equal(a[0].fingerprint);
  });

  it('fingerprints do not depend on whitespace or on line numbers quoted in the message; they are the same values as always', () => {
    const same = [
      fp([f(1, 'bad thing, see line 12')], ['"a": 1']),
      fp([f(1, 'bad  thing,\tsee LINE 40 ')], ['  "a":\u00a01 ']),
      fp([f(1, ' bad thing,\nsee line 7')], ['"a":\t1']),
    ].map((x) => x[0].fingerprint);
    expect(new Set(same).size).to.equal(1);
    // A fingerprint is a baseline's key: these values must not change with how it is computed.
    expect(same[0]).to.equal('02a5e8a0b7f063d4');
    expect(fp([f(1, 'bad thing, see line 12a')], ['"a": 1'])[0].fingerprint).to.not.equal(same[0]);
  });

  it('duplicates get occurrence indexes; accepted only as many times as recorded', () => {
    const lines = ['|TODO|', '|TODO|'];
    const two = fp([f(1), f(2)], lines);
    expect(two[0].fingerprint).to.not.equal(two[1].fingerprint);
    const baseline = makeBaseline(two.slice(0, 1), key);
    const applied = applyBaseline(two, baseline, key);
    expect(applied.map((x) => x.accepted)).to.deep.equal([true, false]);
  });

  it('parses a baseline and rejects malformed ones naming the file', () => {
    const b = makeBaseline(fp([f(1)], ['x']), key);
    expect(parseBaseline(JSON.stringify(b), 'b.json')).to.deep.equal(b);
    expect(() => parseBaseline('{"version": 2, "findings": []}', 'b.json')).to.throw(BaselineError, 'b.json');
    expect(() => parseBaseline('{"version": 1, "findings": [{"ruleId": 1}]}', 'b.json')).to.throw(BaselineError, 'entry 0');
  });
});
