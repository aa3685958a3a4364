/** Corpus numbers: per-rule counts split Intune / non-Intune; the precision split, sample and tally. */
import { expect } from 'chai';
import type { Finding, Severity } from '../../src/model/finding.js';
import { countByRule, isIntune } from '../../src/lint/corpus-stats.js';
import { familyOf, fnv1a, formatTally, halfOf, judgedKey, precisionOf, stratifiedSample } from '../../src/lint/precision.js';

const f = (file: string, ruleId: string, severity: Severity = 'warning', line = 1): Finding => ({ file, line, ruleId, severity, message: 'm' });

describe('lint corpus stats', () => {
  it('splits Intune pages by file name', () => {
    expect(isIntune('a/beta/api/intune-apps-x.md')).to.equal(true);
    expect(isIntune('a/intune-dir/api/user-get.md')).to.equal(false);
  });

  it('counts findings and pages per rule and severity, most frequent first', () => {
    const counts = countByRule([f('x/intune-a.md', 'r1'), f('x/intune-a.md', 'r1'), f('x/user.md', 'r1'), f('x/user.md', 'r2'), f('x/user.md', 'r1', 'error')]);
    expect(counts).to.deep.equal([
      { ruleId: 'r1', severity: 'warning', intune: 2, nonIntune: 1, pages: 2 },
      { ruleId: 'r1', severity: 'error', intune: 0, nonIntune: 1, pages: 1 },
      { ruleId: 'r2', severity: 'warning', intune: 0, nonIntune: 1, pages: 1 },
    ]);
  });
});

describe('lint precision (split, sample, tally)', () => {
  it('names a family by the first hyphen-separated token of the file name', () => {
    expect(familyOf('docs/beta/api/intune-apps-mobileapp-get.md')).to.equal('intune');
    expect(familyOf('docs\\v1.0\\resources\\User.md')).to.equal('user');
    expect(familyOf('serviceprincipal-addkey.md')).to.equal('serviceprincipal');
  });

  it('puts every page of a family in the same half, by the parity of FNV-1a', () => {
    expect(fnv1a('')).to.equal(0x811c9dc5);
    expect(fnv1a('a')).to.equal(0xe40c292c); // the published FNV-1a 32-bit test vector
    expect(halfOf('v1.0/api/user-get.md')).to.equal(halfOf('beta/resources/user.md'));
    expect(halfOf('x/intune-a.md')).to.equal(fnv1a('intune') % 2 === 0 ? 'tuning' : 'held-out');
    const halves = new Set(['user', 'group', 'application', 'team', 'chat', 'site', 'drive', 'event'].map((fam) => halfOf(`${fam}-x.md`)));
    expect([...halves].sort()).to.deep.equal(['held-out', 'tuning']);
  });

  it('samples at most n per rule, every severity a rule reports, the same for the same seed', () => {
    const all = [
      ...Array.from({ length: 20 }, (_, i) => f(`p${i}.md`, 'r1', 'warning')),
      f('e1.md', 'r1', 'error'),
      ...Array.from({ length: 3 }, (_, i) => f(`q${i}.md`, 'r2', 'info')),
    ];
    const a = stratifiedSample(all, 5, 7);
    expect(a).to.deep.equal(stratifiedSample(all, 5, 7));
    expect(a.filter((x) => x.ruleId === 'r1')).to.have.length(5);
    expect(a.filter((x) => x.ruleId === 'r1' && x.severity === 'error')).to.have.length(1);
    expect(a.filter((x) => x.ruleId === 'r2')).to.have.length(3);
    expect(new Set(a.map(judgedKey)).size).to.equal(a.length);
    expect(stratifiedSample(all, 5, 8).map(judgedKey)).to.not.deep.equal(a.map(judgedKey));
  });

  it('keeps a sampled finding sampled when other findings go away (judgments carry over)', () => {
    const all = Array.from({ length: 30 }, (_, i) => f(`p${i}.md`, 'r1'));
    const before = stratifiedSample(all, 5, 1);
    const fewer = all.filter((x) => x !== before[0]);
    const after = stratifiedSample(fewer, 5, 1);
    expect(after.slice(0, 4).map(judgedKey)).to.deep.equal(before.slice(1).map(judgedKey));
  });

  it('tallies judged findings per severity and per rule at error, unjudged apart', () => {
    const e1 = f('a.md', 'r1', 'error', 1);
    const e2 = f('a.md', 'r1', 'error', 2);
    const w1 = f('b.md', 'r2', 'warning');
    const i1 = f('c.md', 'r3', 'info');
    const report = precisionOf([e1, e2, w1, i1], [
      { key: judgedKey(e1), seed: 7, real: true, reason: 'r' },
      { key: judgedKey(e2), seed: 7, real: false, reason: 'r' },
      { key: judgedKey(w1), seed: 7, real: true, reason: 'r' },
      // A verdict of an earlier sample (another seed) is not reused: i1 stays unjudged.
      { key: judgedKey(i1), seed: 6, real: true, reason: 'r' },
    ], 7);
    expect(report.bySeverity.error).to.deep.equal({ real: 1, notReal: 1, unjudged: 0 });
    expect(report.bySeverity.info).to.deep.equal({ real: 0, notReal: 0, unjudged: 1 });
    expect(report.errorRules).to.deep.equal({ r1: { real: 1, notReal: 1, unjudged: 0 } });
    expect(formatTally(report.bySeverity.error)).to.equal('1/2 real (50%)');
    expect(formatTally(report.bySeverity.info)).to.equal('0/0 real, 1 unjudged');
  });
});
