/**
 * `graphpact verify` end to end: the real Pact verifier and the schema checks against the embedded provider
 * (conformant), against deliberately broken providers (each must fail, naming what is broken), against
 * providers that are slow, throttle or add properties (must still pass), and against providers that cannot
 * be talked to (exit 2, one line, within the timeout). Plus the secrets proof: a --token appears nowhere.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { main } from '../../src/cli/main.js';
import { startProvider, type ProviderQuirks } from '../../src/provider/index.js';
import type { VerificationReport } from '../../src/report/model.js';
import { CHECK_NAMES } from '../../src/verify/checks.js';
import { selectionOf } from '../../src/select/index.js';
import { CONTRACT_FILE, PROJECT_ROOT } from '../../src/contracts/index.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run.js';
import {
  PACKAGE_ROOT, captureOutput, closedPortUrl, contractsDir, filteredContracts, readTree,
  startFrontProvider, startHangingProvider, type RunningServer,
} from './helpers.js';

process.env.PACT_DO_NOT_TRACK = 'true';
const tmpDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'graphpact-verify-'));
  tmpDirs.push(dir);
  return dir;
}

async function verify(over: Partial<VerifyOptions> = {}): Promise<VerificationReport> {
  const result = await runVerify({
    pactDir: contractsDir(),
    schemasDir: join(PACKAGE_ROOT, 'schemas'),
    reportsDir: await tempDir(),
    timeoutMs: 10_000,
    checks: CHECK_NAMES,
    retry: { maxRetries: 2, baseDelayMs: 50, maxDelayMs: 500 },
    ...over,
  });
  // What the report files say is what CI sees: read the JSON back from disk.
  return JSON.parse(await readFile(result.paths!.json, 'utf8')) as VerificationReport;
}

const failing = (report: VerificationReport) => [
  ...report.pact.interactions.filter((i) => i.status === 'fail').map((i) => `pact:${i.description}`),
  ...report.operations.flatMap((op) => op.checks.filter((c) => c.status === 'fail').map((c) => `${op.id}:${c.check}:${c.scenario}`)),
];

after(async () => {
  await Promise.all(tmpDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('graphpact verify (end to end)', function () {
  this.timeout(120_000);

  describe('against deliberately broken embedded providers', () => {
    // Every quirk runs at once (separate providers and Pact workers): the suite stays quick.
    const cases: { quirk: keyof ProviderQuirks; failsCheck: string; scenario?: string; operation?: string; message?: RegExp }[] = [
      { quirk: 'wrongCreateStatus', failsCheck: 'status_code_conformance', operation: 'deviceAppManagement.sideLoadingKeys.create', message: /201.*200/ },
      { quirk: 'omitId', failsCheck: 'response_schema_conformance', operation: 'deviceAppManagement.sideLoadingKeys.create', message: /"id"/ },
      { quirk: 'totalActivationAsString', failsCheck: 'response_schema_conformance', operation: 'deviceAppManagement.sideLoadingKeys.create', message: /totalActivation/ },
      { quirk: 'wrapInValue', failsCheck: 'response_schema_conformance', operation: 'deviceAppManagement.sideLoadingKeys.create', message: /\/value must be string/ },
      { quirk: 'skipAuth', failsCheck: 'auth_required', scenario: 'no-auth', message: /no Authorization header was accepted/ },
      { quirk: 'skipProofCheck', failsCheck: 'proof_checked', scenario: 'invalid-proof', operation: 'applications.addKey', message: /proof .* was accepted/ },
      { quirk: 'plainErrorBody', failsCheck: 'error_envelope_conformance', message: /not Graph's error envelope/ },
      // Type matching (Pact, the schema) accepts another string: the seed create's stateful check does not.
      { quirk: 'notEchoed', failsCheck: 'create_echoes_request', operation: 'deviceAppManagement.sideLoadingKeys.create', message: /does not return what was written/ },
    ];
    const reports = new Map<string, VerificationReport>();
    before(async () => {
      const results = await Promise.all(cases.map((c) => verify({ embedded: { quirks: { [c.quirk]: true } } })));
      cases.forEach((c, i) => reports.set(c.quirk, results[i]));
    });

    for (const c of cases) {
      it(`${c.quirk}: exit 1, ${c.failsCheck} fails${c.operation ? ` on ${c.operation}` : ''}`, () => {
        const report = reports.get(c.quirk)!;
        expect(report.exitCode, failing(report).join('\n')).to.equal(1);
        expect(report.outcome).to.equal('non-conformant');
        const hits = report.operations
          .filter((op) => !c.operation || op.id === c.operation)
          .flatMap((op) => op.checks)
          .filter((check) => check.check === c.failsCheck && check.status === 'fail' && (!c.scenario || check.scenario === c.scenario));
        expect(hits, `failures: ${failing(report).join(', ')}`).to.not.be.empty;
        if (c.message) expect(hits.map((h) => h.message).join('\n')).to.match(c.message);
        expect(report.cleanup.leftovers).to.deep.equal([]);
      });
    }

    it('the Pact verifier itself names the broken interactions (status, body shape, auth)', () => {
      const pactFailures = (quirk: string) => reports.get(quirk)!.pact.interactions.filter((i) => i.status === 'fail').map((i) => i.description);
      expect(pactFailures('wrongCreateStatus').join('\n')).to.match(/sideLoadingKey/i);
      expect(pactFailures('totalActivationAsString').join('\n')).to.match(/sideLoadingKey/i);
      expect(pactFailures('wrapInValue')).to.not.be.empty;
      expect(pactFailures('skipAuth').join('\n')).to.match(/token|auth/i);
      // Without ids, no application can be set up: the report says so instead of blaming addKey.
      const setup = reports.get('omitId')!.operations.flatMap((op) => op.checks).find((c) => c.check === 'fixture_setup');
      expect(setup?.message).to.match(/POST \/applications failed: HTTP 201 but the response has no "id"/);
      const stateFailure = reports.get('omitId')!.pact.interactions.flatMap((i) => i.mismatches).find((m) => /setup failed/.test(m.message));
      expect(stateFailure?.message).to.contain('state "an application with a valid certificate exists" setup failed');
    });
  });

  describe('against providers that are different but conformant', () => {
    let embedded: Awaited<ReturnType<typeof startProvider>>;
    let throttling: RunningServer;
    const token = 'graphpact-test-token-throttle';
    before(async () => {
      embedded = await startProvider({ port: 0 });
      // One 429 on the first request of every route, with a fractional Retry-After.
      throttling = await startFrontProvider(embedded.url, (_req, _route, seen) => seen === 0
        ? { status: 429, headers: { 'retry-after': '0.2', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }) }
        : undefined);
    });
    after(async () => {
      await throttling?.close();
      await embedded?.close();
    });

    it('extra properties, one 429 per route, and 1.5 s latency all still pass (run together)', async () => {
      // The latency run only carries two interactions: 1.5 s on every request of the full set would take minutes.
      const fewContracts = await filteredContracts((d) => /sideLoadingKey/i.test(d) || /AsymmetricX509Cert/i.test(d), await tempDir());
      const [extra, throttled, slow] = await Promise.all([
        verify({ embedded: { quirks: { extraProperties: true } } }),
        verify({ providerBaseUrl: `${throttling.url}/beta`, token }),
        verify({ embedded: { latencyMs: 1500 }, pactDir: fewContracts, timeoutMs: 5000 }),
      ]);
      for (const [name, report] of [['extra', extra], ['throttled', throttled], ['slow', slow]] as const) {
        expect(report.exitCode, `${name}: ${failing(report).join(', ')} ${report.reason ?? ''}`).to.equal(0);
        expect(report.pact.interactions, name).not.to.be.empty;
        expect(report.pact.interactions.every((i) => i.status === 'pass'), name).to.equal(true);
      }
      const warnings = extra.operations.flatMap((op) => op.checks).filter((c) => c.status === 'warn');
      expect(warnings.map((w) => w.message).join('\n')).to.contain('graphpactExtra');
      expect(extra.operations.find((op) => op.id === 'deviceAppManagement.sideLoadingKeys.create')!.responseProperties).to.include('graphpactExtra');
      // The seed create is judged by the generic stateful check too: what it sent comes back as sent.
      const echoed = extra.operations.find((op) => op.id === 'deviceAppManagement.sideLoadingKeys.create')!.checks.find((c) => c.check === 'create_echoes_request');
      expect(echoed?.status, echoed?.message).to.equal('pass');
      expect(slow.pact.interactions.length).to.be.greaterThan(0);
    });

    it('Pact\'s own requests are retried after a 429 too (the Pact verifier does not retry by itself)', async () => {
      // Only the invalid-proof check: conformance never touches the sideLoadingKeys route, so Pact meets its 429 first.
      const keysOnly = await filteredContracts((d) => /create a sideLoadingKey$/.test(d), await tempDir());
      const report = await verify({ providerBaseUrl: `${throttling.url}/beta`, token, pactDir: keysOnly, checks: ['proof_checked'] });
      expect(report.exitCode, failing(report).join(', ')).to.equal(0);
      expect(report.pact.interactions.map((i) => i.status)).to.deep.equal(['pass']);
      expect(throttling.routes!().get('POST /beta/deviceAppManagement/sideLoadingKeys')).to.be.at.least(2);
    });

    it('persistent 429 on one route is inconclusive, and the rest verified: INCONCLUSIVE exit 0, or 1 with --strict', async () => {
      const always = await startFrontProvider(embedded.url, (req) => req.method === 'POST' && /sideLoadingKeys/.test(req.url ?? '')
        ? { status: 429, headers: { 'retry-after': '0' }, body: '' }
        : undefined);
      try {
        const someContracts = await filteredContracts((d) => /AsymmetricX509Cert|create a sideLoadingKey$/i.test(d), await tempDir());
        const options = { providerBaseUrl: `${always.url}/beta`, token, pactDir: someContracts, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 } };
        const [lenient, strict] = await Promise.all([verify(options), verify({ ...options, strict: true })]);
        const inconclusive = lenient.operations.find((op) => op.id === 'deviceAppManagement.sideLoadingKeys.create')!.checks.filter((c) => c.status === 'inconclusive');
        expect(inconclusive, failing(lenient).join(', ')).to.not.be.empty;
        expect(inconclusive[0].message).to.match(/429 after 2 attempts/);
        expect(lenient.pact.interactions.find((i) => /sideLoadingKey/.test(i.description))!.status).to.equal('inconclusive');
        expect([lenient.outcome, lenient.exitCode], failing(lenient).join(', ')).to.deep.equal(['inconclusive', 0]);
        expect(lenient.reason).to.equal(undefined);
        expect([strict.outcome, strict.exitCode]).to.deep.equal(['non-conformant', 1]);
      } finally {
        await always.close();
      }
    });

    it('a provider that answers 429 to everything (fixture setup included) is inconclusive, not failed, and verified nothing: exit 2, --strict too', async () => {
      const always = await startFrontProvider(embedded.url, () => ({ status: 429, headers: { 'retry-after': '0' }, body: '' }));
      try {
        const someContracts = await filteredContracts((d) => /AsymmetricX509Cert/i.test(d), await tempDir());
        const options = { providerBaseUrl: `${always.url}/beta`, token, pactDir: someContracts, checks: ['proof_checked'], retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 } };
        const [lenient, strict] = await Promise.all([verify(options), verify({ ...options, strict: true })]);
        const setup = lenient.operations.find((op) => op.id === 'applications.addKey')!.checks.find((c) => c.check === 'fixture_setup');
        expect(setup?.status).to.equal('inconclusive');
        expect(lenient.totals.fail, failing(lenient).join(', ')).to.equal(0);
        for (const report of [lenient, strict]) {
          expect([report.outcome, report.exitCode]).to.deep.equal(['inconclusive', 2]);
          expect(report.reason).to.match(/^nothing could be verified: no success-path check and no Pact interaction concluded/);
        }
      } finally {
        await always.close();
      }
    });
  });

  describe('providers that cannot be talked to', () => {
    it('unreachable (closed port): exit 2 with one line', async () => {
      const url = await closedPortUrl();
      const reports = await tempDir();
      const started = Date.now();
      const { result: code, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', `${url}/beta`, '--token', 'some-test-token', '--timeout', '2', '--reports', reports]));
      expect(code).to.equal(2);
      expect(Date.now() - started).to.be.lessThan(10_000);
      const lines = stderr.trim().split('\n').filter((l) => l.includes('could not run'));
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(/refused the connection/);
    });

    it('hanging provider: exit 2 with one line within the timeout', async () => {
      const hanging = await startHangingProvider();
      const reports = await tempDir();
      try {
        const started = Date.now();
        const { result: code, stderr, stdout } = await captureOutput(() => main(['verify', '--provider-base-url', `${hanging.url}/beta`, '--token', 'some-test-token', '--timeout', '1.5', '--reports', reports]));
        const elapsed = Date.now() - started;
        expect(code).to.equal(2);
        // A bound, not a benchmark: a hang never ends, and a loaded CI machine needs slack for start-up.
        expect(elapsed).to.be.lessThan(1500 + 10_000);
        expect(stderr.split('\n').filter((l) => l.includes('could not run'))).to.deep.equal([`graphpact verify: could not run: provider did not answer in time at ${hanging.url}/beta/applications: no complete response within 1500 ms`]);
        expect(stdout).to.contain('COULD-NOT-RUN (exit 2)');
        const report = JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport;
        expect(report.outcome).to.equal('could-not-run');
      } finally {
        await hanging.close();
      }
    });
  });

  describe('the seed addKey for an application that does not exist (unknown_id_404)', () => {
    it('passes the embedded provider\'s 404 and fails a provider that adds the key anyway', async () => {
      const target = await startProvider({ port: 0 });
      // The driver's addKey requests come in a fixed order: success, no-auth, invalid-body, invalid-proof, unknown-id (the 5th).
      const front = await startFrontProvider(target.url, (req, route, n) => (route === 'POST /beta/applications/{id}/addKey' && (req.headers['user-agent'] ?? '').startsWith('graphpact') && n === 4
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ keyId: '633b1614-b669-47c5-961e-f4a45978ffff', type: 'AsymmetricX509Cert', usage: 'Verify' }) } : undefined));
      const pactDir = await filteredContracts((d) => d.includes('does not exist'), await tempDir());
      try {
        const options = { token: 'unknown-application-token', pactDir, checks: ['status_code_conformance', 'unknown_id_404'], selection: selectionOf('applications.addKey') };
        const [passing, failed] = await Promise.all([verify({ ...options, providerBaseUrl: `${target.url}/beta` }), verify({ ...options, providerBaseUrl: `${front.url}/beta` })]);
        const unknownId = (r: VerificationReport) => r.operations.find((o) => o.id === 'applications.addKey')!.checks.find((c) => c.check === 'unknown_id_404');
        expect(passing.exitCode, failing(passing).join('\n')).to.equal(0);
        expect(unknownId(passing)).to.include({ status: 'pass', scenario: 'unknown-id' });
        expect(failed.exitCode).to.equal(1);
        expect(unknownId(failed)).to.include({ status: 'fail', scenario: 'unknown-id' });
        expect(unknownId(failed)!.message).to.match(/an id no object has was accepted \(HTTP 200\)/);
      } finally {
        await front.close();
        await target.close();
      }
    });
  });

  describe('providers that stop answering half-way', () => {
    it('answers graphpact\'s own requests but hangs on the Pact verifier\'s: exit 2, the interactions still reported', async function () {
      const target = await startProvider({ port: 0 });
      // Conformance checks and state set-up come from graphpact's client (user-agent graphpact/...); Pact's requests do not.
      const front = await startFrontProvider(target.url, (req) => ((req.headers['user-agent'] ?? '').startsWith('graphpact') ? undefined : 'hang'));
      const reports = await tempDir();
      try {
        const { result: code, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', `${front.url}/beta`, '--token', 'some-test-token', '--timeout', '1', '--reports', reports]));
        expect(code, stderr).to.equal(2);
        const lines = stderr.split('\n').filter((l) => l.includes('could not run'));
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/Pact verification could not run: the provider stopped answering: provider did not answer in time at http:\/\/127\.0\.0\.1:\d+\/beta\//);
        const report = JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport;
        expect(report.outcome).to.equal('could-not-run');
        expect(report.operations.every((o) => o.checks.every((c) => c.status !== 'fail'))).to.equal(true);
        const declared = (JSON.parse(await readFile(join(PROJECT_ROOT, 'contracts', CONTRACT_FILE), 'utf8')) as { interactions: unknown[] }).interactions.length;
        expect(report.pact.interactions.map((i) => i.status)).to.deep.equal(Array(declared).fill('inconclusive'));
        expect(report.pact.interactions[0].mismatches.at(-1)?.message).to.match(/^no answer from the provider: provider did not answer in time/);
      } finally {
        await front.close();
        await target.close();
      }
    });
  });

  describe('providers that stop answering half-way (state set-up)', () => {
    it('answers until the Pact phase, then hangs when a state creates its application: exit 2 naming that request', async function () {
      const target = await startProvider({ port: 0 });
      let pactStarted = false;
      const front = await startFrontProvider(target.url, (req, route) => {
        if (!(req.headers['user-agent'] ?? '').startsWith('graphpact')) pactStarted = true;
        return pactStarted && route === 'POST /beta/applications' ? 'hang' : undefined;
      });
      const reports = await tempDir();
      try {
        const { result: code, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', `${front.url}/beta`, '--token', 'some-test-token', '--timeout', '1', '--reports', reports]));
        expect(code, stderr).to.equal(2);
        expect(stderr).to.match(/could not run: Pact verification could not run: the provider stopped answering: provider did not answer in time at http:\/\/127\.0\.0\.1:\d+\/beta\/applications/);
        const report = JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport;
        expect(report.outcome).to.equal('could-not-run');
        expect(report.pact.interactions.some((i) => i.status === 'pass')).to.equal(true);
      } finally {
        await front.close();
        await target.close();
      }
    });
  });

  describe('interrupted runs', () => {
    it('Ctrl-C (SIGINT) deletes what the run created, then exits 130', async () => {
      const provider = await startProvider({ port: 0, latencyMs: 300 });
      try {
        const cli = join(import.meta.dirname, 'run-cli.ts');
        const child = spawn(process.execPath, ['--import', 'tsx', cli, 'verify', '--provider-base-url', `${provider.url}/beta`, '--token', 'sigint-test-token', '--reports', await tempDir()], { stdio: ['ignore', 'ignore', 'pipe'], cwd: PACKAGE_ROOT });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (c, signal) => resolve(c ?? signal)));
        let running = true;
        void exited.then(() => (running = false));
        // Interrupt once the provider holds the application the run created: however long a loaded machine takes
        // to get there (no count of polls, which a slow start-up outlasts; the test's own timeout bounds it).
        while (running && provider.state.applications.size === 0) await new Promise((r) => setTimeout(r, 20));
        expect(provider.state.applications.size, `the run ended before it created anything: ${stderr}`).to.be.greaterThan(0);
        child.kill('SIGINT');
        const code = await exited;
        expect(code, stderr).to.equal(130);
        expect(stderr).to.contain('SIGINT: deleting the objects this run created');
        expect(provider.state.applications.size).to.equal(0);
      } finally {
        await provider.close();
      }
    });
  });

  describe('safety', () => {
    it('refuses to write to a provider outside loopback without --allow-writes', async () => {
      const reports = await tempDir();
      const { result: code, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', 'https://graph.example.invalid/beta', '--token', 'some-test-token', '--reports', reports]));
      expect(code).to.equal(2);
      expect(stderr).to.match(/refusing to create and delete objects on https:\/\/graph\.example\.invalid \(not loopback\): pass --allow-writes/);
      // CI still gets a report saying why nothing was verified.
      const md = await readFile(join(reports, 'verify.md'), 'utf8');
      expect(md).to.contain('could not run').and.to.contain('refusing to create and delete objects');
    });

    it('--dry-run prints every request, redacted, and sends nothing', async () => {
      const front = await startFrontProvider('http://127.0.0.1:9', () => ({ status: 500 }));
      const secret = 'dry-run-secret-token-4242';
      try {
        const { result: code, stdout } = await captureOutput(() => main(['verify', '--provider-base-url', `${front.url}/beta`, '--token', secret, '--dry-run', '--pact-dir', contractsDir(), '--format', 'json']));
        expect(code).to.equal(0);
        expect(front.count()).to.equal(0);
        expect(stdout).not.to.contain(secret);
        const plan = JSON.parse(stdout) as { steps: { phase: string; method: string; path: string }[] };
        const phases = new Set(plan.steps.map((s) => s.phase));
        expect([...phases]).to.include.members(['setup', 'check', 'pact', 'cleanup']);
        expect(plan.steps.some((s) => s.method === 'POST' && s.path === '/deviceAppManagement/sideLoadingKeys')).to.equal(true);
      } finally {
        await front.close();
      }
    });

    it('--provider-states-setup-url hands Pact\'s state changes to the provider\'s own URL', async () => {
      const embedded = await startProvider({ port: 0 });
      const calls: { state?: string; action?: string }[] = [];
      const stateServer = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          calls.push(JSON.parse(body || '{}') as { state?: string; action?: string });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ applicationId: '6c0a0c3e-0000-4000-8000-000000000001', proof: 'not-a-real-proof' }));
        });
      });
      await new Promise<void>((ok) => stateServer.listen(0, '127.0.0.1', () => ok()));
      try {
        const setupUrl = `http://127.0.0.1:${(stateServer.address() as AddressInfo).port}/_state`;
        const pactDir = await filteredContracts((d) => /does not exist/.test(d), await tempDir());
        const report = await verify({ providerBaseUrl: `${embedded.url}/beta`, token: 'some-test-token', pactDir, checks: ['request_id_present'], providerStatesSetupUrl: setupUrl });
        expect(report.pact.ran).to.equal(true);
        expect(calls.some((c) => c.state === 'no application exists with the given id' && c.action === 'setup')).to.equal(true);
      } finally {
        stateServer.close();
        await embedded.close();
      }
    });

    it('rejects unknown --checks and a bad --timeout as usage errors (exit 2)', async () => {
      const a = await captureOutput(() => main(['verify', '--checks', 'nope', '--dry-run']));
      expect(a.result).to.equal(2);
      expect(a.stderr).to.contain('unknown check(s) nope');
      const b = await captureOutput(() => main(['verify', '--timeout', '-1', '--dry-run']));
      expect(b.result).to.equal(2);
      expect(b.stderr).to.contain('--timeout must be a positive number');
    });

    it('refuses, before sending anything, reports it cannot write (a file where the folder should be)', async () => {
      const dir = await tempDir();
      const file = join(dir, 'not-a-folder');
      await writeFile(file, 'x');
      const hanging = await startHangingProvider();
      try {
        const { result, stderr } = await captureOutput(() => main(['verify', '--provider-base-url', `${hanging.url}/beta`, '--token', 'some-test-token', '--reports', file]));
        expect(result).to.equal(2);
        expect(stderr.trim()).to.equal(`graphpact verify: could not run: cannot write reports to ${file}: ${file} exists and is not a directory`);
        expect(hanging.count()).to.equal(0);
      } finally {
        await hanging.close();
      }
    });
  });

  describe('the embedded provider, through the CLI', () => {
    it('passes (exit 0, clean JSON on stdout), and the --token appears in no report, contract, stdout or stderr', async () => {
      const token = 'FAKE-TOKEN-graphpact-7f3c9e1d-do-not-leak';
      const reports = await tempDir();
      const { result: code, stdout, stderr } = await captureOutput(() => main(['verify', '--token', token, '--reports', reports, '--pact-dir', contractsDir(), '--format', 'json']));
      expect(code, stdout + stderr).to.equal(0);
      // --format json: stdout is one JSON document (the Pact verifier's own output goes to its log, not here).
      const printed = JSON.parse(stdout) as { outcome: string; reportFiles: { html: string } };
      expect(printed.outcome).to.equal('conformant');
      expect(printed.reportFiles.html).to.equal(join(reports, 'verify.html'));
      const files = [...(await readTree(reports)), ...(await readTree(contractsDir()))];
      expect(files.map((f) => f.path.split('/').pop())).to.include.members(['verify.json', 'verify.junit.xml', 'verify.html', 'verify.md', 'pact-verifier.log']);
      for (const file of files) expect(file.text, file.path).not.to.contain(token);
      expect(stdout).not.to.contain(token);
      expect(stderr).not.to.contain(token);
      const report = JSON.parse(await readFile(join(reports, 'verify.json'), 'utf8')) as VerificationReport;
      expect(report.pact.interactions.length).to.be.greaterThan(0);
      expect(report.pact.interactions.every((i) => i.status === 'pass')).to.equal(true);
      expect(report.operations.map((op) => op.id).sort()).to.deep.equal(['applications.addKey', 'deviceAppManagement.sideLoadingKeys.create']);
      expect(report.cleanup.leftovers).to.deep.equal([]);
      expect(report.cleanup.deleted).to.equal(report.cleanup.created);
    });
  });
});
