import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { siblingWorker } from '../../src/util/worker.js';

function answer(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => void worker.terminate());
}

describe('util/worker: siblingWorker', () => {
  it('runs the .ts module beside a .ts module through tsx (as under the test runner), with its options', async () => {
    expect(await answer(siblingWorker(import.meta.url, 'echo-worker', { workerData: { n: 1 } }))).to.deep.equal({ data: { n: 1 }, ext: '.ts' });
  });

  it('runs the .js module beside a .js module as it is (as built)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-worker-'));
    try {
      await writeFile(join(dir, 'echo.js'), "require('node:worker_threads').parentPort.postMessage({ data: require('node:worker_threads').workerData, ext: '.js' });\n");
      await writeFile(join(dir, 'main.js'), '');
      expect(await answer(siblingWorker(pathToFileURL(join(dir, 'main.js')).href, 'echo', { workerData: 'x' }))).to.deep.equal({ data: 'x', ext: '.js' });
      // Another module's name is not found: the worker fails, it does not run something else.
      const missing = await answer(siblingWorker(pathToFileURL(join(dir, 'main.js')).href, 'absent')).then(() => 'ran', (err: Error) => err.message);
      expect(missing).to.match(/Cannot find module|absent/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
