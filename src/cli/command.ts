/** Shared plumbing for command modules: exit codes, usage errors, output format. */
import { Command } from 'commander';
import { redactText } from '../util/redact.js';
import { parseMaxResponseSize } from '../client/body-limit.js';

export const EXIT = { ok: 0, nonConformant: 1, couldNotRun: 2 } as const;

/** Thrown for bad usage (missing directory, bad flag value): printed as one line, exit 2. */
export class UsageError extends Error {}

/** Commander actions cannot return values; actions store their exit code here. */
export const exitCodeHolder = { code: 0 };

/** Wraps an async action that returns an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    exitCodeHolder.code = await fn(...args);
  };
}

export type OutputFormat = 'text' | 'json';

/**
 * Prints why a command could not run as one redacted line on stderr (and as JSON on stdout with --format json),
 * and returns exit code 2. `who` starts the line: "graphpact publish", or just "graphpact" for verify.
 */
export function reportCouldNotRun(who: string, reason: unknown, format: string): number {
  const line = redactText((reason instanceof Error ? reason.message : String(reason)).replace(/\s*\n\s*/g, ' '));
  if (format === 'json') process.stdout.write(JSON.stringify({ outcome: 'could-not-run', exitCode: EXIT.couldNotRun, reason: line }) + '\n');
  process.stderr.write(`${who}: could not run: ${line}\n`);
  return EXIT.couldNotRun;
}

export function addFormatOption(cmd: Command, formats: string[] = ['text', 'json']): Command {
  return cmd.option('--format <format>', `output format: ${formats.join('|')}`, (value: string) => {
    if (!formats.includes(value)) throw new UsageError(`--format must be one of ${formats.join(', ')} (got "${value}")`);
    return value;
  }, 'text');
}

/** Repeatable option collector (`--docs a --docs b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Option parser for `--max-response-size <MiB>`: bytes; a bad value is a usage error. */
export function maxResponseSize(value: string): number {
  try {
    return parseMaxResponseSize(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Option parser for `--timeout <seconds>`: a positive number, fractions allowed. */
export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds (got "${value}")`);
  return seconds;
}
