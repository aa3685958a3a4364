/**
 * `graphpact lint` end to end (in process): formats, exit codes, baseline that survives line shifts,
 * --out atomic output, could-not-run errors in one line.
 */
import { expect } from 'chai';
import { runLint } from '../../src/lint/run.js';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useColor } from '../../src/cli/commands/lint.js';
import { PROJECT_ROOT } from '../../src/lint/run.js';
import { runCli } from '../helpers/cli.js';

const cli = runCli;

describe('graphpact lint (CLI)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphpact-lint-'));
    await cp(join(PROJECT_ROOT, 'apidocs'), join(dir, 'docs'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('colors text only on a TTY, and not when NO_COLOR is set to a non-empty value (no-color.org)', () => {
    expect(useColor(true, {})).to.equal(true);
    expect(useColor(false, {})).to.equal(false);
    expect(useColor(undefined, {})).to.equal(false);
    expect(useColor(true, { NO_COLOR: '1' })).to.equal(false);
    expect(useColor(true, { NO_COLOR: '' })).to.equal(true);
  });

  it('has --help', async () => {
    const r = await cli(['lint', '--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.include('--baseline').and.include('--write-baseline').and.include('sarif');
  });

  it('exits 1 on the seeds without a baseline, 0 with the committed one (findings still listed, marked accepted)', async () => {
    const none = await cli(['lint', '--docs', join(dir, 'docs'), '--format', 'json']);
    expect(none.code).to.equal(1);
    const withBaseline = await cli(['lint', '--format', 'json']);
    expect(withBaseline.code, withBaseline.stderr).to.equal(0);
    const json = JSON.parse(withBaseline.stdout) as { findings: Array<{ accepted: boolean; ruleId: string }>; summary: { exitCode: number } };
    expect(json.findings.length).to.be.greaterThan(20);
    expect(json.findings.every((f) => f.accepted)).to.equal(true);
    expect(json.summary.exitCode).to.equal(0);
    // Naming the project's docs explicitly keeps the project's baseline.
    expect((await cli(['lint', '--docs', join(PROJECT_ROOT, 'apidocs'), '--format', 'json'])).code).to.equal(0);
  });

  it('baseline: survives blank lines inserted at the top of a seed; a new defect exits 1', async () => {
    const docs = join(dir, 'docs');
    const baseline = join(dir, 'baseline.json');
    const written = await cli(['lint', '--docs', docs, '--write-baseline', baseline, '--format', 'json']);
    expect(written.code).to.equal(0);
    expect(written.stderr).to.match(/wrote \d+ accepted findings/);

    const seed = join(docs, 'api', 'application-addkey.md');
    const text = await readFile(seed, 'utf8');
    // Blank lines after the front matter shift every later line.
    await writeFile(seed, text.replace('---\n\n# application', '---\n\n\n\n\n# application'));
    const shifted = await cli(['lint', '--docs', docs, '--baseline', baseline, '--format', 'json']);
    expect(shifted.code, shifted.stdout).to.equal(0);
    const shiftedJson = JSON.parse(shifted.stdout) as { findings: Array<{ line: number; ruleId: string; accepted: boolean }> };
    expect(shiftedJson.findings.find((f) => f.ruleId === 'title-h1-mismatch')).to.deep.include({ line: 13, accepted: true });

    // Blank lines at the very top of the Intune seed (it has no front matter to keep first).
    const intune = join(docs, 'api', 'intune-onboarding-sideloadingkey-create.md');
    await writeFile(intune, '\n\n\n' + (await readFile(intune, 'utf8')));
    const topShifted = await cli(['lint', '--docs', docs, '--baseline', baseline, '--format', 'json']);
    expect(topShifted.code, topShifted.stdout).to.equal(0);
    const topJson = JSON.parse(topShifted.stdout) as { findings: Array<{ file: string; line: number; ruleId: string; accepted: boolean }> };
    const intuneLinks = topJson.findings.filter((f) => f.file.endsWith('intune-onboarding-sideloadingkey-create.md') && f.ruleId === 'link-broken');
    expect(intuneLinks.map((f) => [f.line, f.accepted])).to.deep.equal([[8, true], [44, true]]);

    // A new defect: the Response text now documents 201, the example still says 200.
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('returns `200, OK` response code', 'returns `201 Created` response code'));
    const broken = await cli(['lint', '--docs', docs, '--baseline', baseline, '--format', 'json']);
    expect(broken.code).to.equal(1);
    const brokenJson = JSON.parse(broken.stdout) as { findings: Array<{ ruleId: string; accepted: boolean; message: string }> };
    // The errata answering the response example's findings go stale with them (see test/errata); the rest is one new defect.
    const fresh = brokenJson.findings.filter((f) => !f.accepted && f.ruleId !== 'erratum-stale');
    expect(fresh.map((f) => f.ruleId)).to.deep.equal(['example-response-status']);
    expect(fresh[0].message).to.include('200').and.include('201');
  });

  it('writes --out atomically and prints nothing on stdout', async () => {
    const out = join(dir, 'reports', 'lint.sarif');
    const r = await cli(['lint', '--docs', join(dir, 'docs'), '--format', 'sarif', '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    const sarif = JSON.parse(await readFile(out, 'utf8')) as { version: string };
    expect(sarif.version).to.equal('2.1.0');
  });

  it('could not run: missing docs directory → exit 2, one line, no stack', async () => {
    const r = await cli(['lint', '--docs', join(dir, 'nope')]);
    expect(r.code).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('nope').and.not.include('    at ');
  });

  it('could not run with --format json: lint, build and contracts say so on stdout, as verify does', async () => {
    const missing = join(dir, 'nope');
    for (const command of ['lint', 'build', 'contracts']) {
      const out = command === 'build' ? ['--out', join(dir, 'out')] : command === 'contracts' ? ['--pact-dir', join(dir, 'out')] : [];
      const r = await cli([command, '--docs', missing, '--format', 'json', ...out]);
      expect([command, r.code, JSON.parse(r.stdout)]).to.deep.equal([command, 2, { outcome: 'could-not-run', exitCode: 2, reason: `docs directory ${missing} cannot be read: ENOENT` }]);
      expect(r.stderr.trim()).to.equal(`graphpact ${command}: could not run: docs directory ${missing} cannot be read: ENOENT`);
    }
  });

  it('could not run: missing or malformed baseline → exit 2 naming the file', async () => {
    const missing = await cli(['lint', '--docs', join(dir, 'docs'), '--baseline', join(dir, 'none.json')]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include('none.json');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{\n  "version": 1,\n  "findings": [,]\n}\n');
    const malformed = await cli(['lint', '--docs', join(dir, 'docs'), '--baseline', bad]);
    expect(malformed.code).to.equal(2);
    expect(malformed.stderr).to.match(/bad\.json:3: baseline is not valid JSON/);
  });

  it('a named baseline that does not exist is an error in runLint itself (graphpact all names one too)', async () => {
    const missing = join(dir, 'no-such-baseline.json');
    await runLint({ docs: [join(dir, 'docs')], baseline: missing }).then(
      () => expect.fail('no error'),
      (err: Error) => expect([err.constructor.name, err.message]).to.deep.equal(['LintInputError', `baseline ${missing} does not exist (create one with --write-baseline ${missing})`]),
    );
  });

  it('rejects an unknown --format with exit 2', async () => {
    const r = await cli(['lint', '--format', 'xml']);
    expect(r.code).to.equal(2);
  });
});
