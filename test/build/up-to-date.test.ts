import { expect } from 'chai';
import { appendFile, cp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocsSnapshot } from '../../src/parse/load.js';
import { buildFingerprint } from '../../src/schema/fingerprint.js';
import { MANIFEST_FILE, STATE_FILE, upToDateReport } from '../../src/schema/write.js';
import { codeFingerprint } from '../../src/util/package.js';
import { runCli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/temp.js';

const APIDOCS = fileURLToPath(new URL('../../apidocs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPE_FILE = 'beta/types/microsoft.graph.keyCredential.json';

interface Summary {
  upToDate: boolean;
  pages: number;
  operations: number;
  files: { total: number; written: number; unchanged: number; removed: number };
  findings: { total: number };
}

describe('build: an up-to-date out dir is recognised, and anything else rebuilt', () => {
  const tempDir = useTempDirs('up-to-date');
  let docs: string;
  let out: string;

  async function build(...extra: string[]): Promise<Summary> {
    const { code, stdout, stderr } = await runCli(['build', '--docs', docs, ...extra, '--out', out, '--format', 'json']);
    expect(stderr).to.equal('');
    expect(code).to.equal(0);
    return JSON.parse(stdout) as Summary;
  }

  beforeEach(async () => {
    const tmp = await tempDir();
    docs = join(tmp, 'docs');
    out = join(tmp, 'out');
    await cp(APIDOCS, docs, { recursive: true });
    const first = await build();
    expect(first.upToDate).to.equal(false);
    expect(first.files.written).to.equal(first.files.total);
  });

  it('a second build with the same inputs parses and writes nothing, and reports what the first one did', async () => {
    const first = JSON.parse(await readFile(join(out, STATE_FILE), 'utf8')).report;
    const before = await stat(join(out, STATE_FILE));
    const again = await build();
    expect(again.upToDate).to.equal(true);
    expect(again.files).to.deep.equal({ total: first.files, written: 0, unchanged: first.files, removed: 0 });
    expect(again).to.deep.include({ pages: first.pages, operations: first.operations, findings: first.findings });
    expect((await stat(join(out, STATE_FILE))).mtimeMs).to.equal(before.mtimeMs);
    const text = await runCli(['build', '--docs', docs, '--out', out]);
    expect(text.stdout).to.match(/up to date: .*nothing parsed or written/);
  });

  it('the build record is not one of the outputs: the manifest does not list it', async () => {
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')) as { files: string[] };
    expect(manifest.files).to.not.include(STATE_FILE);
    expect(await readdir(out)).to.include(STATE_FILE);
  });

  it('a changed, added or removed docs page rebuilds', async () => {
    const page = join(docs, 'resources', 'keycredential.md');
    await writeFile(page, (await readFile(page, 'utf8')).replace('| key | Binary |', '| key | String |'));
    const changed = await build();
    expect(changed.upToDate).to.equal(false);
    expect(changed.files.written).to.be.greaterThan(0);
    expect(JSON.parse(await readFile(join(out, TYPE_FILE), 'utf8')).properties.key.type).to.deep.equal(['string', 'null']);

    expect((await build()).upToDate).to.equal(true);
    await writeFile(join(docs, 'resources', 'note.md'), '# A note\n\nNothing to build.\n');
    const added = await build();
    expect(added.upToDate).to.equal(false);
    expect(added.pages).to.equal(changed.pages + 1);
    await rm(join(docs, 'resources', 'note.md'));
    expect((await build()).upToDate).to.equal(false);
  });

  it('a changed errata file rebuilds', async () => {
    expect((await build()).upToDate).to.equal(true);
    await appendFile(join(docs, 'errata', 'application-addkey.yaml'), '\n# a comment changes the bytes, not the errata\n');
    expect((await build()).upToDate).to.equal(false);
  });

  it('other docs folders rebuild (the options that change outputs)', async () => {
    const tmp = await tempDir();
    await writeFile(join(tmp, 'extra.md'), '# Extra\n');
    const more = await build('--docs', tmp);
    expect(more.upToDate).to.equal(false);
    expect((await build('--docs', tmp)).upToDate).to.equal(true);
    expect((await build()).upToDate).to.equal(false);
  });

  it('a missing, edited or same-size tampered output, or a missing manifest, rebuilds and restores it', async () => {
    const target = join(out, TYPE_FILE);
    const original = await readFile(target, 'utf8');

    await rm(target);
    expect((await build()).files.written).to.equal(1);
    expect(await readFile(target, 'utf8')).to.equal(original);

    await writeFile(target, original.replace('"type"', '"TYPE"'));
    const repaired = await build();
    expect(repaired.upToDate).to.equal(false);
    expect(repaired.files.written).to.equal(1);
    expect(await readFile(target, 'utf8')).to.equal(original);

    await appendFile(target, ' ');
    expect((await build()).upToDate).to.equal(false);
    expect(await readFile(target, 'utf8')).to.equal(original);

    await rm(join(out, MANIFEST_FILE));
    expect((await build()).upToDate).to.equal(false);
    expect((await build()).upToDate).to.equal(true);
  });

  it('a damaged build record only costs a build', async () => {
    await writeFile(join(out, STATE_FILE), '{ not json');
    expect((await build()).upToDate).to.equal(false);
    expect((await build()).upToDate).to.equal(true);
  });

  it('an output touched (or a folder copied) without a change of bytes is still up to date: its hash vouches for it', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(join(out, TYPE_FILE), later, later);
    expect((await build()).upToDate).to.equal(true);
    const copy = join(await tempDir(), 'copy');
    await cp(out, copy, { recursive: true });
    const summary = await runCli(['build', '--docs', docs, '--out', copy, '--format', 'json']);
    expect(JSON.parse(summary.stdout).upToDate).to.equal(true);
  });

  it('another version of graphpact (its code, dependencies or Node) is another fingerprint', async () => {
    const snapshot = await readDocsSnapshot([docs]);
    const inputs = buildFingerprint([docs], snapshot, ROOT);
    expect(upToDateReport(out, inputs)).to.not.equal(undefined);
    expect(buildFingerprint([docs], snapshot, ROOT, 'other code')).to.not.equal(inputs);
    expect(upToDateReport(out, buildFingerprint([docs], snapshot, ROOT, 'other code'))).to.equal(undefined);
    // The code fingerprint covers every file of a code folder, source maps aside.
    const code = await tempDir();
    await writeFile(join(code, 'a.js'), 'export const a = 1;\n');
    const one = codeFingerprint(code);
    expect(codeFingerprint(code)).to.equal(one);
    await writeFile(join(code, 'a.js.map'), '{"version":3}\n');
    expect(codeFingerprint(code)).to.equal(one);
    await writeFile(join(code, 'a.js'), 'export const a = 2;\n');
    expect(codeFingerprint(code)).to.not.equal(one);
    expect(codeFingerprint()).to.match(/^[0-9a-f]{64}$/);
  });
});
