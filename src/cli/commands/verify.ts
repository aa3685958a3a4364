/**
 * `graphpact verify`: Pact verification of the consumer contracts plus schema conformance of the live
 * responses, against a provider (or the embedded one), with reports in --reports. Option handling and
 * output only; the run itself is src/verify/run.ts.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { redactText, registerSecret } from '../../util/redact.js';
import { CHECK_NAMES, selectChecks } from '../../verify/checks.js';
import { failures, inconclusiveNote, type VerificationReport } from '../../report/model.js';
import { renderPlan } from '../../verify/plan.js';
import { CouldNotRun, runVerify, type VerifyOptions, type VerifyResult } from '../../verify/run.js';
import type { ReportPaths } from '../../report/write.js';
import { DEFAULT_MAX_RESPONSE_BYTES, formatMiB } from '../../client/index.js';
import { action, addFormatOption, EXIT, maxResponseSize, positiveSeconds, reportCouldNotRun, UsageError, type OutputFormat } from '../command.js';
import { addAuthOptions, AuthConfigError, createTokenProvider, resolveAuthPlan, TokenError, type AuthFlags } from '../../auth/index.js';
import { addBrokerConnectionOptions } from '../../broker/cli-options.js';
import { BrokerConfigError } from '../../broker/connection.js';
import { brokerVerifierOptions, wantsBroker, type BrokerVerifyFlags } from '../../broker/verify-options.js';

import { addSelectionOptions, type SelectionFlags } from '../../select/cli-options.js';
import { parseShard, selectionOf } from '../../select/index.js';

/** The package root: the suite's own contracts/ and schemas/ are the defaults. */
import { PACKAGE_ROOT } from '../../util/package.js';

export interface VerifyCliOptions extends Omit<AuthFlags, 'token'>, BrokerVerifyFlags, SelectionFlags {
  shard?: string;
  concurrency?: string;
  providerBaseUrl?: string;
  token?: string;
  pactDir?: string;
  schemas?: string;
  reports: string;
  timeout: number;
  maxResponseSize?: number;
  checks?: string;
  providerStatesSetupUrl?: string;
  allowWrites?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  version?: string;
  /** The Pact CLI spelling of --broker-url, accepted too. */
  brokerBaseUrl?: string;
  format: OutputFormat;
}

export function addVerifyOptions(cmd: Command): Command {
  cmd
    .option('--provider-base-url <url>', 'provider service root including the version segment, e.g. https://graph.microsoft.com/beta (default: start the embedded provider)')
    .option('--token <token>', 'bearer token for the provider (default: $GRAPH_TOKEN); never written anywhere')
    .option('--pact-dir <dir>', "directory of Pact contracts (default: the package's contracts/)")
    .option('--schemas <dir>', "schemas directory built by `graphpact build` (default: the package's schemas/)")
    .option('--reports <dir>', 'directory for the JUnit, JSON, HTML and Markdown reports', 'reports')
    .option('--timeout <seconds>', 'per-request timeout in seconds', positiveSeconds, 30)
    .option('--max-response-size <MiB>', `longest provider response read, in MiB (default: ${formatMiB(DEFAULT_MAX_RESPONSE_BYTES)}); a longer one fails its checks`, maxResponseSize)
    .option('--checks <list>', `comma-separated checks to run (default: all): ${CHECK_NAMES.join(', ')}`)
    .option('--provider-states-setup-url <url>', "let the provider set up Pact states itself (Pact's state change URL) instead of graphpact's Graph API handlers")
    .option('--allow-writes', 'allow creating and deleting test objects on a provider outside loopback')
    .option('--dry-run', 'print every request the run would send (secrets redacted) and send nothing')
    .option('--strict', 'inconclusive checks (still throttled after retries) count as failures')
    .option('--shard <i/n>', 'verify only the i-th of n slices of the selection (a CI matrix; merge with `graphpact report merge`)')
    .option('--concurrency <n>', 'operations verified at once, each with its own provider states', '1')
    .option('--version <version>', 'API version to verify (beta, v1.0, ...): the embedded provider serves it, a --provider-base-url must end with it (default: the URL\'s version segment, else beta)');
  addSelectionOptions(cmd, { operations: 'every documented operation of the version' });
  addAuthOptions(cmd, { withToken: false });
  // Verify-from-broker: pacts from a Pact Broker instead of --pact-dir, results published there.
  addBrokerConnectionOptions(cmd, '--broker-url')
    .option('--provider <name>', 'provider name in the pacts (with --broker-url)')
    .option('--consumer-version-selectors <json>', 'which pacts to verify, e.g. \'[{"mainBranch":true},{"deployedOrReleased":true}]\' (the default)')
    .option('--publish-verification-results', 'publish the results to the broker (needs --provider-app-version)')
    .option('--provider-app-version <version>', 'provider version the results are published for (e.g. the git sha)')
    .option('--provider-version-branch <branch>', 'provider branch the results are published for')
    .option('--enable-pending', "pending pacts (not yet verified by this provider) do not fail the run")
    .option('--include-wip-pacts-since <date>', 'also verify work-in-progress pacts published since this date (needs --enable-pending)');
  return addFormatOption(cmd);
}

