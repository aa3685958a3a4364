/**
 * The body validators lint rules use (ctx.validators), and their parallel variant: on a large docs tree
 * validating the examples (ajv compiling what the fast path cannot answer, then validating) is about
 * half of the rules' time, so a worker thread validates the bodies the rules will ask about while this
 * thread runs the other rules, and this thread takes the last of them once it has nothing else to do.
 *
 * The worker answers exactly what the local validators would (the same generated files, the same
 * SchemaSet code); a rule that asks before the answers are in is deferred (DeferRule) and run again once
 * they are (rules are pure, so a second run finds the same). A body nobody sent ahead, or a worker that
 * failed, is validated here: the worker only ever saves time, it never decides a finding.
 */
import type { Worker } from 'node:worker_threads';
import { siblingWorker } from '../util/worker.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Operation } from '../model/catalog.js';
import type { SchemaIndex } from '../model/schema-layout.js';
import type { JsonSchema } from '../schema/edm.js';
import { withoutAnnotations, type SchemaSet, type SchemaValidator } from '../schema/load.js';
import type { BodyValidators, ExampleSubject, LintContext } from './types.js';
import { requestTarget } from './request-target.js';
import { responseTarget } from './response-target.js';

/** Request/response validators of an operation, found through the schema index (compiled once, cached by the set). */
export function validatorsOf(set: SchemaSet): BodyValidators {
  const paths = schemaPaths(set.index);
  return {
    request: (op) => validatorAt(set, paths(op)?.request),
    response: (op) => validatorAt(set, paths(op)?.response),
  };
}

function validatorAt(set: SchemaSet, path: string | undefined): SchemaValidator | undefined {
  return path ? set.validator(path) : undefined;
}

function schemaPaths(index: SchemaIndex): (op: Operation) => { request?: string; response?: string } | undefined {
  const entries = new Map(index.operations.map((e) => [`${e.version}\0${e.id}`, e]));
  return (op) => entries.get(`${op.version}\0${op.id}`);
}

/** Thrown by a validator whose answer the worker has not sent yet: the engine runs the rule again later. */
export class DeferRule extends Error {
  constructor() {
    super('validation not answered yet');
    this.name = 'DeferRule';
  }
}

/** The one message a validation worker is sent: the generated files and the bodies to validate against them. */
export interface ValidationJobs {
  index: SchemaIndex;
  files: Map<string, JsonSchema>;
  jobs: Array<{ path: string; value: unknown }>;
  /**
   * One slot per job (a SharedArrayBuffer), claimed with compareExchange from UNCLAIMED: the worker takes the
   * jobs from the first on, this thread from the last back (helpOut) once its other rules are done; each
   * stops at the first job the other has claimed, so every job is validated exactly once.
   */
  claims: Int32Array;
}
export const UNCLAIMED = 0;
export const BY_WORKER = 1;
const HERE = 2;

export interface ValidationReply {
  /** Per job, from the first, for the jobs the worker claimed: true when valid, else ajv's errors. */
  results: Array<true | ErrorObject[] | null>;
}

export interface ParallelValidators {
  validators: BodyValidators;
  /**
   * Resolves when the worker has answered (or failed: then everything is validated here). The worker is
   * being ended then, not waited for: its exit (~30 ms on the corpus, its heap torn down) is no one's wait.
   */
  settled: Promise<void>;
  /**
   * How many times a validator deferred a rule so far: a rule that ran while this grew is run again once
   * the answers are in, even if it caught the DeferRule itself.
   */
  deferrals(): number;
  /**
   * Validates here the jobs the worker has not claimed yet, from the last back, until it meets one the worker
   * has: for this thread to call when it has nothing else to do but wait for the answers.
   */
  helpOut(): void;
  /** Stops the worker (when linting ends early). */
  stop(): Promise<void>;
}

/**
 * Sends a validation worker (startValidationWorker) the generated files and the bodies the example rules
 * validate (the request body an example sends to its operation, the success response it shows:
 * requestTarget / responseTarget), and answers the rules' validators from its results.
 */
