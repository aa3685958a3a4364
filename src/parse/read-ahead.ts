/**
 * Reading the docs on a second thread while this one parses. Reading ~9,000 small files is ~0.4 s of
 * system calls and decoding on the thread that parses them; a worker that only reads (readFileSync, in
 * order) sends each chunk's bytes ahead of the parser, and this thread only decodes them. The texts are
 * the same as readFileSync(file, 'utf8') gives; a worker that fails only costs time: what it had not sent
 * is read here.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { errorCode } from '../util/fs.js';
import { siblingWorker } from '../util/worker.js';

/** A file's text, or the error code that kept it from being read. */
export type FileText = { text: string } | { error: string };

export interface ReadAheadData {
  paths: string[];
  /** Files per message. */
  chunk: number;
  /**
   * [0]: the worker reads a chunk only when it starts before this file (a SharedArrayBuffer; the worker
   * waits on it). This thread moves it to `ahead` files beyond those it has taken, and to the end of what
   * it asks for: the bytes of a whole docs tree are never held at once, and what is asked for is read.
   */
  limit: Int32Array;
}

/** Chunks a worker reads ahead of the parser (~0.3 MB each on the corpus). */
const CHUNKS_AHEAD = 8;
export interface ReadAheadChunk {
  start: number;
  contents: Array<{ bytes: Uint8Array } | { error: string }>;
}

/** The texts of `paths`, in order: `texts(start, end)` resolves once they are read (one call at a time, in order). */
export interface ReadAhead {
  texts(start: number, end: number): Promise<FileText[]>;
  /** Ends the worker (when the caller stops early). */
  close(): void;
}

/** A file read here: its text, or the error code. */
export function readText(path: string): FileText {
  try {
    // Synchronous on purpose: for ~10,000 small files it is several times faster than fs.promises.
    return { text: readFileSync(path, 'utf8') };
  } catch (err) {
    return { error: errorCode(err) };
  }
}

/** Reads every file on this thread, when asked (a small tree, or one CPU: a worker would not pay). */
export function readHere(paths: readonly string[]): ReadAhead {
  return { texts: async (start, end) => paths.slice(start, end).map(readText), close: () => undefined };
}

/** Reads `paths` on a worker thread, `chunk` files per message, at most `ahead` files beyond those taken. */
export function readAhead(paths: string[], chunk: number, ahead = chunk * CHUNKS_AHEAD): ReadAhead {
  const received: Array<FileText | undefined> = new Array(paths.length);
  let through = 0; // files received, from the first
  let ended = false; // the worker is gone (done, failed or closed): what it did not send is read here
  let waiting: { end: number; resolve: () => void } | undefined;
  const wake = (): void => {
    if (waiting && (ended || through >= waiting.end)) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve();
    }
  };
  const limit = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const allow = (end: number): void => {
    if (end <= Atomics.load(limit, 0)) return;
    Atomics.store(limit, 0, end);
    Atomics.notify(limit, 0);
  };
  allow(ahead);
  const worker: Worker = siblingWorker(import.meta.url, 'read-ahead-worker', { workerData: { paths, chunk, limit } satisfies ReadAheadData });
  worker.on('message', ({ start, contents }: ReadAheadChunk) => {
    contents.forEach((content, i) => {
      received[start + i] = 'bytes' in content ? { text: Buffer.from(content.bytes.buffer, content.bytes.byteOffset, content.bytes.byteLength).toString('utf8') } : content;
    });
    through = start + contents.length;
    wake();
  });
  const gone = (): void => {
    ended = true;
    wake();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return {
    async texts(start, end) {
      allow(end);
      if (!ended && through < end) await new Promise<void>((resolve) => (waiting = { end, resolve }));
      const out: FileText[] = [];
      for (let i = start; i < end; i++) {
        const text = received[i] ?? readText(paths[i]); // not sent (the worker ended first): read here
        received[i] = undefined;
        out.push(text);
      }
      allow(end + ahead);
      return out;
    },
    close: () => void worker.terminate(),
  };
}
