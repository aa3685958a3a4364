import { expect } from 'chai';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ApiPage } from '../../src/model/page.js';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { idleCpusSince, isIncludeFile, listDocsFiles, loadDocs, readDocsSnapshot } from '../../src/parse/load.js';

describe('parse/load: parsing in a worker thread as well', () => {
  let docs: string;
  before(async () => {
    // Enough pages for several chunks, so that both threads parse some.
    docs = await mkdtemp(join(tmpdir(), 'graphpact-threads-'));
    for (let i = 0; i < 50; i++) await cp(new URL('../../apidocs', import.meta.url), join(docs, `copy${String(i).padStart(2, '0')}`), { recursive: true });
  });
  after(async () => {
    await rm(docs, { recursive: true, force: true });
  });

  it('gives the same pages, in the same order, as one thread; strict bodies keep their lazy line pointers', async () => {
    const one = await loadDocs([docs], { threads: 1 });
    const progress: number[] = [];
    const two = await loadDocs([docs], { threads: 2, onProgress: (done) => progress.push(done) });
    expect(two.pages.map((p) => p.file)).to.deep.equal(one.pages.map((p) => p.file));
    // Progress counts only chunks a thread delivered (a failed worker's chunks are re-parsed silently): all of them.
    expect(progress.at(-1)).to.equal(one.pages.length);
    const bodies = (pages: typeof one.pages) => pages.flatMap((p) => (p.kind === 'api' ? (p as ApiPage).examples : [])).flatMap((e) => [e.request?.body, e.response?.body]).filter((b) => b !== undefined);
    const lazy = bodies(two.pages).filter((b) => b.parse === 'strict');
    expect(lazy.length).to.be.greaterThan(50);
    // Still computed on first read (not built for every body, not lost on the way)...
    expect(lazy.every((b) => typeof Object.getOwnPropertyDescriptor(b, 'pointers')?.get === 'function')).to.equal(true);
    // ...and the same when read (deep equality reads them on both sides).
    expect(isDeepStrictEqual(two, one)).to.equal(true);
    const pointers = lazy[0].pointers ?? {};
    expect(Object.keys(pointers).length).to.be.greaterThan(0);
    expect(Object.values(pointers).every((line) => line > lazy[0].line)).to.equal(true);
  });

  it('with a root, the worker names files and resolves links as this thread does', async () => {
    // The root is inside the tree: pages of copy00/api are `../api/…` and link `../resources/…`, which is a root file.
    const root = join(docs, 'copy00', 'resources');
    const one = await loadDocs([docs], { threads: 1, root });
    const two = await loadDocs([docs], { threads: 2, root });
    expect(isDeepStrictEqual(two, one)).to.equal(true);
    const page = one.pages.find((p) => p.file === '../api/application-addkey.md');
    expect(page?.links.find((l) => l.target === '../resources/keycredential.md')?.resolved).to.equal('keycredential.md');
    expect([one.pages[0].file, one.pages.at(-1)?.file]).to.deep.equal(['../../copy01/api/application-addkey-localtest.md', 'passwordcredential.md']);
  });

  it('a worker started while a snapshot is read parses with this thread, or is ended when one thread parses', async () => {
    const one = await loadDocs([docs], { threads: 1 });
    const before = process.env.GRAPHPACT_PARSE_THREADS;
    process.env.GRAPHPACT_PARSE_THREADS = '2';
    try {
      const snapshot = await readDocsSnapshot([docs]);
      expect(snapshot.worker).to.be.instanceOf(Worker);
      let replies = 0;
      snapshot.worker?.on('message', () => replies++);
      const progress: number[] = [];
      const two = await loadDocs([docs], { snapshot, onProgress: (done) => progress.push(done) });
      expect(snapshot.worker).to.equal(undefined);
      expect(isDeepStrictEqual(two, one)).to.equal(true);
      expect(progress.at(-1)).to.equal(one.pages.length);
      expect(replies).to.be.greaterThan(0); // the worker did parse

      const again = await readDocsSnapshot([docs]);
      const worker = again.worker as Worker;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      expect(isDeepStrictEqual(await loadDocs([docs], { snapshot: again, threads: 1 }), one)).to.equal(true);
      await exited;
    } finally {
      if (before === undefined) delete process.env.GRAPHPACT_PARSE_THREADS;
      else process.env.GRAPHPACT_PARSE_THREADS = before;
    }
  });

  it('LoadOptions.texts gets every file as read (pages and includes), whichever thread read it', async () => {
    const extra = await mkdtemp(join(tmpdir(), 'graphpact-texts-'));
    try {
      await mkdir(join(extra, 'includes'));
      await writeFile(join(extra, 'includes', 'note.md'), 'An include.\r\n');
      const root = join(docs, 'copy00');
      const files = await listDocsFiles([docs, extra], root);
      const expected = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
      expect(files.filter(isIncludeFile)).to.have.length(1);
      const sorted = (texts: Map<string, string>) => new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1)));
      for (const threads of [1, 2]) {
        const texts = new Map<string, string>();
        await loadDocs([docs, extra], { threads, root, texts });
        expect(isDeepStrictEqual(sorted(texts), expected), `threads: ${threads}`).to.equal(true);
      }
      // From a snapshot, the texts this thread sends to the worker are kept here.
      const texts = new Map<string, string>();
      await loadDocs([docs, extra], { snapshot: await readDocsSnapshot([docs, extra]), threads: 2, root, texts });
      expect(isDeepStrictEqual(sorted(texts), expected)).to.equal(true);
    } finally {
      await rm(extra, { recursive: true, force: true });
    }
  });

  it('parses with one thread unless GRAPHPACT_PARSE_THREADS asks for more: no worker is started by the read', async () => {
    const before = process.env.GRAPHPACT_PARSE_THREADS;
    delete process.env.GRAPHPACT_PARSE_THREADS;
    try {
      const snapshot = await readDocsSnapshot([docs]);
      expect(snapshot.worker).to.equal(undefined);
    } finally {
      if (before !== undefined) process.env.GRAPHPACT_PARSE_THREADS = before;
    }
  });

  it('idle CPUs since a sample (what starts a build\'s examples worker): idle CPU time over the time that passed', () => {
    const since = { idle: 1000, total: 4000, cpus: 2 };
    // 400 ms per CPU passed; 360 ms of CPU idle: nine tenths of one CPU was free.
    expect(idleCpusSince(since, { idle: 1360, total: 4800, cpus: 2 })).to.be.closeTo(0.9, 1e-9);
    // Both CPUs busy (another process on the other one): none free.
    expect(idleCpusSince(since, { idle: 1000, total: 4800, cpus: 2 })).to.equal(0);
    // Too little time to tell (kernel ticks are 10 ms): counted as none free.
    expect(idleCpusSince(since, { idle: 1020, total: 4040, cpus: 2 })).to.equal(0);
  });
});
