/**
 * The worker thread of loadDocs (load.ts): parses the chunks of the file list it is sent and posts the
 * parsed pages back. It builds the same FileIndex (files and include texts), so its pages are the ones
 * the main thread would have parsed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileIndex, packForPost, parseFiles, type LoadWorkerData, type LoadWorkerReply, type LoadWorkerRequest } from './load.js';

const { files, includes, pageFiles, root } = workerData as LoadWorkerData;
const index = new FileIndex(files, root);
const fileIds = new Map(files.map((file, i) => [file, i]));
for (const [file, text] of includes) index.addInclude(file, text);
const port = parentPort;
if (!port) throw new Error('load-worker runs only as a worker thread of loadDocs');
port.on('message', (request: LoadWorkerRequest) => {
  const result = packForPost(parseFiles(pageFiles.slice(request.start, request.end), index, request.texts, root), fileIds);
  port.postMessage({ chunk: request.chunk, result } satisfies LoadWorkerReply);
});
