/**
 * `graphpact cleanup`: deletes what earlier crashed runs left on a provider: applications (and
 * sideLoadingKeys, when the provider lists them) named with the run prefix and older than --older-than.
 * Same write rule as verify: a provider outside loopback needs --allow-writes (or --dry-run).
 */
import { Command } from 'commander';
import { addAuthOptions } from '../../auth/cli-options.js';
import { AuthConfigError, resolveAuthPlan, type AuthFlags } from '../../auth/options.js';
import { createTokenProvider, TokenError } from '../../auth/msal.js';
import { createGraphClient, DEFAULT_MAX_RESPONSE_BYTES, formatMiB, ProviderUnreachableError } from '../../client/index.js';
import { checkPrefix, parseDuration, sweepLeftovers, SweepCouldNotRun, type Candidate, type SweepResult } from '../../cleanup/sweep.js';
import { isLoopback, parseProviderBaseUrl } from '../../verify/run.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, EXIT, maxResponseSize, positiveSeconds, reportCouldNotRun, UsageError, type OutputFormat } from '../command.js';

interface CleanupCliOptions extends AuthFlags {
  providerBaseUrl: string;
  olderThan: string;
  prefix: string;
  allowWrites?: boolean;
  dryRun?: boolean;
  timeout: number;
  maxResponseSize?: number;
  format: OutputFormat;
}

export function cleanupCommand(): Command {
  const cmd = new Command('cleanup')
    .description('delete leftovers of earlier crashed runs (exit 0 nothing left, 1 some could not be deleted, 2 could not run)')
    .requiredOption('--provider-base-url <url>', 'provider service root including the version segment, e.g. https://graph.microsoft.com/beta')
    .option('--older-than <duration>', 'only objects made at least this long ago (1h, 30m, 2d, 0)', '1h')
    .option('--prefix <prefix>', 'displayName prefix of the objects graphpact runs create', 'graphpact-')
    .option('--allow-writes', 'allow deleting on a provider outside loopback')
    .option('--dry-run', 'list what would be deleted and delete nothing (reads only)')
    .option('--timeout <seconds>', 'per-request timeout in seconds', positiveSeconds, 30)
    .option('--max-response-size <MiB>', `longest provider response read, in MiB (default: ${formatMiB(DEFAULT_MAX_RESPONSE_BYTES)})`, maxResponseSize);
  addAuthOptions(cmd);
  addFormatOption(cmd);
  cmd.addHelpText(
    'after',
    '\nAuth: --token/GRAPH_TOKEN, or --tenant-id/--client-id with --client-secret or --client-certificate (AZURE_* variables).\n' +
      'Age: createdDateTime (applications), lastUpdatedDateTime (sideLoadingKeys), else the time in the run id of the name.\n' +
      'Example:\n  graphpact cleanup --provider-base-url https://graph.microsoft.com/beta --older-than 1h --allow-writes',
  );
  return cmd.action(action(async (opts: CleanupCliOptions) => cleanupAction(opts)));
}

async function cleanupAction(opts: CleanupCliOptions): Promise<number> {
  let url: URL;
  let olderThanMs: number;
  let prefix: string;
  try {
    url = parseProviderBaseUrl(opts.providerBaseUrl);
    olderThanMs = parseDuration(opts.olderThan);
    prefix = checkPrefix(opts.prefix);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const dryRun = opts.dryRun ?? false;
  if (!dryRun && !opts.allowWrites && !isLoopback(opts.providerBaseUrl)) {
    return couldNotRun(`refusing to delete objects on ${url.origin} (not loopback): pass --allow-writes, or --dry-run to see what would be deleted`, opts.format);
  }

  let result: SweepResult;
  try {
    const plan = resolveAuthPlan(opts);
    if (plan.kind === 'none') throw new AuthConfigError('no credentials for the provider: pass --token (GRAPH_TOKEN) or client credentials (--tenant-id, --client-id, --client-secret | --client-certificate)');
    const token = createTokenProvider(plan);
    const client = createGraphClient({ baseUrl: opts.providerBaseUrl, token: async () => (await token())!, timeoutMs: opts.timeout * 1000, maxResponseBytes: opts.maxResponseSize });
    try {
      result = await sweepLeftovers(client, { prefix, olderThanMs, dryRun });
    } finally {
      await client.close();
    }
  } catch (err) {
    if (err instanceof AuthConfigError || err instanceof TokenError || err instanceof SweepCouldNotRun || err instanceof ProviderUnreachableError) {
      return couldNotRun(err.message, opts.format);
    }
    throw err;
  }

  const exitCode = result.failed.length > 0 ? EXIT.nonConformant : EXIT.ok;
  const out = opts.format === 'json' ? JSON.stringify({ exitCode, dryRun, prefix, olderThanMs, ...result }, null, 2) + '\n' : renderSweep(result, dryRun, prefix, opts.olderThan);
  process.stdout.write(redactText(out));
  return exitCode;
}

function renderSweep(r: SweepResult, dryRun: boolean, prefix: string, olderThan: string): string {
  const describe = (c: Candidate) => `${c.kind} ${c.id} "${c.displayName ?? ''}" (made ${c.madeAt})`;
  const lines = [
    `listed ${r.listed.applications} application(s) named ${prefix}*, sideLoadingKeys: ${r.listed.sideLoadingKeys}`,
    ...(dryRun ? r.wouldDelete.map((c) => `  would delete ${describe(c)}`) : r.deleted.map((c) => `  deleted ${describe(c)}`)),
    ...r.failed.map((f) => `  FAILED ${describe(f.object)}: ${f.reason}`),
    ...r.kept.map((k) => `  kept ${k.object.kind} ${k.object.id} "${k.object.displayName ?? ''}": ${k.reason}`),
    ...r.notes.map((n) => `  note: ${n}`),
    dryRun
      ? `dry run: ${r.wouldDelete.length} object(s) older than ${olderThan} would be deleted; nothing was`
      : `${r.deleted.length} deleted, ${r.failed.length} could not be deleted, ${r.kept.length} kept`,
  ];
  return lines.join('\n') + '\n';
}

function couldNotRun(message: string, format: OutputFormat): number {
  return reportCouldNotRun('graphpact cleanup', message, format);
}
