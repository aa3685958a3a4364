import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAhead, readHere, readText } from '../../src/parse/read-ahead.js';

describe('parse/read-ahead: the docs read on a second thread', () => {
  let dir: string;
  let paths: string[];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphpact-read-ahead-'));
    const texts = ['# a\n', '\uFEFF# BOM and CRLF\r\n', 'ünïcödé — “quotes”, 𝔊raph\n', '', ...Array.from({ length: 7 }, (_, i) => `page ${i}\n`)];
    paths = texts.map((_, i) => join(dir, `p${i}.md`));
    await Promise.all(texts.map((text, i) => writeFile(paths[i], text)));
    paths.splice(3, 0, join(dir, 'missing.md'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each file as readFileSync(file, "utf8") does, or its error code, in order and in any slices', async () => {
    const expected = paths.map(readText);
    expect(expected[3]).to.deep.equal({ error: 'ENOENT' });
    const reader = readAhead(paths, 3);
    try {
      const got = [...(await reader.texts(0, 2)), ...(await reader.texts(2, 7)), ...(await reader.texts(7, paths.length))];
      expect(got).to.deep.equal(expected);
    } finally {
      reader.close();
    }
    expect(await readHere(paths).texts(1, 4)).to.deep.equal(expected.slice(1, 4));
  });

  it('reads no more than `ahead` files beyond those taken: a file changed after is read as changed', async () => {
    const reader = readAhead(paths, 1, 1);
    try {
      await reader.texts(0, 1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the worker has read what it may
      await writeFile(paths[8], 'changed\n');
      expect((await reader.texts(1, paths.length))[7]).to.deep.equal({ text: 'changed\n' });
    } finally {
      reader.close();
      await writeFile(paths[8], 'page 4\n');
    }
  });

  it('a worker that ended early costs only time: what it had not sent is read here', async () => {
    const reader = readAhead(paths, 2);
    reader.close();
    expect(await reader.texts(0, paths.length)).to.deep.equal(paths.map(readText));
  });
});
