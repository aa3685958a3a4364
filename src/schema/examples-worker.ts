/**
 * The worker thread of workerExampleCheck (examples.ts): holds a copy of the generated schema set and
 * answers each example it is sent with ajv's first error (or none).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { firstError, type ExamplesWorkerData, type ExplainReply, type ExplainRequest } from './examples.js';
import { schemaSetFromFiles } from './load.js';

const { index, files } = workerData as ExamplesWorkerData;
const set = schemaSetFromFiles('(build)', index, files);
const port = parentPort;
if (!port) throw new Error('examples-worker runs only as a worker thread of workerExampleCheck');
port.on('message', (request: ExplainRequest) => {
  port.postMessage({ id: request.id, error: firstError(set, request.schemaPath, request.value) } satisfies ExplainReply);
});
