/**
 * `can-i-deploy` passes its arguments through to `pact broker can-i-deploy`. Broker flags found among
 * them are taken out and sent through the environment instead (credentials never on a command line).
 */
import type { BrokerFlags } from './connection.js';

const FLAG_NAMES: Record<string, keyof BrokerFlags> = {
  '--broker-base-url': 'brokerBaseUrl',
  '-b': 'brokerBaseUrl',
  '--broker-token': 'brokerToken',
  '-k': 'brokerToken',
  '--broker-username': 'brokerUsername',
  '-u': 'brokerUsername',
  '--broker-password': 'brokerPassword',
  '-p': 'brokerPassword',
};

/** Splits pass-through arguments into broker flags and the rest (order of the rest kept). */
export function extractBrokerFlags(args: string[]): { flags: BrokerFlags; rest: string[] } {
  const flags: BrokerFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const key = FLAG_NAMES[name];
    if (!key) {
      rest.push(arg);
      continue;
    }
    if (name !== arg) flags[key] = arg.slice(eq + 1);
    else flags[key] = args[++i];
  }
  return { flags, rest };
}

/** The `pact` arguments: our JSON format maps to the CLI's `--output json` unless the caller chose one. */
export function canIDeployArgs(rest: string[], baseUrl: string, format: 'text' | 'json', retries: number): string[] {
  const args = ['broker', 'can-i-deploy', ...rest, '--broker-base-url', baseUrl];
  const hasOutput = rest.some((a) => a === '-o' || a === '--output' || a.startsWith('--output='));
  if (format === 'json' && !hasOutput) args.push('--output', 'json');
  if (!rest.some((a) => a === '--retries' || a.startsWith('--retries='))) args.push('--retries', String(retries));
  return args;
}

/** Exit code of graphpact from the CLI's: 0 deployable, 1 not deployable, anything else could not run. */
export function canIDeployExitCode(status: number | null): 0 | 1 | 2 {
  return status === 0 ? 0 : status === 1 ? 1 : 2;
}
