/**
 * One test per documented example of the project's docs (apidocs/), plus one per page for its
 * page-level checks. Findings accepted by the committed lint-baseline.json are the seeds' known defects:
 * the test passes and lists them in its title; any other error, warning or info fails with its message.
 */
import { expect } from 'chai';
import type { Example } from '../src/model/page.js';
import { runLint } from '../src/lint/run.js';
import type { ReportedFinding } from '../src/lint/types.js';

const run = await runLint();
const findings = run.report.findings;

/** First line of an example (its annotations included). */
function startOf(e: Example): number {
  return Math.min(e.line, e.request?.annotation?.line ?? Infinity, e.request?.line ?? Infinity, e.response?.annotation?.line ?? Infinity, e.response?.line ?? Infinity);
}

/** `rule L72-77, other L96`: readable list of accepted findings. */
function listed(list: readonly ReportedFinding[]): string {
  if (list.length === 0) return 'no findings';
  const byRule = new Map<string, number[]>();
  for (const f of list) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f.line]);
  return 'accepted: ' + [...byRule].map(([rule, lines]) => `${rule} L${lines.join(',')}`).join('; ');
}

function assertAllAccepted(list: readonly ReportedFinding[]): void {
  const fresh = list.filter((f) => !f.accepted);
  expect(fresh.map((f) => `${f.file}:${f.line} ${f.severity} ${f.ruleId}: ${f.message}${f.fix ? ` (fix: ${f.fix})` : ''}`),
    'findings not in lint-baseline.json').to.deep.equal([]);
}

describe('documented examples of apidocs/ (lint, with lint-baseline.json)', () => {
  // The tests below are made per page: without pages, or for a finding outside them, nothing would be checked.
  it('lints the seed pages and their examples', () => {
    expect(run.pages.filter((p) => p.kind === 'api' && p.examples.length > 0), 'API pages with examples').to.have.length.greaterThan(0);
  });
  it('every finding is in a linted page (so one of the tests below checks it)', () => {
    const linted = new Set(run.pages.map((p) => p.file));
    assertAllAccepted(findings.filter((f) => !linted.has(f.file)));
  });

  for (const page of run.pages) {
    const inFile = findings.filter((f) => f.file === page.file);
    const examples = page.kind === 'api' ? [...page.examples].sort((a, b) => startOf(a) - startOf(b)) : [];
    const starts = examples.map(startOf);
    const owner = (line: number) => {
      let index = -1;
      starts.forEach((s, i) => { if (line >= s) index = i; });
      return index;
    };
    describe(page.file, () => {
      const pageLevel = inFile.filter((f) => owner(f.line) < 0);
      it(`page-level checks — ${listed(pageLevel)}`, () => assertAllAccepted(pageLevel));
      examples.forEach((example, i) => {
        const mine = inFile.filter((f) => owner(f.line) === i);
        const what = example.request ? `${example.request.method} ${example.request.path}` : `response at line ${example.line}`;
        it(`example ${i + 1}${example.name ? ` "${example.name}"` : ''} (${what}) — ${listed(mine)}`, () => {
          assertAllAccepted(mine);
        });
      });
    });
  }
});
