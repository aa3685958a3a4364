/**
 * `graphpact ... | head`: a reader that goes away must not make the CLI crash with an unhandled EPIPE and
 * a stack trace. The real bin (bin/graphpact.js → dist/, compiled by `npm ci` / `npm run compile`) runs as a
 * child process whose stdout (or stderr) pipe the test closes, before the first write or after the first chunk.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/util/package.js';
import { useTempDirs } from '../helpers/temp.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'graphpact.js');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What the child wrote on the stream that stayed open. */
  other: string;
}

/**
 * Runs the bin with `closed` ('stdout' or 'stderr') piped to a reader that closes: at once (the child
 * writes into a closed pipe) or after the first chunk (the reader stops mid-output, like `head`).
 */
function runWithClosingReader(args: string[], closed: 'stdout' | 'stderr', when: 'at-once' | 'after-first-chunk'): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PACT_DO_NOT_TRACK: 'true', NO_COLOR: '1' } });
    const reader = child[closed];
    const kept = closed === 'stdout' ? child.stderr : child.stdout;
    let other = '';
    kept.on('data', (chunk: Buffer) => (other += chunk.toString('utf8')));
    if (when === 'at-once') reader.destroy();
    else reader.once('data', () => reader.destroy());
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, other });
    });
  });
}

function expectQuiet(run: Ended, exitCode: number, what: string): void {
  expect(run.signal, `${what}: killed`).to.equal(null);
  expect(run.other, `${what}: nothing about the closed pipe on the other stream (is dist/ compiled?)`).not.to.match(/EPIPE|Unhandled 'error' event|\n\s+at /);
  expect(run.code, `${what}: ${run.other}`).to.equal(exitCode);
}

describe('output to a closed pipe (graphpact ... | head)', function () {
  this.timeout(180_000);
  const tempDir = useTempDirs('pipe');

  it('--help of every command into a pipe closed before the first write: exit 0, no stack trace', async () => {
    const commands = ['', 'build', 'lint', 'contracts', 'verify', 'all', 'serve', 'publish', 'can-i-deploy', 'cleanup', 'diff'];
    // Two at a time: the machine is small and each is a whole node process.
    for (let i = 0; i < commands.length; i += 2) {
      const runs = await Promise.all(commands.slice(i, i + 2).map(async (command) => [command, await runWithClosingReader([...(command ? [command] : []), '--help'], 'stdout', 'at-once')] as const));
      for (const [command, run] of runs) expectQuiet(run, 0, `graphpact ${command} --help`);
    }
  });

  it('the bulk output of lint (text and json), cut after the first chunk like `head`: the command\'s own exit code', async () => {
    // 30 copies of the seed pages: a few hundred KB of findings, far more than a pipe holds, so the
    // reader is gone while lint is still writing. Their errors are not in any baseline: exit 1.
    const docs = await tempDir();
    for (let i = 0; i < 30; i++) await cp(join(PACKAGE_ROOT, 'apidocs', 'api'), join(docs, `api${i}`), { recursive: true });
    await cp(join(PACKAGE_ROOT, 'apidocs', 'resources'), join(docs, 'resources'), { recursive: true });
    const [text, json] = await Promise.all([
      runWithClosingReader(['lint', '--docs', docs], 'stdout', 'after-first-chunk'),
      runWithClosingReader(['lint', '--docs', docs, '--format', 'json'], 'stdout', 'after-first-chunk'),
    ]);
    expectQuiet(text, 1, 'graphpact lint');
    expectQuiet(json, 1, 'graphpact lint --format json');
  });

  it('the plan of verify --dry-run --format json into a closed pipe: exit 0', async () => {
    expectQuiet(await runWithClosingReader(['verify', '--dry-run', '--format', 'json'], 'stdout', 'at-once'), 0, 'graphpact verify --dry-run --format json');
  });

  it('verify against the embedded provider with stdout closed, and with stderr (its progress) closed: the run still completes and writes its reports', async () => {
    const [outClosed, errClosed] = await Promise.all([tempDir(), tempDir()]);
    const [a, b] = await Promise.all([
      runWithClosingReader(['verify', '--reports', outClosed, '--checks', 'auth_required'], 'stdout', 'at-once'),
      runWithClosingReader(['verify', '--reports', errClosed, '--checks', 'auth_required'], 'stderr', 'at-once'),
    ]);
    expectQuiet(a, 0, 'graphpact verify (stdout closed)');
    expectQuiet(b, 0, 'graphpact verify (stderr closed)');
    expect(b.other).to.match(/^CONFORMANT \(exit 0\)/);
    for (const dir of [outClosed, errClosed]) expect(await readdir(dir), dir).to.include.members(['verify.json', 'verify.md']);
  });
});
