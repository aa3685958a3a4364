/**
 * `graphpact serve`: runs the embedded reference provider until SIGINT/SIGTERM, then closes cleanly.
 * With `--docs DIR` it is a Graph emulator serving every documented (or `--operations`-selected) operation.
 * Prints the URL (JSON with --format json) so scripts can point clients at it.
 */
import { Command, Option } from 'commander';
import { action, addFormatOption, collect, EXIT, UsageError, type OutputFormat } from '../command.js';
import { startProvider, QUIRK_NAMES, type QuirkName, type QuirkRequest } from '../../provider/index.js';
import { redactText } from '../../util/redact.js';
import { loadCatalog } from '../../schema/pipeline.js';
import { selectionOf } from '../../select/index.js';
import { addSelectionOptions, type SelectionFlags } from '../../select/cli-options.js';

interface ServeOptions extends SelectionFlags {
  pageSize: number;
  port: number;
  host: string;
  version?: string[];
  latency: number;
  throttle: number;
  retryAfter: number;
  schemas?: string;
  quirk?: QuirkArg[];
  verbose?: boolean;
  format: OutputFormat;
}

export function serveCommand(): Command {
  const cmd = new Command('serve')
    .description('run the embedded reference provider (a small Microsoft Graph-compatible server) until Ctrl-C')
    .option('--port <n>', 'port to listen on (0 = any free port)', wholeNumber('--port', 65535), 0)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--version <version>', 'API version to serve (repeatable; default beta and v1.0)', collect)
    .option('--latency <ms>', 'delay every response by this many milliseconds', wholeNumber('--latency'), 0)
    .option('--throttle <n>', 'answer every Nth request 429 TooManyRequests with Retry-After (0 = never)', wholeNumber('--throttle'), 0)
    .option('--retry-after <seconds>', 'Retry-After of throttled responses', wholeNumber('--retry-after'), 1)
    .option('--schemas <dir>', 'generated schemas directory (default: the package\'s schemas/)')
    .addOption(new Option('--quirk <name[@globs]>', `make the provider deliberately non-conformant (repeatable), for every operation or those whose operationId matches the globs (dropProperty@users.*): ${QUIRK_NAMES.join(', ')}`).argParser(quirkName))
    .option('--page-size <n>', 'page size of emulated lists without $top (then @odata.nextLink)', wholeNumber('--page-size', 999), 100)
    .option('--verbose', 'log one redacted line per request to stderr');
  addSelectionOptions(cmd, { operations: 'every operation of --docs' });
  addFormatOption(cmd);
  cmd.addHelpText('after', "\nWithout --docs the provider serves the seed operations (sideLoadingKeys, applications, addKey/removeKey).\nWith --docs it emulates Graph for every documented operation:\n  graphpact serve --docs ../shared/corpus/graph-docs --operations 'users.**' --port 8080\n");
  return cmd.action(action(async (opts: ServeOptions) => {
    // Listen for the stop signal before starting, so a signal during start-up still closes cleanly.
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    let provider;
    try {
      if (opts.operations !== undefined && !opts.docs) throw new UsageError('--operations needs --docs (the seed provider serves its fixed routes)');
      const selection = selectionOf(opts.operations);
      const catalog = opts.docs && opts.docs.length > 0 ? (await loadCatalog(opts.docs)).catalog : undefined;
      provider = await startProvider({
        ...(catalog ? { catalog, selectOperations: (op) => selection.matches(op) } : {}),
        pageSize: opts.pageSize,
        port: opts.port,
        host: opts.host,
        versions: opts.version,
        latencyMs: opts.latency,
        throttleEvery: opts.throttle,
        retryAfterSeconds: opts.retryAfter,
        schemasDir: opts.schemas,
        quirks: quirkRequest(opts.quirk ?? []),
        log: opts.verbose ? (line) => process.stderr.write(line + '\n') : undefined, // lines come redacted
      });
    } catch (err) {
      process.stderr.write(`graphpact serve: could not start: ${redactText((err as Error).message)}\n`);
      return EXIT.couldNotRun;
    }
    const bases = provider.versions.map((v) => `${provider.url}/${v}`);
    const routes = provider.emulator;
    if (opts.format === 'json') process.stdout.write(JSON.stringify({ url: provider.url, versions: provider.versions, baseUrls: bases, ...(routes ? { routes } : {}) }) + '\n');
    else process.stdout.write(`graphpact provider listening on ${provider.url}\n${bases.map((b) => `  ${b}`).join('\n')}\n${routes ? describeRoutes(routes) : ''}(Ctrl-C to stop)\n`);
    const signal = await stopped;
    await provider.close();
    if (opts.format !== 'json') process.stdout.write(`graphpact provider stopped (${signal})\n`);
    return EXIT.ok;
  }));
}

interface QuirkArg {
  name: QuirkName;
  operations?: string;
}

/** `--quirk` value: one of the known quirk names, optionally `@` operationId globs. */
function quirkName(value: string, previous: QuirkArg[] | undefined): QuirkArg[] {
  const at = value.indexOf('@');
  const name = at < 0 ? value : value.slice(0, at);
  if (!(QUIRK_NAMES as string[]).includes(name)) throw new UsageError(`--quirk must be one of ${QUIRK_NAMES.join(', ')}, optionally @operationId-globs (got "${value}")`);
  const operations = at < 0 ? undefined : value.slice(at + 1).trim();
  if (operations === '') throw new UsageError(`--quirk ${value}: give operationId globs after @ (dropProperty@users.*)`);
  return [...(previous ?? []), { name: name as QuirkName, ...(operations ? { operations } : {}) }];
}

function quirkRequest(args: QuirkArg[]): QuirkRequest {
  return Object.fromEntries(args.map((q) => [q.name, q.operations ? { operations: q.operations } : true]));
}

function describeRoutes(routes: NonNullable<Awaited<ReturnType<typeof startProvider>>['emulator']>): string {
  const served = Object.entries(routes.served).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const operations = Object.values(routes.operations.served).reduce((a, b) => a + b, 0);
  const notServed = Object.entries(routes.notServed).map(([why, n]) => `${n} ${why}`).join('; ');
  return `emulating ${operations} operations (${routes.operations.notServed} not served) through their documented paths: ${served}${notServed ? `\nnot served (501): ${notServed}` : ''}\n`;
}

function wholeNumber(flag: string, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > max) throw new UsageError(`${flag} must be a whole number from 0 to ${max} (got "${value}")`);
    return n;
  };
}
