/** Runs the graphpact CLI from source (tsx) in a child process, for tests that need a real process (signals). */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
