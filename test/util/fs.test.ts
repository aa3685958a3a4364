import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir, writeFileAtomic } from '../../src/util/fs.js';

describe('util/fs', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'graphpact-fs-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writeFileAtomic creates missing directories and leaves no temp file behind', async () => {
    const target = join(dir, 'a', 'b', 'out.json');
    await writeFileAtomic(target, '{}\n');
    expect(await readFile(target, 'utf8')).to.equal('{}\n');
    expect(await readdir(join(dir, 'a', 'b'))).to.deep.equal(['out.json']);
  });

  it('ensureDir accepts an existing directory and refuses a file in the way, naming it', async () => {
    await ensureDir(dir);
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    await ensureDir(file).then(() => expect.fail('no error'), (err: NodeJS.ErrnoException) => {
      expect([err.code, err.message]).to.deep.equal(['ENOTDIR', `${file} exists and is not a directory`]);
    });
    // Below a file, the system's own ENOTDIR names the path.
    await ensureDir(join(file, 'sub')).then(() => expect.fail('no error'), (err: NodeJS.ErrnoException) => expect(err.code).to.equal('ENOTDIR'));
    expect(existsSync(join(file, 'sub'))).to.equal(false);
  });

  // Node 20's recursive mkdir never settles here; ours must fail. (Linux only: /proc is where it shows.)
  it('fails, instead of hanging, where mkdir says ENOENT under an existing parent (/proc)', async function () {
    if (!existsSync('/proc/self')) this.skip();
    // root gets ENOENT (the case that hung); other users may be refused earlier.
    const refused = ['ENOENT', 'EACCES', 'EPERM'];
    await ensureDir('/proc/graphpact-cannot-exist/sub').then(() => expect.fail('no error'), (err: NodeJS.ErrnoException) => expect(err.code).to.be.oneOf(refused));
    await writeFileAtomic('/proc/graphpact-cannot-exist/x.json', '{}').then(() => expect.fail('no error'), (err: NodeJS.ErrnoException) => expect(err.code).to.be.oneOf(refused));
  });
});
