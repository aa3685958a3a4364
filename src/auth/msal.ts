/**
 * App-only Graph tokens through @azure/msal-node (client credentials grant). The configuration is
 * built by a pure function; the token is acquired once per run and reused (a cached promise),
 * re-acquired only when it is about to expire.
 */
import { ConfidentialClientApplication, type Configuration, type INetworkModule } from '@azure/msal-node';
import { registerSecret, redactText } from '../util/redact.js';
import { loadClientCertificate, type ClientCertificate } from './certificate.js';
import { AuthConfigError, GRAPH_DEFAULT_SCOPE, resolveAuthPlan, type AuthFlags, type AuthPlan } from './options.js';

type ClientPlan = Extract<AuthPlan, { kind: 'client-secret' | 'client-certificate' }>;

export interface MsalDeps {
  /** MSAL's HTTP client; tests answer discovery and token requests in-process (no internet). */
  networkClient?: INetworkModule;
  now?: () => number;
}

/** The MSAL configuration for a plan (the certificate already loaded for certificate plans). */
export function msalConfiguration(plan: ClientPlan, certificate: ClientCertificate | undefined, deps: MsalDeps = {}): Configuration {
  const auth: Configuration['auth'] = {
    clientId: plan.clientId,
    authority: `${plan.authorityHost}/${plan.tenantId}`,
  };
  if (plan.kind === 'client-secret') auth.clientSecret = plan.clientSecret;
  else {
    if (!certificate) throw new Error('a certificate plan needs its certificate loaded');
    auth.clientCertificate = { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKey, x5c: certificate.x5c };
  }
  return {
    auth,
    system: {
      ...(deps.networkClient ? { networkClient: deps.networkClient } : {}),
      // MSAL logs nothing of ours: PII off, errors only, and through redaction.
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: 0,
        loggerCallback: (_level, message) => process.stderr.write(`graphpact: msal: ${redactText(message)}\n`),
      },
    },
  };
}

/** A token could not be acquired: one line, redacted, never the secret. */
export class TokenError extends Error {}

/** Re-acquire this long before expiry, so a token never expires in the middle of a request. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * Returns a function giving the bearer token (undefined for the `none` plan). The first call acquires it,
 * later calls reuse the same promise until the token is within 5 minutes of expiry.
 */
export function createTokenProvider(plan: AuthPlan, deps: MsalDeps = {}): () => Promise<string | undefined> {
  if (plan.kind === 'none') return async () => undefined;
  if (plan.kind === 'token') return async () => plan.token;
  const now = deps.now ?? Date.now;
  let app: Promise<ConfidentialClientApplication> | undefined;
  let cached: { promise: Promise<string>; expiresAt: number } | undefined;

  const acquire = async (): Promise<{ token: string; expiresAt: number }> => {
    app ??= (async () => {
      const certificate = plan.kind === 'client-certificate' ? await loadClientCertificate(plan.certificatePath) : undefined;
      return new ConfidentialClientApplication(msalConfiguration(plan, certificate, deps));
    })();
    let result;
    try {
      result = await (await app).acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
    } catch (err) {
      if (err instanceof AuthConfigError) throw err;
      const e = err as { errorCode?: string; message?: string };
      const detail = (e.errorCode ? `${e.errorCode}: ` : '') + (e.message ?? String(err)).split('\n')[0];
      throw new TokenError(redactText(`could not get a Graph token for client ${plan.clientId} in tenant ${plan.tenantId}: ${detail}`));
    }
    if (!result?.accessToken) throw new TokenError(`could not get a Graph token for client ${plan.clientId}: empty answer`);
    registerSecret(result.accessToken);
    return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? now() + 3_600_000 };
  };

  return () => {
    if (!cached || cached.expiresAt - EXPIRY_MARGIN_MS <= now()) {
      const pending = acquire();
      const entry = { promise: pending.then((r) => r.token), expiresAt: Number.POSITIVE_INFINITY };
      pending.then(
        (r) => (entry.expiresAt = r.expiresAt),
        () => {
          // A failure is not cached: the next call tries again.
          if (cached === entry) cached = undefined;
        },
      );
      cached = entry;
    }
    return cached.promise;
  };
}

/** `--token`/GRAPH_TOKEN, or a client-credentials token; undefined when no auth is configured. */
export async function resolveToken(flags: AuthFlags, env: Record<string, string | undefined> = process.env, deps: MsalDeps = {}): Promise<string | undefined> {
  return createTokenProvider(resolveAuthPlan(flags, env), deps)();
}
