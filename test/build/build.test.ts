import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATE_FILE } from '../../src/schema/write.js';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMITTED = join(ROOT, 'schemas');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name !== STATE_FILE).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

describe('build: `graphpact build`', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'graphpact-build-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('the committed schemas/ are up to date with apidocs/ (else run `graphpact build`)', async () => {
    const { code } = await runCli(['build', '--out', tmp]);
    expect(code).to.equal(0);
    const fresh = await listFiles(tmp);
    const manifest = JSON.parse(await readFile(join(COMMITTED, 'build-manifest.json'), 'utf8')) as { files: string[] };
    expect([...manifest.files, 'build-manifest.json'].sort(), 'schemas/ lists other files than a fresh build: run `graphpact build` and commit schemas/').to.deep.equal(fresh);
    for (const file of fresh) {
      const [now, committed] = await Promise.all([readFile(join(tmp, file), 'utf8'), readFile(join(COMMITTED, file), 'utf8').catch(() => '(missing)')]);
      expect(committed, `schemas/${file} is stale: run \`graphpact build\` and commit schemas/`).to.equal(now);
    }
  });

  it('is deterministic: a second build (from another directory) writes nothing new', async () => {
    const first = await runCli(['build', '--out', tmp, '--format', 'json']);
    const summary = JSON.parse(first.stdout);
    expect(summary).to.deep.include({ pages: 6, operations: 3, types: 3, versions: ['beta', 'localtest'] });
    expect(summary.files.written).to.equal(summary.files.total);
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const second = await runCli(['build', '--out', tmp, '--format', 'json']);
      expect(JSON.parse(second.stdout).files).to.deep.include({ written: 0, unchanged: summary.files.total, removed: 0 });
    } finally {
      process.chdir(cwd);
    }
  });

  it('prints a short text summary', async () => {
    const { code, stdout } = await runCli(['build', '--out', tmp]);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^graphpact build: 6 pages → 3 operations, 3 types in 2 versions \(beta, localtest\)/);
    expect(stdout).to.match(/time: \d+\.\d\d s/);
  });

  it('builds from given docs directories and removes only its own stale files', async () => {
    const docs = join(tmp, 'docs');
    const out = join(tmp, 'out');
    await mkdir(join(docs, 'beta/api'), { recursive: true });
    const page = (path: string) => `---\ntitle: "t"\n---\n# Get thing\n\n## HTTP request\n\`\`\`http\nGET ${path}\n\`\`\`\n\n## Response\nIf successful, this method returns a \`200 OK\` response code and a [thing](../resources/thing.md) object.\n`;
    await writeFile(join(docs, 'beta/api/a.md'), page('/things/{id}'));
    await writeFile(join(docs, 'beta/api/b.md'), page('/others/{id}'));
    expect((await runCli(['build', '--docs', docs, '--out', out])).code).to.equal(0);
    await writeFile(join(out, 'mine.txt'), 'keep me');
    await rm(join(docs, 'beta/api/b.md'));
    const { code, stdout } = await runCli(['build', '--docs', docs, '--out', out, '--format', 'json']);
    expect(code).to.equal(0);
    expect(JSON.parse(stdout).files.removed).to.equal(1);
    expect(await readdir(join(out, 'beta/operations'))).to.deep.equal(['things.get.response.json']);
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
    expect(index.operations.map((o: { id: string }) => o.id)).to.deep.equal(['things.get']);
    expect(await readFile(join(out, 'mine.txt'), 'utf8')).to.equal('keep me');
  });

  it('a page whose example is absurdly deeply nested JSON still builds, with a finding', async () => {
    const docs = join(tmp, 'docs');
    await mkdir(join(docs, 'beta/api'), { recursive: true });
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    await writeFile(join(docs, 'beta/api/deep.md'), `# Create thing\n\n## HTTP request\n\`\`\`http\nPOST /things\n\`\`\`\n\n## Request body\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. |\n\n## Response\nIf successful, this method returns a \`201 Created\` response code.\n\n## Example\n### Request\n<!-- { "blockType": "request", "name": "deep" } -->\n\`\`\`http\nPOST https://graph.microsoft.com/beta/things\nContent-type: application/json\n\n${deep}\n\`\`\`\n`);
    const { code, stdout, stderr } = await runCli(['build', '--docs', docs, '--out', join(tmp, 'out'), '--format', 'json']);
    expect(stderr).to.equal('');
    expect(code).to.equal(0);
    expect(JSON.parse(stdout).findings.byRule).to.have.property('parse-json-invalid');
  });

  it('exits 2 with one line naming a missing docs directory', async () => {
    const { code, stderr, stdout } = await runCli(['build', '--docs', join(tmp, 'nope'), '--out', tmp]);
    expect(code).to.equal(2);
    expect(stdout).to.equal('');
    expect(stderr.trim().split('\n')).to.have.length(1);
    expect(stderr).to.contain('nope').and.to.not.contain('    at ');
  });

  it('exits 2 and writes nothing when a docs file cannot be read', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    const docs = join(tmp, 'docs');
    await mkdir(docs);
    await writeFile(join(docs, 'locked.md'), '# x\n');
    await chmod(join(docs, 'locked.md'), 0o000);
    const { code, stderr } = await runCli(['build', '--docs', docs, '--out', join(tmp, 'out')]);
    expect(code).to.equal(2);
    expect(stderr).to.contain('locked.md');
    expect(await readdir(tmp)).to.deep.equal(['docs']);
  });

  it('--help describes the options; a bad --format is a usage error (exit 2)', async () => {
    const help = await runCli(['build', '--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.contain('--docs <dir>').and.to.contain('--out <dir>').and.to.contain('--format <format>');
    expect((await runCli(['build', '--format', 'xml', '--out', tmp])).code).to.equal(2);
  });
});
