/**
 * Every command of the CLI, in the order `--help` lists them. Each is loaded only when it runs (or when
 * the whole list is needed, for help): the commands' dependencies (Pact, ajv, undici, msal, ...) take
 * over a second of CPU to load, more than a build of the seeds, and a command needs only its own.
 */
import { loadModule } from '../../util/load-module.js';
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  load: () => Promise<() => Command>;
}

type Mod = Record<string, () => Command>;

/** A command's module, loaded when it runs (loadModule: the same copy the test runner's imports load). */
function load<T>(specifier: string): Promise<T> {
  return loadModule<T>(import.meta.url, specifier);
}

export const commandEntries: CommandEntry[] = [
  { name: 'all', load: async () => (await load<Mod>('./all.js')).allCommand },
  { name: 'build', load: async () => (await load<Mod>('./build.js')).buildCommand },
  { name: 'lint', load: async () => (await load<Mod>('./lint.js')).lintCommand },
  { name: 'operations', load: async () => (await load<Mod>('./operations.js')).operationsCommand },
  { name: 'contracts', load: async () => (await load<Mod>('./contracts.js')).contractsCommand },
  { name: 'compare', load: async () => (await load<Mod>('./compare.js')).compareCommand },
  { name: 'serve', load: async () => (await load<Mod>('./serve.js')).serveCommand },
  { name: 'verify', load: async () => (await load<Mod>('./verify.js')).verifyCommand },
  { name: 'publish', load: async () => (await load<Mod>('./publish.js')).publishCommand },
  { name: 'can-i-deploy', load: async () => (await load<Mod>('./can-i-deploy.js')).canIDeployCommand },
  { name: 'cleanup', load: async () => (await load<Mod>('./cleanup.js')).cleanupCommand },
  { name: 'diff', load: async () => (await load<Mod>('./diff.js')).diffCommand },
  { name: 'report', load: async () => (await load<Mod>('./report.js')).reportCommand },
];

/**
 * The commands `argv` needs: only the named one when the first word names a command (program options
 * come only before it, and none takes a value); none for `--version` with no command (commander prints the
 * version whatever else is there, `--help` too); else all of them (help, a typo's suggestions).
 */
export async function commandsFor(argv: readonly string[]): Promise<Array<() => Command>> {
  const word = argv.find((a) => !a.startsWith('-'));
  const named = commandEntries.find((e) => e.name === word);
  if (word === undefined && argv.some((a) => a === '-V' || a === '--version')) return [];
  return Promise.all((named ? [named] : commandEntries).map((e) => e.load()));
}
