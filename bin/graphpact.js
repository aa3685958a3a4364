#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script).
process.env.PACT_DO_NOT_TRACK ??= 'true';
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
