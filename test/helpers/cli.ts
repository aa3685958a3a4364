/** Running the CLI in-process for tests: what it prints is captured, nothing reaches the terminal. */
import { main } from '../../src/cli/main.js';

/** Runs fn while collecting what it writes to stdout and stderr. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const result = await fn();
    return { result, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

/** The option that sends each command's output somewhere other than the work tree's default folder. */
const OUTPUT_OPTION: Record<string, string> = { verify: '--reports', all: '--reports', build: '--out', contracts: '--pact-dir' };

/**
 * Tests leave the work tree as they found it: a command that writes into the project by default
 * (reports/, schemas/, contracts/) must be told where to write, even when it is expected to stop before
 * writing anything (a run that cannot start still writes its "could not run" report).
 */
export function requireOutsideWorkTree(args: string[]): void {
  const option = OUTPUT_OPTION[args[0]];
  if (!option || args.some((a) => a === '--help' || a === '-h' || a === '--dry-run')) return;
  if (!args.includes(option)) throw new Error(`test runs \`graphpact ${args[0]}\` without ${option} <temp dir>: it would write into the work tree`);
}

/** `graphpact <args>` in-process: its exit code and output. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  requireOutsideWorkTree(args);
  const { result, stdout, stderr } = await captureOutput(() => main(args));
  return { code: result, stdout, stderr };
}
