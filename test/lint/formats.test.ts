/** Output formats: text grouping and NO_COLOR, JSON, JUnit, SARIF 2.1.0 shape, redaction. */
import { expect } from 'chai';
import type { LintReport } from '../../src/lint/format/report-model.js';
import { formatText } from '../../src/lint/format/text.js';
import { formatJson } from '../../src/lint/format/json.js';
import { formatJunit } from '../../src/lint/format/junit.js';
import { formatSarif } from '../../src/lint/format/sarif.js';
import { quoteValue } from '../../src/lint/report.js';
import { redactValue } from '../../src/util/redact.js';
import { stableJson } from '../../src/util/fs.js';

const report: LintReport = {
  files: ['apidocs/api/a.md', 'apidocs/api/b.md', 'apidocs/api/clean.md'],
  exitCode: 1,
  rules: [
    { id: 'title-h1-mismatch', severity: 'warning', purpose: 'Title and H1 agree.' },
    { id: 'link-broken', severity: 'error', purpose: 'Links resolve.' },
  ],
  findings: [
    { file: 'apidocs/api/a.md', line: 10, ruleId: 'title-h1-mismatch', severity: 'error', message: 'H1 differs', fingerprint: 'f1', accepted: true },
    { file: 'apidocs/api/a.md', line: 12, column: 3, ruleId: 'link-broken', severity: 'error', message: 'link "x.md" is broken', fix: 'y.md', fingerprint: 'f2', accepted: false },
    { file: 'apidocs/api/b.md', line: 2, ruleId: 'link-broken', severity: 'warning', message: 'Authorization: Bearer abc.def.ghi leaked', fingerprint: 'f3', accepted: false },
  ],
};

describe('lint output formats', () => {
  it('text: grouped by file, accepted marked, fix shown, no color codes when color is off, secrets redacted', () => {
    const text = formatText(report, { color: false });
    expect(text).to.not.match(/\u001b\[/);
    expect(text.indexOf('apidocs/api/a.md')).to.be.lessThan(text.indexOf('apidocs/api/b.md'));
    expect(text).to.include('[accepted]').and.include('fix: y.md').and.include('12:3');
    expect(text).to.include('2 errors (1 accepted by the baseline), 1 warning, 0 info in 3 files');
    expect(text).to.not.include('abc.def.ghi');
    expect(formatText(report, { color: true })).to.match(/\u001b\[/);
  });

  it('text: control characters from the docs are shown escaped, never sent raw to the terminal', () => {
    const hostile: LintReport = { ...report, findings: [{ ...report.findings[0], message: 'property "na\u001b[31mme\u0007" is odd', fix: 'x\u0000y' }] };
    const text = formatText(hostile, { color: false });
    expect(text).to.not.match(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).to.include('property "na\\x1b[31mme\\x07" is odd').and.include('fix: x\\x00y');
  });

  it('json: findings with accepted flags and a summary', () => {
    const json = JSON.parse(formatJson(report)) as { summary: Record<string, number>; findings: Array<Record<string, unknown>> };
    expect(json.summary).to.include({ errors: 2, acceptedErrors: 1, warnings: 1, exitCode: 1, files: 3 });
    expect(json.findings[1]).to.include({ ruleId: 'link-broken', line: 12, column: 3, fix: 'y.md', accepted: false });
    expect(JSON.stringify(json)).to.not.include('abc.def.ghi');
  });

  it('json: the same text as redacting the whole report (redactValue), with and without a secret in it', () => {
    const clean: LintReport = { ...report, findings: report.findings.slice(0, 2) };
    for (const r of [report, clean]) {
      const expected = stableJson(redactValue({
        summary: (JSON.parse(formatJson(r)) as { summary: unknown }).summary,
        findings: r.findings.map((f) => ({ file: f.file, line: f.line, ...(f.column !== undefined ? { column: f.column } : {}), ruleId: f.ruleId, severity: f.severity, message: f.message, ...(f.fix !== undefined ? { fix: f.fix } : {}), accepted: f.accepted, fingerprint: f.fingerprint })),
      }));
      expect(formatJson(r)).to.equal(expected);
    }
    expect(formatJson(report)).to.include('[REDACTED]');
  });

  it('junit: one testsuite per file, a failure only for non-accepted errors, a passing case for a clean file', () => {
    const xml = formatJunit(report);
    expect(xml.match(/<testsuite /g)).to.have.length(3);
    expect(xml).to.match(/<testsuite name="apidocs\/api\/clean.md"[^>]*failures="0"/);
    expect(xml.match(/<failure /g)).to.have.length(1);
    expect(xml).to.include('link &quot;x.md&quot; is broken');
    expect(xml).to.not.include('abc.def.ghi');
  });

  it('sarif: 2.1.0 with $schema, rule ids, results with relative physical locations and baseline state', () => {
    const sarif = JSON.parse(formatSarif(report, { version: '0.1.0' })) as {
      version: string; $schema: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
        results: Array<{ ruleId: string; level: string; baselineState: string; message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    expect(sarif.version).to.equal('2.1.0');
    expect(sarif.$schema).to.match(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).to.equal('graphpact');
    expect(run.tool.driver.rules.map((r) => r.id)).to.include.members(['title-h1-mismatch', 'link-broken']);
    expect(run.results).to.have.length(3);
    const loc = run.results[1].locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).to.equal('apidocs/api/a.md');
    expect(loc.region.startLine).to.equal(12);
    expect(run.results.map((r) => r.baselineState)).to.deep.equal(['unchanged', 'new', 'new']);
    expect(run.results[2].level).to.equal('warning');
    expect(JSON.stringify(sarif)).to.not.include('abc.def.ghi');
  });

  it('quoteValue masks values of secret-named properties', () => {
    expect(quoteValue('eyJ0eXAiOiJKV1Qi', 'proof')).to.equal('"[REDACTED]"');
    expect(quoteValue('hunter22', 'secretText')).to.equal('"[REDACTED]"');
    expect(quoteValue('6uv7gh', 'customKeyIdentifier')).to.equal('"6uv7gh"');
    // A keyCredential's key is a public certificate: quoted, so the message shows what is wrong with it.
    expect(quoteValue('MIIDYDCCAki', 'key')).to.equal('"MIIDYDCCAki"');
    // A credential shape is masked whatever its property is called.
    expect(quoteValue('Bearer abcdef123456', 'note')).to.not.include('abcdef123456');
  });
});
