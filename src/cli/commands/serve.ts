/**
 * `graphpact serve`: runs the embedded reference provider until SIGINT/SIGTERM, then closes cleanly.
 * Prints the URL (JSON with --format json) so scripts can point clients at it.
 */
import { Command, Option } from 'commander';
import { action, addFormatOption, collect, EXIT, UsageError, type OutputFormat } from '../command.js';
import { startProvider, QUIRK_NAMES, type QuirkName } from '../../provider/index.js';
import { redactText } from '../../util/redact.js';

interface ServeOptions {
  port: number;
  host: string;
  version?: string[];
  latency: number;
  throttle: number;
  retryAfter: number;
  schemas?: string;
  quirk?: string[];
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
    .addOption(new Option('--quirk <name>', `make the provider deliberately non-conformant (repeatable): ${QUIRK_NAMES.join(', ')}`).argParser(quirkName))
    .option('--verbose', 'log one redacted line per request to stderr');
  addFormatOption(cmd);
  return cmd.action(action(async (opts: ServeOptions) => {
    // Listen for the stop signal before starting, so a signal during start-up still closes cleanly.
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    let provider;
    try {
      provider = await startProvider({
        port: opts.port,
        host: opts.host,
        versions: opts.version,
        latencyMs: opts.latency,
        throttleEvery: opts.throttle,
        retryAfterSeconds: opts.retryAfter,
        schemasDir: opts.schemas,
        quirks: Object.fromEntries((opts.quirk ?? []).map((name) => [name, true])),
        log: opts.verbose ? (line) => process.stderr.write(line + '\n') : undefined, // lines come redacted
      });
    } catch (err) {
      process.stderr.write(`graphpact serve: could not start: ${redactText((err as Error).message)}\n`);
      return EXIT.couldNotRun;
    }
    const bases = provider.versions.map((v) => `${provider.url}/${v}`);
    if (opts.format === 'json') process.stdout.write(JSON.stringify({ url: provider.url, versions: provider.versions, baseUrls: bases }) + '\n');
    else process.stdout.write(`graphpact provider listening on ${provider.url}\n${bases.map((b) => `  ${b}`).join('\n')}\n(Ctrl-C to stop)\n`);
    const signal = await stopped;
    await provider.close();
    if (opts.format !== 'json') process.stdout.write(`graphpact provider stopped (${signal})\n`);
    return EXIT.ok;
  }));
}

/** `--quirk` value: one of the known quirk names. */
function quirkName(value: string, previous: QuirkName[] | undefined): QuirkName[] {
  if (!(QUIRK_NAMES as string[]).includes(value)) throw new UsageError(`--quirk must be one of ${QUIRK_NAMES.join(', ')} (got "${value}")`);
  return [...(previous ?? []), value as QuirkName];
}

function wholeNumber(flag: string, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > max) throw new UsageError(`${flag} must be a whole number from 0 to ${max} (got "${value}")`);
    return n;
  };
}
