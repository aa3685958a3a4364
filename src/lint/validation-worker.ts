/**
 * The worker thread of the example validation (validation.ts): builds the same schema set from the generated
 * files it is sent and validates the (schema path, value) pairs it is sent, in order, with the set's own
 * validators (fast path, then ajv), until it meets one the main thread has claimed (helpOut). It answers
 * once, with the results of the jobs it took (what the main thread's validators would have answered,
 * computed while the main thread runs the other rules), and ends.
 */
import { parentPort } from 'node:worker_threads';
import { schemaSetFromFiles } from '../schema/load.js';
import { BY_WORKER, UNCLAIMED, type ValidationJobs, type ValidationReply } from './validation.js';

const port = parentPort;
if (!port) throw new Error('validation-worker runs only as a worker thread of lint');
// One batch, then the thread ends by itself (no listener left): its memory is freed while the main thread
// is still running rules, not when it gets round to terminating it.
port.once('message', ({ index, files, jobs, claims }: ValidationJobs) => {
  const set = schemaSetFromFiles('(generated from the docs)', index, files);
  const results: ValidationReply['results'] = [];
  // From the first job on, until one the main thread has claimed (it takes them from the last back).
  for (let i = 0; i < jobs.length && Atomics.compareExchange(claims, i, UNCLAIMED, BY_WORKER) === UNCLAIMED; i++) {
    const validate = set.validator(jobs[i].path);
    results.push(validate(jobs[i].value) ? true : validate.errors ?? null);
  }
  port.postMessage({ results } satisfies ValidationReply);
});
