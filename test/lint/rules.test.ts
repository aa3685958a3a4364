/**
 * Every rule's own fixtures are its tests: each `ok` fixture yields no finding of that rule on its page, each
 * `notOk` fixture yields at least one, at the expected line.
 */
import { expect } from 'chai';
import { allRules } from '../../src/lint/rules/index.js';
import { lintInMemory } from '../../src/lint/in-memory.js';
import type { AnyLintRule, RuleFixture } from '../../src/lint/types.js';

function run(rule: AnyLintRule, fixture: RuleFixture) {
  const file = fixture.file ?? 'api/fixture.md';
  const { findings } = lintInMemory({ ...(fixture.pages ?? {}), [file]: fixture.markdown }, [rule]);
  // The engine turns a rule that throws into a lint-rule-failed finding: that fails any fixture.
  const crashes = findings.filter((f) => f.ruleId === 'lint-rule-failed').map((f) => f.message);
  expect(crashes, `${rule.id} crashed`).to.deep.equal([]);
  return { file, findings: findings.filter((f) => f.ruleId === rule.id) };
}

function expectedLine(fixture: RuleFixture): number | undefined {
  if (fixture.line !== undefined) return fixture.line;
  if (fixture.at === undefined) return undefined;
  const index = fixture.markdown.split('\n').findIndex((l) => l.includes(fixture.at!));
  if (index < 0) throw new Error(`fixture marker ${JSON.stringify(fixture.at)} is not in the fixture`);
  return index + 1;
}

describe('lint rules (fixtures as tests)', () => {
  it('have unique kebab-case ids, a purpose and fixtures of both kinds', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const r of allRules) {
      expect(r.id).to.match(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(r.purpose, r.id).to.be.a('string').and.not.empty;
      expect(r.examples.ok.length, `${r.id} ok fixtures`).to.be.greaterThan(0);
      expect(r.examples.notOk.length, `${r.id} not-ok fixtures`).to.be.greaterThan(0);
    }
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      rule.examples.ok.forEach((fixture, i) => {
        it(`ok #${i + 1}: no finding`, () => {
          // On the fixture's own page: its other pages are context (a base page may carry its own defect).
          const { file, findings } = run(rule, fixture);
          expect(findings.filter((f) => f.file === file).map((f) => `${f.file}:${f.line} ${f.message}`)).to.deep.equal([]);
        });
      });
      rule.examples.notOk.forEach((fixture, i) => {
        it(`not ok #${i + 1}: reported at the expected line`, () => {
          const { file, findings } = run(rule, fixture);
          const inFile = findings.filter((f) => f.file === file);
          expect(inFile, 'at least one finding').to.not.be.empty;
          const line = expectedLine(fixture);
          if (line !== undefined) expect(inFile.map((f) => f.line), inFile.map((f) => f.message).join('; ')).to.include(line);
          for (const f of inFile) expect(f.message).to.be.a('string').and.not.empty;
        });
      });
    });
  }
});
