import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineReader, splitLines } from '../../src/util/lines.js';

describe('util/lines', () => {
  it('splitLines is text.split(/\\r?\\n/)', () => {
    for (const text of ['', 'a', 'a\n', 'a\r\nb', 'a\r\r\nb\r', '\r\n\r\n', 'a\rb\nc', '\n\r', 'x\r\n', 'é\r\nü\n\r\r']) {
      expect(splitLines(text), JSON.stringify(text)).to.deep.equal(text.split(/\r?\n/));
    }
  });

  it('lineReader: kept texts are not read from disk; other files are, once; an unreadable file has no lines', async () => {
    const root = await mkdtemp(join(tmpdir(), 'graphpact-lines-'));
    try {
      await writeFile(join(root, 'kept.md'), 'on disk\n');
      await writeFile(join(root, 'other.yaml'), 'a: 1\r\nb: 2\n');
      const lines = lineReader(root, new Map([['kept.md', 'as parsed\r\nsecond']]));
      expect(lines('kept.md')).to.deep.equal(['as parsed', 'second']);
      expect(lines('other.yaml')).to.deep.equal(['a: 1', 'b: 2', '']);
      await writeFile(join(root, 'other.yaml'), 'changed\n');
      expect(lines('kept.md')).to.deep.equal(['as parsed', 'second']);
      expect(lines('other.yaml')).to.deep.equal(['a: 1', 'b: 2', '']);
      expect(lines('missing.md')).to.equal(undefined);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
