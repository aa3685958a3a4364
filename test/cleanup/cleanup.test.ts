import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { createGraphClient, type GraphClient } from '../../src/client/index.js';
import { checkPrefix, parseDuration, runIdTime, selectLeftovers } from '../../src/cleanup/sweep.js';
import { PACKAGE_ROOT, runCli } from '../broker/helpers.js';
import { useTempDirs } from '../helpers/temp.js';

const TOKEN = 'cleanup-test-token-8d1e0c';

describe('graphpact cleanup', function () {
  this.timeout(60_000);

  describe('selection (pure)', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    it('keeps only prefixed objects older than the threshold; age from the timestamp, else the run id', () => {
      const selection = selectLeftovers(
        [
          { kind: 'application', id: 'old', displayName: 'graphpact-x-app', timestamp: '2026-11-22T10:00:00Z' },
          { kind: 'application', id: 'young', displayName: 'graphpact-y-app', timestamp: '2026-11-22T11:45:00Z' },
          { kind: 'application', id: 'foreign', displayName: 'payroll', timestamp: '2020-01-01T00:00:00Z' },
          { kind: 'sideLoadingKey', id: 'named', displayName: 'graphpact-20261122t093000-ab12-sideloadingkey' },
          { kind: 'sideLoadingKey', id: 'unknown', displayName: 'graphpact-manual' },
        ],
        'graphpact-',
        parseDuration('1h'),
        now,
      );
      expect(selection.candidates.map((c) => c.id)).to.deep.equal(['old', 'named']);
      expect(selection.candidates[1].madeAt).to.equal('2026-11-22T09:30:00Z');
      expect(selection.kept.map((k) => k.object.id)).to.deep.equal(['young', 'unknown']);
      expect(selection.kept[1].reason).to.match(/age unknown/);
    });

    it('parses durations and refuses dangerous prefixes', () => {
      expect(['1h', '30m', '90s', '2d', '0', '250ms'].map(parseDuration)).to.deep.equal([3_600_000, 1_800_000, 90_000, 172_800_000, 0, 250]);
      expect(() => parseDuration('1 hour')).to.throw(/duration like 1h/);
      expect(() => parseDuration('15')).to.throw(/duration like/);
      expect(() => checkPrefix('')).to.throw(/at least 4 characters/);
      expect(() => checkPrefix('gp')).to.throw(/at least 4 characters/);
      expect(runIdTime('graphpact-20261122t000512-3fa9-app')).to.equal('2026-11-22T00:05:12Z');
      expect(runIdTime('graphpact-app')).to.equal(undefined);
    });
  });

  describe('against the embedded provider ("live" mode: same code path, local URL)', () => {
    let provider: RunningProvider;
    let client: GraphClient;
    let base: string;
    const tempDir = useTempDirs('crash');
    beforeEach(async () => {
      provider = await startProvider({});
      base = `${provider.url}/beta`;
      client = createGraphClient({ baseUrl: base, token: TOKEN });
    });
    afterEach(async () => {
      await client.close();
      await provider.close();
    });

    const names = async () => (await client.listApplications()).data!.value.map((a) => a.displayName);

    it('sweeps prefixed applications and sideLoadingKeys, leaves everything else', async () => {
      await client.createApplication({ displayName: 'graphpact-20261122t000512-3fa9-app' });
      await client.createApplication({ displayName: 'graphpact-20261122t000512-3fa9-state-app-1' });
      await client.createApplication({ displayName: 'payroll' });
      const key = await client.createSideLoadingKey({ displayName: 'graphpact-20261122t000512-3fa9-sideloadingkey', value: 'dGVzdA==', description: 'x' } as never);
      expect(key.ok, JSON.stringify(key.response.body)).to.equal(true);
      const run = await runCli(['cleanup', '--provider-base-url', base, '--older-than', '0', '--token', TOKEN]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/3 deleted, 0 could not be deleted/);
      expect(await names()).to.deep.equal(['payroll']);
      expect([...provider.state.sideLoadingKeys.values()]).to.have.length(0);
      expect(run.stdout + run.stderr).not.to.include(TOKEN);
    });

    it('objects younger than --older-than are kept (default 1h)', async () => {
      await client.createApplication({ displayName: 'graphpact-fresh-app' });
      const run = await runCli(['cleanup', '--provider-base-url', base, '--format', 'json'], { GRAPH_TOKEN: TOKEN });
      expect(run.code, run.stderr).to.equal(0);
      const json = JSON.parse(run.stdout) as { deleted: unknown[]; kept: { reason: string }[] };
      expect(json.deleted).to.have.length(0);
      expect(json.kept[0].reason).to.match(/younger than the threshold/);
      expect(await names()).to.deep.equal(['graphpact-fresh-app']);
    });

    it('--dry-run lists what would go and deletes nothing', async () => {
      await client.createApplication({ displayName: 'graphpact-old-app' });
      const run = await runCli(['cleanup', '--provider-base-url', base, '--older-than', '0', '--dry-run', '--token', TOKEN]);
      expect(run.code).to.equal(0);
      expect(run.stdout).to.match(/would delete application .* "graphpact-old-app"/);
      expect(await names()).to.deep.equal(['graphpact-old-app']);
    });

    it('after a crashed verify run (process killed mid-run), no application is left on the provider', async function () {
      const reports = await tempDir();
      const script = `import('./src/cli/main.ts').then((m) => m.main(['verify', '--provider-base-url', '${base}', '--token', '${TOKEN}', '--reports', '${reports}']))`;
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: PACKAGE_ROOT, stdio: 'ignore', env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
      const exited = new Promise((r) => child.once('exit', r));
      const deadline = Date.now() + 40_000;
      while (provider.state.applications.size === 0 && Date.now() < deadline && child.exitCode === null) await sleep(10);
      child.kill('SIGKILL');
      await exited;
      const left = [...provider.state.applications.values()].map((a) => a.displayName);
      if (left.length === 0) this.skip(); // the run finished its own cleanup before we could kill it
      expect(left.every((n) => n.startsWith('graphpact-'))).to.equal(true);

      const run = await runCli(['cleanup', '--provider-base-url', base, '--older-than', '0s', '--token', TOKEN]);
      expect(run.code, run.stderr).to.equal(0);
      expect(provider.state.applications.size).to.equal(0);
    });

    it('a provider refusing the token: exit 2 with one line, the token redacted', async () => {
      await provider.close();
      provider = await startProvider({ tokenValidator: () => false });
      base = `${provider.url}/beta`;
      const run = await runCli(['cleanup', '--provider-base-url', base, '--older-than', '0', '--token', TOKEN]);
      expect(run.code).to.equal(2);
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.match(/listing applications answered HTTP 401/);
      expect(run.stdout + run.stderr).not.to.include(TOKEN);
    });
  });

  it('refuses to delete on a provider outside loopback without --allow-writes (nothing is sent)', async () => {
    const run = await runCli(['cleanup', '--provider-base-url', 'https://graph.example.invalid/beta', '--token', TOKEN]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('refusing to delete objects on https://graph.example.invalid (not loopback): pass --allow-writes');
    const noAuth = await runCli(['cleanup', '--provider-base-url', 'http://127.0.0.1:9/beta']);
    expect(noAuth.code).to.equal(2);
    expect(noAuth.stderr).to.match(/no credentials for the provider/);
    const badAge = await runCli(['cleanup', '--provider-base-url', 'http://127.0.0.1:9/beta', '--older-than', 'yesterday', '--token', TOKEN]);
    expect(badAge.code).to.equal(2);
    expect(badAge.stderr).to.match(/--older-than must be a duration/);
    const badUrl = await runCli(['cleanup', '--provider-base-url', 'ftp://127.0.0.1/beta', '--token', TOKEN]);
    expect(badUrl.code).to.equal(2);
    expect(badUrl.stderr).to.include('--provider-base-url must be http(s): "ftp://127.0.0.1/beta"');
  });

  it('objects that cannot be deleted: exit 1, each named with the reason', async () => {
    const server: Server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && req.url?.startsWith('/beta/applications')) {
        res.end(JSON.stringify({ value: [{ id: 'a1', displayName: 'graphpact-stuck', createdDateTime: '2020-01-01T00:00:00Z' }] }));
      } else if (req.method === 'GET') {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { code: 'ResourceNotFound', message: 'no' } }));
      } else {
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } }));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/beta`;
      const run = await runCli(['cleanup', '--provider-base-url', url, '--token', TOKEN]);
      expect(run.code).to.equal(1);
      expect(run.stdout).to.match(/FAILED application a1 "graphpact-stuck" .*: HTTP 403 Authorization_RequestDenied/);
      expect(run.stdout).to.match(/sideLoadingKeys not swept: listing sideLoadingKeys answered HTTP 404/);
    } finally {
      server.close();
    }
  });
});
