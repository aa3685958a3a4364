/** Authentication to Graph: see options.ts (what), certificate.ts (PEM → MSAL certificate), msal.ts (tokens). */
export { resolveAuthPlan, AuthConfigError, GRAPH_DEFAULT_SCOPE, DEFAULT_AUTHORITY_HOST } from './options.js';
export type { AuthFlags, AuthPlan } from './options.js';
export { clientCertificateFromPem, loadClientCertificate, pemBlocks } from './certificate.js';
export type { ClientCertificate } from './certificate.js';
export { createTokenProvider, msalConfiguration, resolveToken, TokenError } from './msal.js';
export type { MsalDeps } from './msal.js';
export { addAuthOptions } from './cli-options.js';
