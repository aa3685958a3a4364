/**
 * Retry timing for providers that push back (429 Too Many Requests, 503 Service Unavailable,
 * 504 Gateway Timeout). Pure functions: the client supplies the clock and the random source.
 */

/** Statuses after which the request was not processed and may be sent again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3) into milliseconds from `now`.
 * Accepts delay-seconds, also fractional ("1.5", which some providers send), and an HTTP date
 * (IMF-fixdate and the obsolete forms Date.parse understands). A date in the past means "now" (0).
 * Returns undefined for anything else (empty, negative, garbage), so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // A date must name a weekday or month: Date.parse alone also accepts bare numbers like "-1" or "12".
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  maxRetries: number;
  /** First backoff step when the provider gives no Retry-After. */
  baseDelayMs: number;
  /** Cap of the computed backoff. */
  maxDelayMs: number;
  /**
   * Longest Retry-After the client will honour. A provider asking for more (say an hour) is not waited
   * for: the response is returned with `exhaustedRetries: true`. Defaults to 60 000 ms.
   */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

/**
 * Exponential backoff with "equal jitter" for retry number `retry` (0-based): half of the capped
 * exponential step is fixed, the other half random, so clients spread out but never retry at once.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long to wait before retrying, or undefined when the client should stop and return the response:
 * the retry budget is spent, or the provider asks for a longer wait than the policy allows.
 */
export function retryDelay(
  status: number,
  retryAfterHeader: string | undefined,
  retriesDone: number,
  policy: RetryPolicy,
  now: number,
  random: () => number = Math.random,
): number | undefined {
  if (!RETRYABLE_STATUSES.has(status) || retriesDone >= policy.maxRetries) return undefined;
  const asked = parseRetryAfter(retryAfterHeader, now);
  if (asked === undefined) return backoffDelay(retriesDone, policy, random);
  if (asked > (policy.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs!)) return undefined;
  return asked;
}
