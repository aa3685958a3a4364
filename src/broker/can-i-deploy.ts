/**
 * `can-i-deploy` passes its arguments through to `pact broker can-i-deploy`. Broker flags found among
 * them are taken out and sent through the environment instead (credentials never on a command line).
 */
import type { BrokerFlags } from './connection.js';

const FLAG_NAMES: Record<string, keyof BrokerFlags> = {
  '--broker-base-url': 'brokerBaseUrl',
  '-b': 'brokerBaseUrl',
  '--broker-url': 'brokerBaseUrl',
  '--broker-token': 'brokerToken',
  '-k': 'brokerToken',
  '--broker-username': 'brokerUsername',
  '-u': 'brokerUsername',
  '--broker-password': 'brokerPassword',
  '-p': 'brokerPassword',
};

/** graphpact's own options, recognised anywhere among the pass-through arguments. */
const OWN_NAMES: Record<string, 'format' | 'retries'> = { '--format': 'format', '--retries': 'retries' };

/**
 * Splits pass-through arguments into broker flags, graphpact's own options and the rest (order kept).
 * Needed because commander passes everything after the first unknown option through untouched.
 */
export function extractBrokerFlags(args: string[]): { flags: BrokerFlags; own: { format?: string; retries?: string }; rest: string[] } {
  const flags: BrokerFlags = {};
  const own: { format?: string; retries?: string } = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const ownKey = OWN_NAMES[name];
    if (ownKey) {
      own[ownKey] = name !== arg ? arg.slice(eq + 1) : args[++i];
      continue;
    }
    const key = FLAG_NAMES[name];
    if (!key) {
      rest.push(arg);
      continue;
    }
    if (name !== arg) flags[key] = arg.slice(eq + 1);
    else flags[key] = args[++i];
  }
  return { flags, own, rest };
}

/** The `pact` arguments: our JSON format maps to the CLI's `--output json` unless the caller chose one. */
export function canIDeployArgs(rest: string[], baseUrl: string, format: 'text' | 'json', retries: number): string[] {
  const args = ['broker', 'can-i-deploy', ...rest, '--broker-base-url', baseUrl];
  const hasOutput = rest.some((a) => a === '-o' || a === '--output' || a.startsWith('--output='));
  if (format === 'json' && !hasOutput) args.push('--output', 'json');
  args.push('--retries', String(retries));
  return args;
}

/**
 * Exit code of graphpact from the CLI's: 0 deployable, 1 not deployable, anything else could not run.
 * With `--output json` the Rust CLI (v18) exits 0 even when the answer is no, so the JSON's
 * `summary.deployable` decides then.
 */
export function canIDeployExitCode(status: number | null, jsonOutput?: string): 0 | 1 | 2 {
  if (status === 0 && jsonOutput !== undefined) {
    try {
      const deployable = (JSON.parse(jsonOutput) as { summary?: { deployable?: unknown } }).summary?.deployable;
      if (deployable === false) return 1;
      if (deployable !== true) return 2;
    } catch {
      return 2;
    }
  }
  return status === 0 ? 0 : status === 1 ? 1 : 2;
}
