/** Worker threads running a module of this project, as source under the test runner or built. */
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside the module at `from` (its import.meta.url),
 * with that module's extension: `.ts` under the test runner, `.js` in the build. A worker does not inherit
 * tsx's loader, so a `.ts` module is started through tsx's CommonJS hook.
 */
export function siblingWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const self = fileURLToPath(from);
  const file = join(dirname(self), `${name}${extname(self)}`);
  if (file.endsWith('.ts')) return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { ...options, eval: true });
  return new Worker(file, options);
}
