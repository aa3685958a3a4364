/**
 * How graphpact authenticates to Microsoft Graph (or a Graph-compatible provider), resolved from flags
 * and environment (flags first):
 *   --token / GRAPH_TOKEN                                   a ready bearer token
 *   --tenant-id --client-id --client-secret                 client credentials (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)
 *   --tenant-id --client-id --client-certificate PEM        client credentials with a certificate (AZURE_CLIENT_CERTIFICATE_PATH)
 * Pure: env is passed in. Secrets are registered for redaction as soon as they are read.
 */
import { registerSecret } from '../util/redact.js';
import { GUID } from '../util/values.js';

export interface AuthFlags {
  token?: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Path of a PEM file holding the certificate and its private key. */
  clientCertificate?: string;
  /** Entra ID authority host, default https://login.microsoftonline.com (AZURE_AUTHORITY_HOST). */
  authorityHost?: string;
}

export type AuthPlan =
  | { kind: 'none' }
  | { kind: 'token'; token: string; source: '--token' | 'GRAPH_TOKEN' }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost: string }
  | { kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string; authorityHost: string };

/** An auth option that cannot work: one line for the user. */
export class AuthConfigError extends Error {}

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** The scope of an app-only Graph token. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

type Env = Record<string, string | undefined>;

export function resolveAuthPlan(flags: AuthFlags, env: Env = process.env): AuthPlan {
  const val = (s: string | undefined) => (s !== undefined && s !== '' ? s : undefined);
  const clientFlags = Boolean(flags.tenantId || flags.clientId || flags.clientSecret || flags.clientCertificate);
  if (val(flags.token)) {
    if (clientFlags) throw new AuthConfigError('give either --token or client credentials (--tenant-id/--client-id/...), not both');
    registerSecret(flags.token);
    return { kind: 'token', token: flags.token!, source: '--token' };
  }
  const tenantId = val(flags.tenantId) ?? val(env.AZURE_TENANT_ID);
  const clientId = val(flags.clientId) ?? val(env.AZURE_CLIENT_ID);
  // Flags choose the credential kind as a pair: --client-certificate ignores AZURE_CLIENT_SECRET and vice versa.
  if (flags.clientSecret && flags.clientCertificate) throw new AuthConfigError('give either --client-secret or --client-certificate, not both');
  const clientSecret = val(flags.clientSecret) ?? (flags.clientCertificate ? undefined : val(env.AZURE_CLIENT_SECRET));
  const certificatePath = val(flags.clientCertificate) ?? (flags.clientSecret ? undefined : val(env.AZURE_CLIENT_CERTIFICATE_PATH));
  registerSecret(clientSecret);

  const graphToken = val(env.GRAPH_TOKEN);
  if (!clientFlags && graphToken) {
    registerSecret(graphToken);
    return { kind: 'token', token: graphToken, source: 'GRAPH_TOKEN' };
  }
  if (!tenantId && !clientId && !clientSecret && !certificatePath) return { kind: 'none' };

  if (!tenantId) throw new AuthConfigError('client credentials need a tenant: --tenant-id or AZURE_TENANT_ID');
  if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) throw new AuthConfigError(`--tenant-id must be a GUID or a domain like contoso.onmicrosoft.com (got "${tenantId}")`);
  if (!clientId) throw new AuthConfigError('client credentials need an application (client) id: --client-id or AZURE_CLIENT_ID');
  if (!GUID.test(clientId)) throw new AuthConfigError(`--client-id must be the application's GUID (got "${clientId}")`);
  const authorityHost = authorityHostOf(val(flags.authorityHost) ?? val(env.AZURE_AUTHORITY_HOST));
  // Like azure-identity's EnvironmentCredential: a secret wins over a certificate when both come from the environment.
  if (clientSecret) return { kind: 'client-secret', tenantId, clientId, clientSecret, authorityHost };
  if (certificatePath) return { kind: 'client-certificate', tenantId, clientId, certificatePath, authorityHost };
  throw new AuthConfigError('client credentials need --client-secret (AZURE_CLIENT_SECRET) or --client-certificate PEM (AZURE_CLIENT_CERTIFICATE_PATH)');
}

function authorityHostOf(raw: string | undefined): string {
  if (!raw) return DEFAULT_AUTHORITY_HOST;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`the authority host is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new AuthConfigError(`the authority host must be https (got "${raw}")`);
  return url.origin;
}
