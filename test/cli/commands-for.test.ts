import { expect } from 'chai';
import { commandEntries, commandsFor } from '../../src/cli/commands/index.js';

describe('cli: commandsFor loads only the commands argv needs', () => {
  it('the named command alone; none for --version; all for help or no command', async () => {
    expect(await commandsFor(['build', '--docs', 'x'])).to.have.length(1);
    expect(await commandsFor(['--version'])).to.have.length(0);
    expect(await commandsFor(['-V'])).to.have.length(0);
    expect(await commandsFor(['--version', '--help'])).to.have.length(commandEntries.length);
    expect(await commandsFor(['--help'])).to.have.length(commandEntries.length);
    expect(await commandsFor([])).to.have.length(commandEntries.length);
    // A typo gets all of them, for commander's suggestion.
    expect(await commandsFor(['biuld'])).to.have.length(commandEntries.length);
  });
});
