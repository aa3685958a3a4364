import { expect } from 'chai';
import { commandEntries, commandsFor } from '../../src/cli/commands/index.js';
import { PACKAGE_VERSION } from '../../src/util/package.js';
import { runCli } from '../helpers/cli.js';

describe('cli: commandsFor loads only the commands argv needs', () => {
  it('the named command alone; none for --version; all for help, no command or a typo', async () => {
    expect(await commandsFor(['build', '--docs', 'x'])).to.have.length(1);
    expect(await commandsFor(['--version'])).to.have.length(0);
    expect(await commandsFor(['-h', '-V'])).to.have.length(0);
    expect(await commandsFor(['--help'])).to.have.length(commandEntries.length);
    expect(await commandsFor([])).to.have.length(commandEntries.length);
    // A typo gets all of them, for commander's suggestion.
    expect(await commandsFor(['biuld'])).to.have.length(commandEntries.length);
  });

  it('what the CLI then prints: the version for --version, with --help either side of it; every command for --help', async () => {
    for (const args of [['--version'], ['-V'], ['--help', '--version'], ['--version', '--help']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).to.equal(0);
      expect(run.stdout.trim(), args.join(' ')).to.equal(PACKAGE_VERSION);
    }
    const help = await runCli(['--help']);
    expect(help.code).to.equal(0);
    for (const { name } of commandEntries) expect(help.stdout).to.match(new RegExp(`^\\s+${name}\\b`, 'm'));
  });
});
