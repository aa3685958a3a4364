/** The typed Graph client: see graph-client.ts. */
export { createGraphClient, parseBody, DEFAULT_USER_AGENT } from './graph-client.js';
export type { GraphClient, GraphClientOptions, SendOptions } from './graph-client.js';
export type { Exchange, ExchangeRequest, ExchangeResponse, GraphResult } from './exchange.js';
export { ProviderUnreachableError, classifyNetworkError } from './errors.js';
export type { UnreachableReason } from './errors.js';
export { parseRetryAfter, backoffDelay, retryDelay, RETRYABLE_STATUSES, DEFAULT_RETRY } from './retry-after.js';
export type { RetryPolicy } from './retry-after.js';
export * from './graph-types.js';
export { DEFAULT_MAX_RESPONSE_BYTES, MIB, formatMiB, parseMaxResponseSize, readBodyUpTo, responseTooLargeMessage } from './body-limit.js';
export { deleteObject, type GraphObjectKind } from './delete-object.js';
