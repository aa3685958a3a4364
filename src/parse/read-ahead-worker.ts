/**
 * The worker thread of readAhead (read-ahead.ts): reads the files it was given, in order, and posts their
 * bytes a chunk at a time (the buffers transferred, not copied), or the error code that kept a file from
 * being read. It imports nothing of the parser (util/fs.js for errorCode, otherwise node's own modules): it
 * starts in a few milliseconds.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { errorCode } from '../util/fs.js';
import type { ReadAheadChunk, ReadAheadData } from './read-ahead.js';

const port = parentPort;
if (!port) throw new Error('read-ahead-worker runs only as a worker thread of readAhead');
const { paths, chunk, limit } = workerData as ReadAheadData;
for (let start = 0; start < paths.length; start += chunk) {
  // Only as far ahead of the parser as it allows (ReadAheadData.limit).
  for (let until = Atomics.load(limit, 0); start >= until; until = Atomics.load(limit, 0)) Atomics.wait(limit, 0, until, 1000);
  const contents: ReadAheadChunk['contents'] = [];
  const transfer: ArrayBuffer[] = [];
  for (const path of paths.slice(start, start + chunk)) {
    try {
      const bytes = readFileSync(path);
      // A buffer of its own (readFileSync allocates one per file) crosses without a copy.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
      contents.push({ bytes: own });
      transfer.push(own.buffer as ArrayBuffer);
    } catch (err) {
      contents.push({ error: errorCode(err) });
    }
  }
  port.postMessage({ start, contents } satisfies ReadAheadChunk, transfer);
}
