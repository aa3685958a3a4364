/** Corpus numbers: per-rule counts split Intune / non-Intune, and a reproducible sample. */
import { expect } from 'chai';
import type { Finding } from '../../src/model/finding.js';
import { countByRule, isIntune, sampleFindings } from '../../src/lint/corpus-stats.js';

const f = (file: string, ruleId: string): Finding => ({ file, line: 1, ruleId, severity: 'warning', message: 'm' });

describe('lint corpus stats', () => {
  it('splits Intune pages by file name', () => {
    expect(isIntune('a/beta/api/intune-apps-x.md')).to.equal(true);
    expect(isIntune('a/intune-dir/api/user-get.md')).to.equal(false);
  });

  it('counts findings and pages per rule, most frequent first', () => {
    const counts = countByRule([f('x/intune-a.md', 'r1'), f('x/intune-a.md', 'r1'), f('x/user.md', 'r1'), f('x/user.md', 'r2')]);
    expect(counts).to.deep.equal([
      { ruleId: 'r1', severity: 'warning', intune: 2, nonIntune: 1, pages: 2 },
      { ruleId: 'r2', severity: 'warning', intune: 0, nonIntune: 1, pages: 1 },
    ]);
  });

  it('samples the same findings for the same seed, without repeats', () => {
    const all = Array.from({ length: 100 }, (_, i) => i);
    const a = sampleFindings(all, 30, 42);
    expect(a).to.deep.equal(sampleFindings(all, 30, 42));
    expect(new Set(a).size).to.equal(30);
    expect(a).to.not.deep.equal(sampleFindings(all, 30, 7));
    expect(sampleFindings([1, 2], 30)).to.have.length(2);
  });
});
