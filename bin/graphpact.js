#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script).
process.env.PACT_DO_NOT_TRACK ??= 'true';
const { main } = await import('../dist/cli/main.js');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The command is done: exit now, once stdout and stderr are flushed (pipes are asynchronous on some
// platforms), rather than when the event loop drains. That also frees the whole heap first, which took
// ~30 ms after a corpus build (a few hundred MB); exiting leaves it to the OS.
await Promise.all([process.stdout, process.stderr].map(flushed));
process.exit(code);

function flushed(stream) {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) resolve();
    // Called once everything written before it is flushed, or with the error that ended the stream.
    else stream.write('', () => resolve());
  });
}
