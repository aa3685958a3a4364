/**
 * The broker connection flags shared by `publish`, `can-i-deploy` (and verify-from-broker).
 */
import type { Command } from 'commander';
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
