/**
 * Judging documented examples against a generated schema set (for the OpenAPI documents): the fast path
 * (certainly-valid.ts) accepts most of them in this thread; the rest need ajv, which compiles every schema
 * file such a value reaches before it can give the first error. On the corpus that was ~600 rejected
 * examples and ~800 compiled files, the largest single cost after parsing, so a large build explains them
 * on a worker thread (examples-worker.ts) while this thread goes on generating and writing.
 */
import type { Worker } from 'node:worker_threads';
import { siblingWorker } from '../util/worker.js';
import type { SchemaIndex } from '../model/schema-layout.js';
import type { ExampleCheck } from '../openapi/generate.js';
import type { JsonSchema } from './edm.js';
import type { FilesSchemaSet, SchemaSet } from './load.js';

/** ajv's first error for a value, in one line; undefined when it validates. */
export function firstError(set: SchemaSet, schemaPath: string, value: unknown): string | undefined {
  const validate = set.validator(schemaPath);
  if (validate(value)) return undefined;
  const error = validate.errors?.[0];
  return error ? `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` : 'does not validate';
}

/** Validates in this thread (compiled on first use): the first error, in one line. */
export function exampleCheck(set: SchemaSet): ExampleCheck {
  return (schemaPath, value) => firstError(set, schemaPath, value);
}

export interface ExamplesWorkerData {
  index: SchemaIndex;
  files: Map<string, JsonSchema>;
}

export interface ExplainRequest {
  id: number;
  schemaPath: string;
  value: unknown;
}

export interface ExplainReply {
  id: number;
  error: string | undefined;
}

/**
 * An example check whose certainly-valid examples are answered here and now, and the others by ajv on a
 * worker thread holding a copy of the set (same files, same ajv options: the same verdicts and messages).
 * `close` ends the worker once every answer is in. Should the worker fail, what it had not answered is
 * judged in this thread instead: the outputs never depend on the worker.
 */
export function workerExampleCheck(set: FilesSchemaSet, files: Map<string, JsonSchema>): { check: ExampleCheck; close: () => Promise<void>; fellBack: () => boolean } {
  const waiting = new Map<number, { request: ExplainRequest; resolve: (error: string | undefined) => void }>();
  let nextId = 0;
  let failed = false;
  let fellBack = false;
  const worker = startWorker({ index: set.index, files });
  // Keeps the process alive only while an answer is awaited.
  worker.unref();
  const fallBack = (): void => {
    if (failed) return;
    failed = true;
    fellBack = true;
    for (const { request, resolve } of waiting.values()) resolve(firstError(set, request.schemaPath, request.value));
    waiting.clear();
  };
  worker.on('message', (reply: ExplainReply) => {
    const entry = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    entry?.resolve(reply.error);
  });
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  const check: ExampleCheck = (schemaPath, value) => {
    if (set.certainlyValid(schemaPath, value)) return undefined;
    if (failed) return firstError(set, schemaPath, value);
    const request: ExplainRequest = { id: nextId++, schemaPath, value };
    return new Promise<string | undefined>((resolve) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(request.id, { request, resolve });
      worker.postMessage(request);
    });
  };
  return {
    check,
    fellBack: () => fellBack,
    close: async () => {
      failed = true; // from here on, judged in this thread (nothing is waiting any more)
      await worker.terminate();
    },
  };
}

/**
 * A small young generation: the worker allocates little that lives briefly, and the build's peak memory
 * (both threads, ≤ 600 MB on the corpus) is reached while it runs.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

function startWorker(data: ExamplesWorkerData): Worker {
  return siblingWorker(import.meta.url, 'examples-worker', { workerData: data, resourceLimits: WORKER_LIMITS });
}
