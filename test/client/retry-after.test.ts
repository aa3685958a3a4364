import { expect } from 'chai';
import { backoffDelay, parseRetryAfter, retryDelay, type RetryPolicy } from '../../src/client/retry-after.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('client/parseRetryAfter', () => {
  it('reads whole seconds', () => {
    expect(parseRetryAfter('2', NOW)).to.equal(2000);
    expect(parseRetryAfter(' 0 ', NOW)).to.equal(0);
  });
  it('reads fractional seconds', () => {
    expect(parseRetryAfter('1.5', NOW)).to.equal(1500);
    expect(parseRetryAfter('0.25', NOW)).to.equal(250);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', NOW)).to.equal(3000);
  });
  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', NOW)).to.equal(0);
  });
  it('rejects garbage, negatives and absence', () => {
    for (const value of ['soon', '', '-1', '1e3', '12abc', 'NaN', undefined, null]) {
      expect(parseRetryAfter(value, NOW), String(value)).to.equal(undefined);
    }
  });
});

describe('client/backoff and retryDelay', () => {
  const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 500, maxRetryAfterMs: 10_000 };

  it('grows exponentially with jitter and is capped', () => {
    expect(backoffDelay(0, policy, () => 0)).to.equal(50);
    expect(backoffDelay(0, policy, () => 1)).to.equal(100);
    expect(backoffDelay(2, policy, () => 1)).to.equal(400);
    expect(backoffDelay(10, policy, () => 1)).to.equal(500);
    expect(backoffDelay(10, policy, () => 0)).to.equal(250);
  });
  it('honours Retry-After on 429, 503 and 504', () => {
    for (const status of [429, 503, 504]) expect(retryDelay(status, '1.5', 0, policy, NOW)).to.equal(1500);
  });
  it('falls back to backoff when Retry-After is absent or unreadable', () => {
    expect(retryDelay(503, undefined, 1, policy, NOW, () => 1)).to.equal(200);
    expect(retryDelay(429, 'later', 0, policy, NOW, () => 1)).to.equal(100);
  });
  it('stops when the budget is spent, the status is not retryable, or the wait is too long', () => {
    expect(retryDelay(429, '1', 3, policy, NOW)).to.equal(undefined);
    expect(retryDelay(500, '1', 0, policy, NOW)).to.equal(undefined);
    expect(retryDelay(200, undefined, 0, policy, NOW)).to.equal(undefined);
    expect(retryDelay(429, '3600', 0, policy, NOW)).to.equal(undefined);
  });
});
