/** Every command of the CLI, in the order `--help` lists them. */
import type { Command } from 'commander';

export const commandFactories: Array<() => Command> = [];
