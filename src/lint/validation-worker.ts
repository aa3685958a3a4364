/**
 * The worker thread of the example validation (validation.ts): builds the same schema set from the generated
 * files it is given and validates the (schema path, value) pairs it is sent, in order, with the set's own
 * validators (fast path, then ajv). It answers once, with every result (what the main thread's validators
 * would have answered, computed while the main thread runs the other rules), and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { schemaSetFromFiles } from '../schema/load.js';
import type { ValidationJobs, ValidationReply, ValidationWorkerData } from './validation.js';

const { index, files } = workerData as ValidationWorkerData;
const set = schemaSetFromFiles('(generated from the docs)', index, files);
const port = parentPort;
if (!port) throw new Error('validation-worker runs only as a worker thread of lint');
// One batch, then the thread ends by itself (no listener left): its memory is freed while the main thread
// is still running rules, not when it gets round to terminating it.
port.once('message', ({ jobs }: ValidationJobs) => {
  const results: ValidationReply['results'] = jobs.map(({ path, value }) => {
    const validate = set.validator(path);
    const valid = validate(value);
    return valid ? true : validate.errors ?? null;
  });
  port.postMessage({ results } satisfies ValidationReply);
});
