import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJUnit } from '../../src/report/junit.js';
import { renderHtml, renderDiff } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { writeReports, renderJson } from '../../src/report/write.js';
import { countStatuses, decideOutcome, failures, inconclusiveNote, verifiedAnything, worstStatus, type OperationOutcome, type PactOutcome, type VerificationReport } from '../../src/report/model.js';
import { registerSecret, clearRegisteredSecrets } from '../../src/util/redact.js';
import { sampleReport } from './fixture.js';
import { renderSummary } from '../../src/cli/commands/verify.js';

describe('verification reports', () => {
  it('orders statuses fail > inconclusive > warn > pass > skip', () => {
    expect(worstStatus(['pass', 'warn', 'skip'])).to.equal('warn');
    expect(worstStatus(['inconclusive', 'fail'])).to.equal('fail');
    expect(worstStatus([])).to.equal('skip');
  });

  it('decides the outcome: failures → 1; some inconclusive → INCONCLUSIVE exit 0 (1 with --strict); nothing verified → exit 2', () => {
    const report = sampleReport();
    const totals = countStatuses(report.operations, report.pact);
    expect(totals).to.deep.equal({ pass: 2, fail: 2, warn: 1, inconclusive: 1, skip: 1 });
    expect(decideOutcome(totals, false)).to.deep.equal({ outcome: 'non-conformant', exitCode: 1 });
    expect(decideOutcome(totals, false, false), 'a failure is a finding even when nothing else concluded').to.deep.equal({ outcome: 'non-conformant', exitCode: 1 });
    const inconclusiveOnly = { ...totals, fail: 0 };
    expect(decideOutcome(inconclusiveOnly, false)).to.deep.equal({ outcome: 'inconclusive', exitCode: 0 });
    expect(decideOutcome(inconclusiveOnly, true)).to.deep.equal({ outcome: 'non-conformant', exitCode: 1 });
    expect(decideOutcome(inconclusiveOnly, false, false)).to.deep.equal({ outcome: 'inconclusive', exitCode: 2 });
    expect(decideOutcome(inconclusiveOnly, true, false)).to.deep.equal({ outcome: 'inconclusive', exitCode: 2 });
    const clean = { ...totals, fail: 0, inconclusive: 0 };
    expect(decideOutcome(clean, true)).to.deep.equal({ outcome: 'conformant', exitCode: 0 });
  });

  it('a run verified something only when a success-path check or a Pact interaction concluded', () => {
    const op = (scenario: 'success' | 'no-auth', status: 'pass' | 'fail' | 'inconclusive'): OperationOutcome => ({
      id: 'x', version: 'beta', method: 'POST', path: '/x', status, responseProperties: [],
      checks: [{ check: 'c', scenario, status, message: '', request: { method: 'POST', path: '/x' } }],
    });
    const pact = (...statuses: ('pass' | 'inconclusive')[]): PactOutcome => ({ ran: true, pactFiles: [], interactions: statuses.map((status) => ({ description: 'i', providerStates: [], status, mismatches: [] })) });
    expect(verifiedAnything([op('success', 'inconclusive'), op('no-auth', 'pass')], pact('inconclusive'))).to.equal(false);
    expect(verifiedAnything([op('success', 'fail')], pact('inconclusive'))).to.equal(true);
    expect(verifiedAnything([op('success', 'inconclusive')], pact('inconclusive', 'pass'))).to.equal(true);
    expect(verifiedAnything([], pact())).to.equal(false);
    const passedOnThrottle = op('success', 'pass');
    passedOnThrottle.checks[0].httpStatus = 429;
    expect(verifiedAnything([passedOnThrottle], pact('inconclusive')), 'a check that passed on the final 429 verified nothing').to.equal(false);
    passedOnThrottle.checks[0].httpStatus = 201;
    expect(verifiedAnything([passedOnThrottle], pact('inconclusive'))).to.equal(true);
  });

  it('the headline note says how many were inconclusive, and when that means nothing was verified', () => {
    const totals = { pass: 3, fail: 0, warn: 0, inconclusive: 2, skip: 0 };
    expect(inconclusiveNote({ outcome: 'inconclusive', exitCode: 0, strict: false, totals })).to.equal(', 2 inconclusive (provider still throttling after retries; --strict fails them)');
    expect(inconclusiveNote({ outcome: 'non-conformant', exitCode: 1, strict: true, totals })).to.equal(', 2 inconclusive (provider still throttling after retries)');
    expect(inconclusiveNote({ outcome: 'inconclusive', exitCode: 2, strict: false, totals })).to.equal(', 2 inconclusive: nothing could be verified (provider still throttling after retries)');
    expect(inconclusiveNote({ outcome: 'conformant', exitCode: 0, strict: false, totals: { ...totals, inconclusive: 0 } })).to.equal('');
  });

  it('lists failures, Pact first, naming interaction and check', () => {
    const titles = failures(sampleReport()).map((f) => f.title);
    expect(titles[0]).to.equal('Pact: addKey with an AsymmetricX509Cert');
    expect(titles[1]).to.contain('deviceAppManagement.sideLoadingKeys.create × response_schema_conformance');
  });

  it('JUnit: one testcase per interaction and per check, failures counted', () => {
    const xml = renderJUnit(sampleReport());
    expect(xml.match(/<testcase /g)).to.have.length(2 + 5);
    expect(xml).to.match(/<testsuites[^>]* failures="2"/);
    expect(xml).to.contain('name="response_schema_conformance [success]"');
    expect(xml).to.contain('addKey with an AsymmetricX509Cert [given an application with a valid certificate exists]');
    expect(xml).to.match(/<testsuites[^>]* skipped="2"/); // the not-applicable and the inconclusive check
  });

  it('HTML: self-contained matrix with escaped expected/actual and a diff', () => {
    const html = renderHtml(sampleReport());
    expect(html).to.match(/^<!doctype html>/);
    expect(html).not.to.match(/<script|<link|src=|url\(/i);
    expect(html).to.contain('<td class="fail"');
    expect(html).to.contain('<td class="inconclusive"');
    expect(html).to.contain('&quot;5 &lt;b&gt;&quot;');
    expect(html).not.to.contain('"5 <b>"');
    expect(html).to.contain('Failures (2)');
  });

  it('diffs expected against actual line by line', () => {
    const diff = renderDiff('a\nb\nc', 'a\nB\nc');
    expect(diff).to.contain('<span class="del">− b</span>');
    expect(diff).to.contain('<span class="add">+ B</span>');
    expect(diff).to.contain('  a\n');
  });

  it('Markdown: outcome, totals, matrix row and failures', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).to.contain('## graphpact verify: ❌ non-conformant');
    expect(md).to.contain('| `POST /deviceAppManagement/sideLoadingKeys` | ⚠️ warn | ❌ fail | ❔ inconclusive |');
    expect(md).to.contain('**Pact: addKey with an AsymmetricX509Cert**: expected status 200 but was 500');
  });

  it('a run with inconclusive checks says INCONCLUSIVE in its headline (text, Markdown, HTML), never a bare "conformant"', () => {
    const busy = { ...sampleReport(), outcome: 'inconclusive' as const, exitCode: 0 as const, totals: { pass: 3, fail: 0, warn: 0, inconclusive: 2, skip: 0 } };
    expect(renderMarkdown(busy)).to.contain('## graphpact verify: ❔ inconclusive, 2 inconclusive (provider still throttling after retries; --strict fails them)');
    expect(renderSummary(busy, { html: 'h', junit: 'j', json: 'o', markdown: 'm' }).split('\n')[0]).to.match(/^INCONCLUSIVE \(exit 0\), 2 inconclusive \(provider still throttling/);
    expect(renderHtml(busy)).to.contain('<div class="banner inconclusive">inconclusive, 2 inconclusive (provider still throttling after retries; --strict fails them) · exit 0');
    const nothing = { ...busy, exitCode: 2 as const, reason: 'nothing could be verified: ...' };
    expect(renderSummary(nothing, { html: 'h', junit: 'j', json: 'o', markdown: 'm' }).split('\n')[0]).to.match(/^INCONCLUSIVE \(exit 2\), 2 inconclusive: nothing could be verified/);
    const clean = { ...busy, outcome: 'conformant' as const, totals: { ...busy.totals, inconclusive: 0 } };
    expect(renderMarkdown(clean)).to.contain('## graphpact verify: ✅ conformant\n');
    expect(renderSummary(clean, { html: 'h', junit: 'j', json: 'o', markdown: 'm' }).split('\n')[0]).to.match(/^CONFORMANT \(exit 0\) — /);
  });

  it('JSON: stable bytes with sorted keys', () => {
    const a = renderJson(sampleReport());
    // The same report built with its keys in another order writes the same bytes.
    const reordered = Object.fromEntries(Object.entries(sampleReport()).reverse()) as unknown as VerificationReport;
    expect(renderJson(reordered)).to.equal(a);
    const keys = Object.keys(JSON.parse(a) as object);
    expect(keys).to.deep.equal([...keys].sort());
    expect(JSON.parse(a).operations[0].responseProperties).to.deep.equal(['displayName', 'id', 'totalActivation']);
  });

  it('writes all four files atomically with secrets redacted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-report-'));
    try {
      const secret = 'fake-token-ZZ9-plural-alpha';
      registerSecret(secret);
      const report = sampleReport({ reason: `token ${secret} rejected`, provider: { baseUrl: `http://127.0.0.1/beta?access_token=${secret}`, embedded: false } });
      report.operations[0].checks[1].actual = `{"proof": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln", "auth": "Bearer ${secret}"}`;
      const paths = await writeReports(dir, report);
      expect((await readdir(dir)).sort()).to.deep.equal(['verify.html', 'verify.json', 'verify.junit.xml', 'verify.md']);
      for (const path of Object.values(paths)) {
        const text = await readFile(path, 'utf8');
        expect(text, path).not.to.contain(secret);
        expect(text, path).not.to.contain('eyJhbGciOiJSUzI1NiJ9');
      }
    } finally {
      clearRegisteredSecrets();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
