/**
 * The broker connection flags shared by `publish`, `can-i-deploy` (and verify-from-broker), and the one
 * way a broker command reports that it could not run (one redacted line; JSON too with --format json).
 */
import type { Command } from 'commander';
import { redactText } from '../util/redact.js';
import type { BrokerFlags } from './connection.js';

export function addBrokerConnectionOptions(cmd: Command, urlFlag = '--broker-base-url'): Command {
  return cmd
    .option(`${urlFlag} <url>`, 'Pact Broker base URL (default: $PACT_BROKER_BASE_URL)')
    .option('--broker-token <token>', 'Pact Broker bearer token (default: $PACT_BROKER_TOKEN); never printed')
    .option('--broker-username <name>', 'Pact Broker basic-auth username (default: $PACT_BROKER_USERNAME)')
    .option('--broker-password <password>', 'Pact Broker basic-auth password (default: $PACT_BROKER_PASSWORD); never printed');
}

export function brokerFlags(opts: BrokerFlags & { brokerUrl?: string }): BrokerFlags {
  return {
    brokerBaseUrl: opts.brokerBaseUrl ?? opts.brokerUrl,
    brokerToken: opts.brokerToken,
    brokerUsername: opts.brokerUsername,
    brokerPassword: opts.brokerPassword,
  };
}

/** Prints why the command could not run and returns exit code 2. */
export function reportCouldNotRun(command: string, err: unknown, format: string): number {
  const line = redactText((err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' '));
  if (format === 'json') process.stdout.write(JSON.stringify({ outcome: 'could-not-run', exitCode: 2, reason: line }) + '\n');
  process.stderr.write(`graphpact ${command}: could not run: ${line}\n`);
  return 2;
}
