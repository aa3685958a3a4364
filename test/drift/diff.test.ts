import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffReports, hasChanges, statesOf } from '../../src/drift/diff.js';
import { parseReport, ReportFileError } from '../../src/drift/load.js';
import type { VerificationReport } from '../../src/report/model.js';
import { runCli } from '../broker/helpers.js';

/** Two saved `graphpact verify` reports: the embedded provider plain, then with extraProperties + totalActivationAsString quirks. */
const A = join(import.meta.dirname, 'fixtures/nightly-1.json');
const B = join(import.meta.dirname, 'fixtures/nightly-2.json');
const load = async (f: string) => parseReport(await readFile(f, 'utf8'), f);
const clone = (r: VerificationReport): VerificationReport => JSON.parse(JSON.stringify(r)) as VerificationReport;

describe('graphpact diff', () => {
  let a: VerificationReport;
  let b: VerificationReport;
  before(async () => {
    a = await load(A);
    b = await load(B);
  });

  it('finds the checks that changed state and the properties that appeared (drift)', () => {
    const diff = diffReports(a, b);
    expect(diff.outcome).to.deep.equal({ from: 'conformant', to: 'non-conformant' });
    const changes = diff.changed.map((c) => `${c.key}: ${c.from}->${c.to}`);
    expect(changes).to.include('beta deviceAppManagement.sideLoadingKeys.create × response_schema_conformance (success): pass->fail');
    expect(changes).to.include('pact: a request to create a sideLoadingKey: pass->fail');
    expect(changes).to.include('beta applications.addKey × response_schema_conformance (success): pass->warn');
    expect(diff.changed.every((c) => c.from !== c.to)).to.equal(true);
    expect(diff.drift).to.deep.equal([
      { operation: 'beta applications.addKey', appeared: ['graphpactExtra'], vanished: [] },
      { operation: 'beta deviceAppManagement.sideLoadingKeys.create', appeared: ['graphpactExtra'], vanished: [] },
    ]);
    expect(diff.added).to.deep.equal([]);
    expect(diff.removed).to.deep.equal([]);
    expect(hasChanges(diff)).to.equal(true);
  });

  it('the same report twice: no changes', () => {
    const diff = diffReports(a, clone(a));
    expect(hasChanges(diff)).to.equal(false);
    expect(statesOf(a).size).to.be.greaterThan(40);
  });

  it('checks that appeared or went away, properties that vanished, responses seen on one side only', () => {
    const newer = clone(a);
    const op = newer.operations.find((o) => o.id === 'deviceAppManagement.sideLoadingKeys.create')!;
    op.responseProperties = op.responseProperties.filter((p) => p !== 'totalActivation');
    const removedCheck = op.checks.pop()!;
    newer.pact.interactions.push({ description: 'a new interaction', providerStates: [], status: 'pass', mismatches: [] });
    const addKey = newer.operations.find((o) => o.id === 'applications.addKey')!;
    addKey.responseProperties = [];
    const diff = diffReports(a, newer);
    expect(diff.drift).to.deep.equal([{ operation: 'beta deviceAppManagement.sideLoadingKeys.create', appeared: [], vanished: ['totalActivation'] }]);
    expect(diff.removed).to.deep.equal([{ key: `beta deviceAppManagement.sideLoadingKeys.create × ${removedCheck.check} (${removedCheck.scenario})`, status: removedCheck.status }]);
    expect(diff.added).to.deep.equal([{ key: 'pact: a new interaction', status: 'pass' }]);
    expect(diff.notComparable).to.deep.equal([{ operation: 'beta applications.addKey', seenIn: 'a' }]);
  });

  it('CLI: exit 1 with the changes listed; exit 0 when nothing changed', async () => {
    const changed = await runCli(['diff', A, B]);
    expect(changed.code).to.equal(1);
    expect(changed.stdout).to.include('outcome: conformant -> non-conformant');
    expect(changed.stdout).to.match(/checks that changed state \(\d+\):/);
    expect(changed.stdout).to.include('beta deviceAppManagement.sideLoadingKeys.create: +graphpactExtra');
    const same = await runCli(['diff', A, A, '--format', 'json']);
    expect(same.code).to.equal(0);
    const json = JSON.parse(same.stdout) as { exitCode: number; changed: unknown[]; drift: unknown[] };
    expect(json).to.deep.include({ exitCode: 0, changed: [], drift: [] });
  });

  it('CLI: unreadable, invalid or foreign files: exit 2 naming the file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-diff-'));
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "shape": 1,\n  "operations": [,]\n}\n');
    const foreign = join(dir, 'lint.json');
    await writeFile(foreign, JSON.stringify({ findings: [] }));
    const r1 = await runCli(['diff', A, broken]);
    expect(r1.code).to.equal(2);
    expect(r1.stderr).to.match(/broken\.json:3: not valid JSON/);
    const r2 = await runCli(['diff', foreign, A]);
    expect(r2.code).to.equal(2);
    expect(r2.stderr).to.include('lint.json:1: not a graphpact verify report');
    const r3 = await runCli(['diff', join(dir, 'missing.json'), A, '--format', 'json']);
    expect(r3.code).to.equal(2);
    expect(JSON.parse(r3.stdout)).to.deep.include({ outcome: 'could-not-run' });
    expect(() => parseReport('{"shape":1,"operations":[{"id":"x"}],"pact":{"interactions":[]}}', 'x.json')).to.throw(ReportFileError, /operations\[0\] lacks/);
    await rm(dir, { recursive: true, force: true });
  });
});
