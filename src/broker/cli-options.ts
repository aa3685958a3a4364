/**
 * The broker connection flags shared by `publish`, `can-i-deploy` (and verify-from-broker).
 */
import { Option, type Command } from 'commander';
import { BrokerConfigError, type BrokerFlags } from './connection.js';

/** Both spellings of the URL flag work everywhere (the Pact CLI says --broker-base-url, its verifier --broker-url); help shows `urlFlag`. */
const URL_FLAGS = ['--broker-base-url', '--broker-url'] as const;

export function addBrokerConnectionOptions(cmd: Command, urlFlag: (typeof URL_FLAGS)[number] = '--broker-base-url'): Command {
  const alias = URL_FLAGS.find((flag) => flag !== urlFlag)!;
  return cmd
    .option(`${urlFlag} <url>`, 'Pact Broker base URL (default: $PACT_BROKER_BASE_URL)')
    .addOption(new Option(`${alias} <url>`, `same as ${urlFlag}`).hideHelp())
    .option('--broker-token <token>', 'Pact Broker bearer token (default: $PACT_BROKER_TOKEN); never printed')
    .option('--broker-username <name>', 'Pact Broker basic-auth username (default: $PACT_BROKER_USERNAME)')
    .option('--broker-password <password>', 'Pact Broker basic-auth password (default: $PACT_BROKER_PASSWORD); never printed');
}

/** The flags as one BrokerFlags; both URL spellings at once is a BrokerConfigError (as in verify). */
export function brokerFlags(opts: BrokerFlags & { brokerUrl?: string }): BrokerFlags {
  if (opts.brokerBaseUrl !== undefined && opts.brokerUrl !== undefined) {
    throw new BrokerConfigError('give the broker URL once: --broker-base-url and --broker-url are the same flag');
  }
  return {
    brokerBaseUrl: opts.brokerBaseUrl ?? opts.brokerUrl,
    brokerToken: opts.brokerToken,
    brokerUsername: opts.brokerUsername,
    brokerPassword: opts.brokerPassword,
  };
}
