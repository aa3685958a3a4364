/**
 * Verify-from-broker: maps graphpact's broker flags for `verify` to the Pact Verifier's options.
 * Pure (env passed in); every mistake is a BrokerConfigError with a one-line message.
 *
 *   --broker-url URL --provider NAME [--consumer-version-selectors JSON]
 *   [--publish-verification-results --provider-app-version V [--provider-version-branch B]]
 *   [--enable-pending] [--include-wip-pacts-since DATE]   + broker auth flags / PACT_BROKER_* env
 */
import type { VerifierOptions } from '@pact-foundation/pact';
import { BrokerConfigError, resolveBrokerConnection } from './connection.js';

export interface BrokerVerifyFlags {
  brokerUrl?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  provider?: string;
  consumerVersionSelectors?: string;
  publishVerificationResults?: boolean;
  providerAppVersion?: string;
  providerVersionBranch?: string;
  enablePending?: boolean;
  includeWipPactsSince?: string;
}

/** The subset of VerifierOptions that says where pacts come from and where results go. */
export type BrokerVerifierOptions = Pick<
  VerifierOptions,
  | 'pactBrokerUrl'
  | 'provider'
  | 'consumerVersionSelectors'
  | 'publishVerificationResult'
  | 'providerVersion'
  | 'providerVersionBranch'
  | 'enablePending'
  | 'includeWipPactsSince'
  | 'pactBrokerToken'
  | 'pactBrokerUsername'
  | 'pactBrokerPassword'
>;

type Selector = NonNullable<VerifierOptions['consumerVersionSelectors']>[number];

/** Keys of a consumer version selector and the JSON type each takes (docs.pact.io consumer version selectors). */
const SELECTOR_KEYS: Record<string, 'string' | 'boolean'> = {
  mainBranch: 'boolean',
  branch: 'string',
  matchingBranch: 'boolean',
  tag: 'string',
  fallbackTag: 'string',
  latest: 'boolean',
  deployed: 'boolean',
  released: 'boolean',
  deployedOrReleased: 'boolean',
  environment: 'string',
  consumer: 'string',
};

/** Default when none are given: what Pact recommends for a provider build. */
export const DEFAULT_SELECTORS: Selector[] = [{ mainBranch: true }, { deployedOrReleased: true }];

/** True when any broker flag is set: verify then reads pacts from the broker instead of --pact-dir. */
export function wantsBroker(flags: BrokerVerifyFlags): boolean {
  return Boolean(
    flags.brokerUrl || flags.provider || flags.consumerVersionSelectors || flags.publishVerificationResults ||
      flags.providerAppVersion || flags.providerVersionBranch || flags.enablePending || flags.includeWipPactsSince,
  );
}

export function brokerVerifierOptions(flags: BrokerVerifyFlags, env: Record<string, string | undefined> = process.env): BrokerVerifierOptions {
  if (!flags.brokerUrl && !env.PACT_BROKER_BASE_URL) {
    throw new BrokerConfigError('verifying from a broker needs --broker-url (or PACT_BROKER_BASE_URL)');
  }
  const connection = resolveBrokerConnection(
    { brokerBaseUrl: flags.brokerUrl, brokerToken: flags.brokerToken, brokerUsername: flags.brokerUsername, brokerPassword: flags.brokerPassword },
    env,
  );
  const provider = flags.provider?.trim();
  if (!provider) throw new BrokerConfigError('verifying from a broker needs --provider NAME (the provider name in the pacts)');

  const options: BrokerVerifierOptions = {
    pactBrokerUrl: connection.baseUrl,
    provider,
    consumerVersionSelectors: flags.consumerVersionSelectors === undefined ? DEFAULT_SELECTORS : parseSelectors(flags.consumerVersionSelectors),
  };
  if (connection.auth.kind === 'token') options.pactBrokerToken = connection.auth.token;
  if (connection.auth.kind === 'basic') {
    options.pactBrokerUsername = connection.auth.username;
    options.pactBrokerPassword = connection.auth.password;
  }

  if (flags.publishVerificationResults) {
    if (!flags.providerAppVersion?.trim()) {
      throw new BrokerConfigError('--publish-verification-results needs --provider-app-version V (e.g. the git sha)');
    }
    options.publishVerificationResult = true;
  } else if (flags.providerVersionBranch) {
    throw new BrokerConfigError('--provider-version-branch is only used with --publish-verification-results');
  }
  if (flags.providerAppVersion?.trim()) options.providerVersion = flags.providerAppVersion.trim();
  if (flags.providerVersionBranch?.trim()) options.providerVersionBranch = flags.providerVersionBranch.trim();

  if (flags.enablePending) options.enablePending = true;
  if (flags.includeWipPactsSince !== undefined) {
    // WIP pacts are verified as pending; the broker ignores WIP without pending.
    if (!flags.enablePending) throw new BrokerConfigError('--include-wip-pacts-since needs --enable-pending');
    options.includeWipPactsSince = wipDate(flags.includeWipPactsSince);
  }
  return options;
}

/** Parses `--consumer-version-selectors`: a JSON array of selector objects (or one object). */
export function parseSelectors(json: string): Selector[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new BrokerConfigError(`--consumer-version-selectors is not valid JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new BrokerConfigError('--consumer-version-selectors must name at least one selector');
  return list.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      throw new BrokerConfigError(`--consumer-version-selectors[${i}] must be an object like {"mainBranch":true}`);
    }
    const entries = Object.entries(item as Record<string, unknown>);
    if (entries.length === 0) throw new BrokerConfigError(`--consumer-version-selectors[${i}] is empty`);
    for (const [key, v] of entries) {
      const type = SELECTOR_KEYS[key];
      if (!type) throw new BrokerConfigError(`--consumer-version-selectors[${i}]: unknown key "${key}" (known: ${Object.keys(SELECTOR_KEYS).join(', ')})`);
      if (typeof v !== type) throw new BrokerConfigError(`--consumer-version-selectors[${i}].${key} must be a ${type}`);
    }
    return item as Selector;
  });
}

/** `2026-01-31` or a full ISO date-time; returned as given (the broker parses it). */
function wipDate(raw: string): string {
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BrokerConfigError(`--include-wip-pacts-since must be a date like 2026-01-31 (got "${raw}")`);
  }
  return value;
}
