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
