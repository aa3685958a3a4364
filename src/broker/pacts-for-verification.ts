/**
 * The pacts a broker selects for a provider (the documented "pacts for verification" HAL flow the Pact
 * Verifier itself follows): GET the index, follow `pb:provider-pacts-for-verification`, POST the
 * selectors, then GET each selected pact. Verify uses it to know, before verifying, which interactions
 * the broker will hand the Verifier (for its reports and dry-run plan).
 */
import type { BrokerAuth } from './connection.js';
import { brokerRequest, BrokerUnavailableError } from './preflight.js';
import type { BrokerVerifierOptions } from './verify-options.js';

export interface SelectedPact {
  /** The pact's URL on the broker. */
  url: string;
  /** The pact document (the broker's `_links` removed). */
  pact: Record<string, unknown>;
  /** Verified as pending: its failures do not fail the build (only with --enable-pending). */
  pending: boolean;
  /** Why the broker selected it (its notices), one line each. */
  notices: string[];
}

type HalLinks = Record<string, { href?: string; templated?: boolean } | Array<{ href?: string }>>;

function authOf(options: BrokerVerifierOptions): BrokerAuth {
  if (options.pactBrokerToken) return { kind: 'token', token: options.pactBrokerToken };
  if (options.pactBrokerUsername) return { kind: 'basic', username: options.pactBrokerUsername, password: options.pactBrokerPassword ?? '' };
  return { kind: 'none' };
}

export async function fetchPactsForVerification(options: BrokerVerifierOptions, timeoutMs = 30_000): Promise<SelectedPact[]> {
  const base = options.pactBrokerUrl;
  const provider = options.provider;
  if (!base || !provider) throw new BrokerUnavailableError('pacts for verification need the broker URL and the provider name');
  const auth = authOf(options);
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Record<string, unknown>> => {
    const { status, text } = await brokerRequest(base, auth, method, url, { body, timeoutMs });
    if (status < 200 || status > 299) throw new BrokerUnavailableError(`the Pact Broker answered HTTP ${status} to ${method} ${new URL(url).pathname}`);
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new BrokerUnavailableError(`the Pact Broker answered ${method} ${new URL(url).pathname} with something that is not JSON`);
    }
  };

  const index = await call('GET', `${base}/`);
  const link = ((index._links ?? {}) as HalLinks)['pb:provider-pacts-for-verification'];
  const template = !Array.isArray(link) ? link?.href : undefined;
  if (!template) throw new BrokerUnavailableError(`the Pact Broker at ${base} does not offer pb:provider-pacts-for-verification (too old a broker?)`);
  const forVerification = template.replace('{provider}', encodeURIComponent(provider));

  const answer = await call('POST', forVerification, {
    consumerVersionSelectors: options.consumerVersionSelectors ?? [],
    ...(options.providerVersionBranch ? { providerVersionBranch: options.providerVersionBranch } : {}),
    includePendingStatus: options.enablePending === true,
    ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
  });
  const listed = ((answer._embedded as { pacts?: unknown[] } | undefined)?.pacts ?? []) as Array<{
    verificationProperties?: { pending?: boolean; notices?: Array<{ text?: string }> };
    _links?: { self?: { href?: string } };
  }>;

  const selected: SelectedPact[] = [];
  for (const entry of listed) {
    const url = entry._links?.self?.href;
    if (!url) continue;
    const { _links: _ignored, ...pact } = await call('GET', url);
    selected.push({
      url,
      pact,
      pending: entry.verificationProperties?.pending === true,
      notices: (entry.verificationProperties?.notices ?? []).map((n) => String(n.text ?? '')).filter(Boolean),
    });
  }
  return selected;
}
