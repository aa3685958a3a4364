/** `--docs` and `--operations`, the same on every command that works on a selection of operations. */
import type { Command } from 'commander';
import { collect } from '../cli/command.js';

export interface SelectionFlags {
  docs?: string[];
  operations?: string;
}

export function addSelectionOptions(cmd: Command, defaults: { operations: string }): Command {
  return cmd
    .option('--docs <dir>', "docs directory (repeatable; default: the package's apidocs/)", collect)
    .option(
      '--operations <sel>',
      `operations to work on: comma-separated operationId globs (applications.*), path globs (/education/**), @file (one per line), !term to exclude (default: ${defaults.operations})`,
    );
}