export function verifyCommand(): Command {
  const cmd = new Command('verify')
    .description('verify a provider: Pact contracts + schema conformance of live responses (exit 0 conformant, 1 non-conformant, 2 could not run)');
  addVerifyOptions(cmd);
  cmd.addHelpText('after', '\nExamples:\n  graphpact verify\n  GRAPH_TOKEN=... graphpact verify --provider-base-url https://graph.example.test/beta --allow-writes\n  graphpact verify --provider-base-url http://127.0.0.1:8080/beta --checks auth_required,proof_checked --format json');
  return cmd.action(action(async (opts: VerifyCliOptions) => verifyAction(opts)));
}

/** Turns CLI options into run options (usage errors → UsageError). */
export function toVerifyOptions(opts: VerifyCliOptions, extra: Partial<VerifyOptions> = {}): VerifyOptions {
  const token = opts.token ?? (process.env.GRAPH_TOKEN || undefined);
  registerSecret(token);
  let checks: string[];
  try {
    checks = selectChecks(opts.checks);
  } catch (err) {
    throw new UsageError(`--checks: ${(err as Error).message}`);
  }
  const concurrency = Number(opts.concurrency ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new UsageError(`--concurrency must be an integer from 1 to 256 (got "${opts.concurrency}")`);
  let selection;
  let shard;
  try {
    selection = opts.operations !== undefined ? selectionOf(opts.operations) : undefined;
    shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    providerBaseUrl: opts.providerBaseUrl,
    token,
    ...(opts.docs && opts.docs.length > 0 ? { docs: opts.docs } : {}),
    ...(selection ? { selection } : {}),
    ...(shard ? { shard } : {}),
    ...(opts.version ? { version: opts.version } : {}),
    concurrency,
    pactDir: opts.pactDir ?? resolve(PACKAGE_ROOT, 'contracts'),
    schemasDir: opts.schemas ?? resolve(PACKAGE_ROOT, 'schemas'),
    reportsDir: opts.reports,
    timeoutMs: Math.round(opts.timeout * 1000),
    maxResponseBytes: opts.maxResponseSize ?? DEFAULT_MAX_RESPONSE_BYTES,
    checks,
    providerStatesSetupUrl: opts.providerStatesSetupUrl,
    allowWrites: opts.allowWrites ?? false,
    dryRun: opts.dryRun ?? false,
    strict: opts.strict ?? false,
    ...extra,
  };
}

export async function verifyAction(opts: VerifyCliOptions, extra: Partial<VerifyOptions> = {}): Promise<number> {
  if (opts.brokerBaseUrl !== undefined) {
    if (opts.brokerUrl !== undefined) return couldNotRun('give the broker URL once: --broker-base-url and --broker-url are the same flag', opts.format);
    opts = { ...opts, brokerUrl: opts.brokerBaseUrl };
  }
  if (wantsBroker(opts)) {
    if (opts.pactDir) return couldNotRun('give either --pact-dir or --broker-url, not both', opts.format);
    try {
      extra = { ...extra, broker: brokerVerifierOptions(opts) };
    } catch (err) {
      if (err instanceof BrokerConfigError) return couldNotRun(err.message, opts.format);
      throw err;
    }
  }
  // Client credentials (--tenant-id/--client-id/... or AZURE_*): one app-only token for the run (src/auth).
  if (!opts.token && !opts.dryRun && opts.providerBaseUrl) {
    try {
      opts = { ...opts, token: await createTokenProvider(resolveAuthPlan(opts))() };
    } catch (err) {
      if (err instanceof AuthConfigError || err instanceof TokenError) return couldNotRun(err.message, opts.format);
      throw err;
    }
  }
  const options = toVerifyOptions(opts, { progress: opts.format === 'text' ? (line) => process.stderr.write(`graphpact: ${redactText(line)}\n`) : undefined, cleanupOnInterrupt: true, ...extra });
  let result: VerifyResult;
  try {
    result = await runVerify(options);
  } catch (err) {
    if (!(err instanceof CouldNotRun)) throw err;
    return couldNotRun(err.message, opts.format);
  }
  if (result.plan) {
    const out = opts.format === 'json' ? JSON.stringify({ dryRun: true, header: result.plan.header, steps: result.plan.steps }, null, 2) + '\n' : renderPlan(result.plan.steps, result.plan.header);
    process.stdout.write(redactText(out));
    return EXIT.ok;
  }
  const report = result.report!;
  process.stdout.write(redactText(opts.format === 'json' ? JSON.stringify({ ...report, reportFiles: result.paths }, null, 2) + '\n' : renderSummary(report, result.paths!)));
  if (report.outcome === 'could-not-run' && opts.format === 'text') process.stderr.write(`graphpact verify: could not run: ${redactText(report.reason ?? 'unknown reason')}\n`);
  return report.exitCode;
}

function couldNotRun(message: string, format: OutputFormat): number {
  return reportCouldNotRun('graphpact verify', message, format);
}

function pendingNote(report: VerificationReport): string {
  const pending = report.pact.interactions.filter((i) => i.pending).length;
  return pending ? `, ${pending} failed on pending pacts (not fatal)` : '';
}

/** The short text summary: outcome, counts, the first failures, where the reports are. */
export function renderSummary(report: VerificationReport, paths: ReportPaths): string {
  const t = report.totals;
  const lines = [
    `${report.outcome.toUpperCase()} (exit ${report.exitCode})${inconclusiveNote(report)} — ${report.provider.baseUrl}${report.provider.embedded ? ' (embedded)' : ''}`,
    `  Pact: ${report.pact.ran ? `${report.pact.interactions.filter((i) => i.status === 'pass').length}/${report.pact.interactions.length} interactions pass${pendingNote(report)}` : `not run${report.pact.error ? ` (${report.pact.error})` : ''}`}`,
    `  checks: ${t.pass} pass, ${t.fail} fail, ${t.warn} warn, ${t.inconclusive} inconclusive`,
    `  cleanup: ${report.cleanup.deleted}/${report.cleanup.created} created objects deleted${report.cleanup.leftovers.length ? `, LEFT: ${report.cleanup.leftovers.join('; ')}` : ''}`,
  ];
  const failed = failures(report);
  for (const f of failed.slice(0, 20)) lines.push(`  FAIL ${f.title}: ${f.message}`);
  if (failed.length > 20) lines.push(`  ... ${failed.length - 20} more in the reports`);
  lines.push(`  reports: ${paths.html} ${paths.junit} ${paths.json} ${paths.markdown}${report.pact.logFile ? ` (Pact log: ${report.pact.logFile})` : ''}`);
  return lines.join('\n') + '\n';
}

