import { expect } from 'chai';
import type { Exchange } from '../../src/client/index.js';
import { judge } from '../../src/verify/conformance.js';
import type { CheckContext } from '../../src/verify/checks.js';
import type { PlannedRequest } from '../../src/verify/scenarios.js';

const request: PlannedRequest = { operationId: 'x.create', scenario: 'success', method: 'POST', path: '/x', authenticated: true };
const ctx: CheckContext = { operationId: 'x.create', scenario: 'success', successStatus: 201 };

function exchange(status: number, exhaustedRetries: boolean): Exchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/beta/x', headers: { 'client-request-id': 'c' } },
    response: { status, headers: { 'request-id': 'r', 'client-request-id': 'c', 'content-type': 'application/json' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } }, rawBody: '' },
    durationMs: 1, attempts: exhaustedRetries ? 4 : 1, exhaustedRetries,
  };
}

describe('judge (checks on one exchange)', () => {
  it('a failure caused by throttling that outlasted the retry budget becomes inconclusive', () => {
    const results = judge(exchange(429, true), ctx, request, ['status_code_conformance', 'request_id_present']);
    expect(results.map((r) => [r.check, r.status])).to.deep.equal([['status_code_conformance', 'inconclusive'], ['request_id_present', 'pass']]);
    expect(results[0].message).to.equal('provider still answered 429 after 4 attempts (retry budget spent)');
  });

  it('an answer longer than --max-response-size fails every applicable check, saying so (throttled or not)', () => {
    for (const status of [201, 429]) {
      const cut = exchange(status, status === 429);
      cut.response = { ...cut.response, body: undefined, rawBody: '', tooLarge: 1024 * 1024 };
      const results = judge(cut, ctx, request, ['status_code_conformance', 'request_id_present', 'auth_required']);
      expect(results.map((r) => [r.check, r.status, r.message])).to.deep.equal([
        ['status_code_conformance', 'fail', 'response larger than 1 MiB (--max-response-size)'],
        ['request_id_present', 'fail', 'response larger than 1 MiB (--max-response-size)'],
      ]);
    }
  });

  it('the same answer without exhausted retries is a failure, and not-applicable checks are dropped', () => {
    const results = judge(exchange(429, false), ctx, request, ['status_code_conformance', 'auth_required']);
    expect(results.map((r) => [r.check, r.status, r.httpStatus])).to.deep.equal([['status_code_conformance', 'fail', 429]]);
  });
});
