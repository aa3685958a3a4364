import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { CONTRACT_FILE, PROJECT_ROOT } from '../../src/contracts/index.js';

/** Runs the CLI in-process, capturing what it writes. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(args);
  return { code, out: stdout, err: stderr };
}

describe('contracts/graphpact contracts', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'graphpact-cli-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('has --help', async () => {
    const r = await run('contracts', '--help');
    expect(r.code).to.equal(0);
    expect(r.out).to.match(/--pact-dir <dir>/);
  });

  it('writes the committed contract and reports it as JSON', async () => {
    const r = await run('contracts', '--pact-dir', dir, '--format', 'json');
    expect(r.code, r.err).to.equal(0);
    const summary = JSON.parse(r.out) as { files: string[]; interactions: string[] };
    expect(summary.interactions).to.have.length(9);
    expect(await readFile(join(dir, CONTRACT_FILE), 'utf8')).to.equal(await readFile(join(PROJECT_ROOT, 'contracts', CONTRACT_FILE), 'utf8'));
  });

  it('exits 2 with one line and writes nothing when the schemas are missing', async () => {
    const r = await run('contracts', '--pact-dir', join(dir, 'out'), '--schemas', join(dir, 'none'));
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/^graphpact contracts: .*none\/index\.json: cannot read schema file \(ENOENT\) — run `graphpact build`\n$/);
    await readFile(join(dir, 'out', CONTRACT_FILE)).then(() => expect.fail('nothing may be written'), () => undefined);
  });

  it('exits 2 naming the docs directory when it is missing', async () => {
    const r = await run('contracts', '--pact-dir', dir, '--docs', join(dir, 'nodocs'));
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/docs directory .*nodocs cannot be read/);
    expect(r.err.split('\n').filter(Boolean)).to.have.length(1);
  });
});
