/**
 * Runs the official Rust `pact` CLI (from @pact-foundation/pact-cli) as a child process: no shell,
 * an argument array, the binary resolved from node_modules. Output is captured and redacted, never
 * echoed raw, because the CLI may print the broker URL with credentials or the token in a debug log.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { redactText } from '../util/redact.js';

export interface PactCliResult {
  /** Exit status of the CLI (null when killed by a signal). */
  status: number | null;
  /** Captured stdout, redacted. */
  stdout: string;
  /** Captured stderr, redacted. */
  stderr: string;
}

/** Path of the platform's `pact` executable, as the @pact-foundation/pact-cli launcher finds it. */
export function pactCliPath(): string {
  const require = createRequire(import.meta.url);
  const standalone = require('@pact-foundation/pact-cli/src/pact-standalone') as { standalone: () => { pactFullPath: string } };
  return standalone.standalone().pactFullPath;
}

/**
 * Spawns `pact <args>`; resolves when it exits. `env` replaces the broker variables the CLI would
 * otherwise read from our own environment, so flags and env reach it exactly once and explicitly.
 */
export function runPactCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<PactCliResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(pactCliPath(), args, { env: { ...env, PACT_DO_NOT_TRACK: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(err);
      return;
    }
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => errOut.push(c));
    child.on('error', (err) => reject(new Error(`could not start the Pact CLI: ${redactText(err.message)}`)));
    child.on('close', (status) =>
      resolve({
        status,
        stdout: redactText(Buffer.concat(out).toString('utf8')),
        stderr: redactText(Buffer.concat(errOut).toString('utf8')),
      }),
    );
  });
}
