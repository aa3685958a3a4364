/** `graphpact serve` as a user runs it: a child process, its printed URL, real HTTP, SIGTERM. */
import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { call } from './helpers.js';
import { emulatorDocs } from './emulator/docs.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const LAUNCH = `import(${JSON.stringify(MAIN)}).then((m) => m.main(process.argv.slice(1))).then((code) => { process.exitCode = code; })`;

function graphpact(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', '--eval', LAUNCH, ...args], { env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
}

async function finish(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

describe('graphpact serve', function () {
  it('prints its URL as JSON, serves the asked version, and stops cleanly on SIGTERM', async function () {
    const child = graphpact(['serve', '--port', '0', '--version', 'v1.0', '--format', 'json', '--verbose']);
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const [first] = await once(child.stdout, 'data');
    const started = JSON.parse(String(first).split('\n')[0]);
    expect(started.versions).to.deep.equal(['v1.0']);
    expect(started.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await call(`${started.url}/v1.0`, 'POST', '/deviceAppManagement/sideLoadingKeys', { body: { displayName: 'graphpact-test cli' } });
    expect(reply.status).to.equal(201);
    expect((await call(`${started.url}/beta`, 'GET', '/deviceAppManagement/sideLoadingKeys')).status).to.equal(400);
    expect((await call(`${started.url}/v1.0`, 'GET', '/deviceAppManagement/sideLoadingKeys?access_token=super-secret-value')).status).to.equal(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).to.equal(0);
    expect(stderr).to.match(/POST \/v1\.0\/deviceAppManagement\/sideLoadingKeys 201/);
    // The access log names the URL, so a credential in the query is what could leak (never the headers).
    expect(stderr).to.match(/GET \/v1\.0\/deviceAppManagement\/sideLoadingKeys\?access_token=\S* 200/);
    expect(stderr).not.to.include('super-secret-value');
  });

  it('--docs DIR: emulates the documented operations, says what it routes, and applies a quirk scoped by operationId', async function () {
    const docs = await mkdtemp(join(tmpdir(), 'graphpact-serve-docs-'));
    try {
      for (const [file, text] of Object.entries(emulatorDocs())) {
        await mkdir(dirname(join(docs, file)), { recursive: true });
        await writeFile(join(docs, file), text);
      }
      const child = graphpact(['serve', '--docs', docs, '--operations', 'widgets.*', '--quirk', 'dropProperty@widgets.get', '--port', '0', '--format', 'json']);
      const [first] = await once(child.stdout, 'data');
      const started = JSON.parse(String(first).split('\n')[0]);
      expect(started.routes.served).to.include({ create: 1, list: 1, get: 1, update: 1, delete: 1 });
      const v1 = `${started.url}/v1.0`;
      const created = await call(v1, 'POST', '/widgets', { body: { displayName: 'cli', color: 'red' } });
      expect(created.json).to.include({ displayName: 'cli', color: 'red' });
      const read = await call(v1, 'GET', `/widgets/${created.json.id}`);
      expect(read.json).to.include({ color: 'red' }).and.not.to.have.property('displayName');
      expect((await call(v1, 'GET', '/users')).status, 'users.* is not selected').to.equal(400);
      child.kill('SIGTERM');
      expect((await once(child, 'exit'))[0]).to.equal(0);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });

  it('--help exits 0 and lists the options', async function () {
    const { code, stdout } = await finish(graphpact(['serve', '--help']));
    expect(code).to.equal(0);
    for (const option of ['--port', '--host', '--version', '--latency', '--throttle', '--quirk', '--verbose', '--docs', '--operations', '--page-size']) expect(stdout).to.include(option);
  });

  it('bad usage exits 2 with one line, no stack trace', async function () {
    this.timeout(240_000); // seven CLI processes at once: slow on a shared two-core machine, not a wall-clock assertion
    const cases = [['--throttle', 'often'], ['--quirk', 'noSuchQuirk'], ['--quirk', 'dropProperty@'], ['--port', '70000'], ['--schemas', '/nonexistent'], ['--operations', 'users.*'], ['--docs', '/nonexistent-docs']];
    const results = await Promise.all(cases.map((args) => finish(graphpact(['serve', ...args]))));
    results.forEach(({ code, stderr }, i) => {
      expect(code, cases[i].join(' ')).to.equal(2);
      expect(stderr.trim().split('\n'), stderr).to.have.length(1);
      expect(stderr).to.match(/^graphpact/);
    });
  });
});
