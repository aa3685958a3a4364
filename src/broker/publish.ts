/**
 * Publishing the contracts to a Pact Broker with the official CLI (`pact broker publish`). We check the
 * folder first (so a broken contract is named by file, not by a Rust parse error), ask the broker's
 * index once (down / 5xx / bad credentials → one line), then let the CLI do the publishing.
 */
import { PactFileError, readPactFiles } from '../contracts/pact-files.js';
import { BrokerConfigError, pactCliEnv, type BrokerConnection } from './connection.js';
import { checkBrokerReachable, BrokerUnavailableError } from './preflight.js';
import { runPactCli, type PactCliResult } from './pact-cli.js';

export interface PublishRequest {
  pactDir: string;
  consumerAppVersion: string;
  branch?: string;
  tags: string[];
  buildUrl?: string;
  /** HTTP retries the CLI makes on 5xx/429 (its default of 8 waits minutes). */
  retries: number;
}

export interface PactFileSummary {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
}

export interface PublishResult {
  broker: string;
  consumerAppVersion: string;
  branch?: string;
  tags: string[];
  pacts: PactFileSummary[];
  /** What the Pact CLI printed, redacted. */
  cliOutput: string;
}

/** A contract file that cannot be published: names the file. */
export { PactFileError };

/** Checks the options that the CLI would reject less clearly. */
export function validatePublishRequest(req: PublishRequest): void {
  if (!req.consumerAppVersion.trim()) throw new BrokerConfigError('--consumer-app-version must not be empty');
  for (const tag of req.tags) {
    // The Rust CLI splits --tag values on commas.
    if (!tag.trim() || tag.includes(',')) throw new BrokerConfigError(`--tag must be a non-empty name without commas (got "${tag}")`);
  }
  if (req.branch !== undefined && !req.branch.trim()) throw new BrokerConfigError('--branch must not be empty');
  if (req.buildUrl !== undefined) {
    try {
      new URL(req.buildUrl);
    } catch {
      throw new BrokerConfigError(`--build-url is not a valid URL: "${req.buildUrl}"`);
    }
  }
  if (!Number.isInteger(req.retries) || req.retries < 0) throw new BrokerConfigError(`--retries must be a whole number >= 0 (got ${req.retries})`);
}

/** The `pact` arguments for a publish; credentials are not among them (they travel in the env). */
export function publishArgs(req: PublishRequest, connection: BrokerConnection): string[] {
  const args = ['broker', 'publish', req.pactDir, '--broker-base-url', connection.baseUrl, '--consumer-app-version', req.consumerAppVersion];
  if (req.branch) args.push('--branch', req.branch);
  if (req.tags.length) args.push('--tag', req.tags.join(','));
  if (req.buildUrl) args.push('--build-url', req.buildUrl);
  args.push('--retries', String(req.retries));
  return args;
}

/** Reads every `*.json` in the folder as a pact; throws PactFileError naming the first bad file. */
export async function readPactFolder(dir: string): Promise<PactFileSummary[]> {
  return (await readPactFiles(dir)).map(({ file, pact: parsed }) => {
    const pact = parsed as { consumer?: { name?: unknown }; provider?: { name?: unknown }; interactions?: unknown } | null;
    const consumer = pact?.consumer?.name;
    const provider = pact?.provider?.name;
    if (typeof consumer !== 'string' || typeof provider !== 'string') throw new PactFileError(`${file}:1: not a pact (consumer.name and provider.name are required)`);
    if (!Array.isArray(pact?.interactions)) throw new PactFileError(`${file}:1: not a pact (no interactions array)`);
    return { file, consumer, provider, interactions: pact.interactions.length };
  });
}

/** Publishes; throws PactFileError / BrokerConfigError / BrokerUnavailableError with one-line messages. */
export async function publishContracts(
  req: PublishRequest,
  connection: BrokerConnection,
  run: (args: string[], env: NodeJS.ProcessEnv) => Promise<PactCliResult> = runPactCli,
): Promise<PublishResult> {
  validatePublishRequest(req);
  const pacts = await readPactFolder(req.pactDir);
  await checkBrokerReachable(connection);
  const result = await run(publishArgs(req, connection), pactCliEnv(connection));
  const output = (result.stdout + result.stderr).trim();
  if (result.status !== 0) throw new BrokerUnavailableError(`pact broker publish failed (exit ${result.status ?? 'signal'}): ${cliFailureLine(output)}`);
  return { broker: connection.baseUrl, consumerAppVersion: req.consumerAppVersion, branch: req.branch, tags: req.tags, pacts, cliOutput: output };
}

/** The line of CLI output that says what went wrong: the first ❌ line, else the last line. */
export function cliFailureLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const marked = lines.find((l) => l.startsWith('❌') || /^error/i.test(l));
  return (marked ?? lines[lines.length - 1] ?? 'no output').replace(/^❌\s*/, '');
}
