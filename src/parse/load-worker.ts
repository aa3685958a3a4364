/**
 * The worker thread of loadDocs (load.ts): loads the parser as soon as it is started, is told the files
 * (a `setup` message), then parses the chunks of the file list it is sent and posts the parsed pages
 * back. It builds the same FileIndex (files and include texts), so its pages are the ones the main
 * thread would have parsed.
 */
import { parentPort } from 'node:worker_threads';
import { FileIndex, packForPost, parseFiles, type LoadWorkerMessage, type LoadWorkerReply } from './load.js';

const port = parentPort;
if (!port) throw new Error('load-worker runs only as a worker thread of loadDocs');
let setup: { index: FileIndex; fileIds: Map<string, number>; pageFiles: string[]; root?: string; keepTexts?: boolean } | undefined;
port.on('message', (message: LoadWorkerMessage) => {
  if ('setup' in message) {
    const { files, includes, pageFiles, root, keepTexts } = message.setup;
    const index = new FileIndex(files, root);
    for (const [file, text] of includes) index.addInclude(file, text);
    setup = { index, fileIds: new Map(files.map((file, i) => [file, i])), pageFiles, ...(root !== undefined ? { root } : {}), ...(keepTexts ? { keepTexts } : {}) };
    return;
  }
  if (!setup) throw new Error('load-worker was sent a chunk before its files');
  const { index, fileIds, pageFiles, root, keepTexts } = setup;
  // Texts read here go back when asked for (texts that were sent here the main thread has already).
  const texts: Array<[number, string]> | undefined = keepTexts && !message.texts ? [] : undefined;
  const keep = texts ? (file: string, text: string) => void texts.push([fileIds.get(file) as number, text]) : undefined;
  const result = packForPost(parseFiles(pageFiles.slice(message.start, message.end), index, message.texts, root, keep), fileIds);
  port.postMessage({ chunk: message.chunk, result, ...(texts ? { texts } : {}) } satisfies LoadWorkerReply);
});
