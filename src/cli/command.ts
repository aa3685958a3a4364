/** Shared plumbing for command modules: exit codes, usage errors, output format. */
import { Command } from 'commander';

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
