/**
 * The writer thread of a fresh build folder (write.ts, NewFileWriter): it creates the files of each batch
 * it is sent, writes each text as UTF-8 (the bytes serializeJson's text is written as on the main thread),
 * and answers with each file's SHA-256, size and modification time, or with the first error (Node's fs
 * errors name the file). It imports nothing of graphpact: it starts in a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/** A batch of new files: [absolute path, text]. */
export interface WriterBatch {
  id: number;
  files: Array<[string, string]>;
}

/** Per file of the batch, in order: [SHA-256 hex, size, mtimeMs]; or the error that stopped the batch. */
export interface WriterReply {
  id: number;
  made?: Array<[string, number, number]>;
  error?: { message: string; code?: string };
}

const port = parentPort;
if (!port) throw new Error('writer-worker runs only as the writer thread of a build');
/** Characters written so far, shared with the main thread (its queue bound). */
const written = workerData as BigInt64Array;
port.on('message', ({ id, files }: WriterBatch) => {
  const made: NonNullable<WriterReply['made']> = [];
  try {
    for (const [path, text] of files) {
      const bytes = Buffer.from(text);
      const fd = openSync(path, 'w');
      try {
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
        const { size, mtimeMs } = fstatSync(fd);
        made.push([createHash('sha256').update(bytes).digest('hex'), size, mtimeMs]);
      } finally {
        closeSync(fd);
      }
      Atomics.add(written, 0, BigInt(text.length));
    }
    port.postMessage({ id, made } satisfies WriterReply);
  } catch (err) {
    const { message, code } = err as NodeJS.ErrnoException;
    port.postMessage({ id, error: { message: String(message), ...(code ? { code } : {}) } } satisfies WriterReply);
  }
});