export function parallelValidators(worker: Worker, index: SchemaIndex, files: Map<string, JsonSchema>, localSet: () => SchemaSet, examples: readonly ExampleSubject[], ctx: LintContext): ParallelValidators {
  const paths = schemaPaths(index);
  // Jobs by schema path, then by the very value (identity: the rules validate the parsed body itself).
  const ids = new Map<string, Map<unknown, number>>();
  const jobs: ValidationJobs['jobs'] = [];
  const add = (path: string | undefined, value: unknown): void => {
    if (path === undefined) return;
    let byValue = ids.get(path);
    if (!byValue) ids.set(path, (byValue = new Map()));
    if (byValue.has(value)) return;
    byValue.set(value, jobs.length);
    jobs.push({ path, value });
  };
  try {
    for (const subject of examples) {
      const request = requestTarget(subject, ctx);
      if (request) add(paths(request.operation)?.request, request.value);
      const response = subject.operation && responseTarget(subject, ctx);
      if (response && subject.operation) add(paths(subject.operation)?.response, response.value);
    }
  } catch (err) {
    void worker.terminate(); // it would wait for its jobs for ever
    throw err;
  }

  let results: ValidationReply['results'] | undefined;
  /** Answers of the jobs validated here (helpOut), by job. */
  const answeredHere: ValidationReply['results'] = [];
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * jobs.length));
  let failed = false;
  const settled = new Promise<void>((resolve) => {
    worker.on('message', (reply: ValidationReply) => {
      // The worker answered the first jobs; the rest were claimed here (helpOut ran to its end before this).
      results = reply.results;
      for (let i = results.length; i < jobs.length; i++) results[i] = answeredHere[i];
      resolve();
    });
    worker.on('error', () => {
      failed = true;
      resolve();
    });
    worker.on('exit', () => {
      failed = true;
      resolve();
    });
  }).then(() => void worker.terminate());
  const bare = new Map<string, JsonSchema>();
  for (const [path, schema] of files) bare.set(path, withoutAnnotations(schema));
  worker.postMessage({ index, files: bare, jobs, claims } satisfies ValidationJobs);

  let set: SchemaSet | undefined;
  let deferrals = 0;
  const wrappers = new Map<string, SchemaValidator>();
  const validatorFor = (path: string | undefined): SchemaValidator | undefined => {
    if (path === undefined) return undefined;
    let wrapper = wrappers.get(path);
    if (!wrapper) {
      const byValue = ids.get(path);
      const validate: SchemaValidator = Object.assign((data: unknown): boolean => {
        const id = byValue?.get(data);
        if (id !== undefined && results) {
          const answer = results[id];
          validate.errors = answer === true ? null : answer;
          return answer === true;
        }
        if (id !== undefined && !failed) {
          deferrals++;
          throw new DeferRule();
        }
        const local = (set ??= localSet()).validator(path);
        const valid = local(data);
        validate.errors = local.errors;
        return valid;
      }, { errors: null });
      wrappers.set(path, (wrapper = validate));
    }
    return wrapper;
  };
  return {
    validators: {
      request: (op) => validatorFor(paths(op)?.request),
      response: (op) => validatorFor(paths(op)?.response),
    },
    settled,
    deferrals: () => deferrals,
    helpOut() {
      if (results || failed) return;
      for (let i = jobs.length - 1; i >= 0; i--) {
        if (Atomics.compareExchange(claims, i, UNCLAIMED, HERE) !== UNCLAIMED) break;
        const local = (set ??= localSet()).validator(jobs[i].path);
        answeredHere[i] = local(jobs[i].value) ? true : local.errors ?? null;
      }
    },
    stop: () => worker.terminate().then(() => undefined),
  };
}

/**
 * A small young generation: the worker keeps little (the schema files, about 25 MB) and makes mostly
 * short-lived garbage; measured on the corpus, peak RSS of the whole lint was 20-40 MB lower, CPU no higher.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * A validation worker, started before the schemas are generated: its thread and modules load while this
 * thread generates them. It waits for its one message (ValidationJobs), which parallelValidators sends.
 */
export function startValidationWorker(): Worker {
  return siblingWorker(import.meta.url, 'validation-worker', { resourceLimits: WORKER_LIMITS });
}
