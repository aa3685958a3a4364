/**
 * The `graphpact` command line. Each command lives in src/cli/commands/<name>.ts and exports a
 * factory returning a commander Command whose action resolves to an exit code:
 * 0 conformant / built, 1 non-conformance found, 2 could not run.
 */
import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands/index.js';
import { redactText } from '../util/redact.js';
import { PACKAGE_VERSION } from '../util/package.js';
import { UsageError, exitCodeHolder } from './command.js';
import { dropOutputToClosedPipes } from './closed-pipes.js';

export async function main(argv: string[]): Promise<number> {
  dropOutputToClosedPipes();
  const program = new Command('graphpact')
    .description('Contract-testing conformance suite for Microsoft Graph-compatible APIs, built from the Graph docs.')
    .version(PACKAGE_VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    // Program options only before the command name, so a command may define its own (`serve --version beta`).
    .enablePositionalOptions()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(redactText(s)) });
  for (const factory of await commandsFor(argv)) program.addCommand(factory().exitOverride());
  exitCodeHolder.code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodeHolder.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0 through commander; everything else it rejects is bad usage.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`graphpact: ${redactText(err.message)}\n`);
      return 2;
    }
    // Never a stack trace for the user: one line, redacted. GRAPHPACT_DEBUG=1 shows the stack.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`graphpact: could not run: ${redactText(message)}\n`);
    if (process.env.GRAPHPACT_DEBUG && err instanceof Error && err.stack) process.stderr.write(redactText(err.stack) + '\n');
    return 2;
  }
}
