import { expect } from 'chai';
import {
  checks, selectChecks, parseContentType, envelopeKey, CHECK_NAMES,
  type CheckContext, type SchemaVerdict,
} from '../../src/verify/checks.js';
import type { CheckedExchange } from '../../src/verify/exchange.js';

const GRAPH_CT = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const KEY_PROPS = ['id', 'value', 'displayName', 'description', 'totalActivation', 'lastUpdatedDateTime'];

function exchange(status: number, body: unknown, headers: Record<string, string> = {}, requestHeaders: Record<string, string> = {}): CheckedExchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/beta/x', headers: { 'client-request-id': 'c1d2', ...requestHeaders } },
    response: { status, body, headers: { 'content-type': GRAPH_CT, 'request-id': 'r-1', 'client-request-id': 'c1d2', ...headers } },
  };
}

/** A tiny stand-in for the ajv validator: totalActivation must be an integer. */
const validateKey = (body: unknown): SchemaVerdict => {
  const v = (body as Record<string, unknown>).totalActivation;
  return v === undefined || Number.isInteger(v) ? { valid: true, errors: [] } : { valid: false, errors: [{ path: '/totalActivation', message: 'must be integer' }] };
};

const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  operationId: 'deviceAppManagement.sideLoadingKeys.create', scenario: 'success', successStatus: 201,
  validateResponse: validateKey, documentedProperties: KEY_PROPS, ...over,
});

const goodKey = { '@odata.type': '#microsoft.graph.sideLoadingKey', id: 'a1', value: 'V', displayName: 'd', totalActivation: 5 };
const envelope = { error: { code: 'Request_BadRequest', message: 'bad', innerError: { 'request-id': 'r-1', date: '2026-01-01T00:00:00' } } };

describe('verify checks', () => {
  it('lists every check by name', () => {
    expect(CHECK_NAMES).to.include.members(['status_code_conformance', 'content_type_conformance', 'response_schema_conformance',
      'error_envelope_conformance', 'request_id_present', 'client_request_id_echoed', 'auth_required', 'rejects_invalid_body', 'proof_checked', 'unknown_id_404']);
  });

  describe('status_code_conformance', () => {
    it('passes the documented success status', () => expect(checks.status_code_conformance(exchange(201, goodKey), ctx()).status).to.equal('pass'));
    it('fails another success status', () => {
      const r = checks.status_code_conformance(exchange(200, goodKey), ctx());
      expect(r.status).to.equal('fail');
      expect(r.message).to.contain('201').and.contain('200');
    });
    it('fails an error status Graph does not use', () => expect(checks.status_code_conformance(exchange(418, envelope), ctx({ scenario: 'no-auth' })).status).to.equal('fail'));
    it('passes a documented error status', () => expect(checks.status_code_conformance(exchange(401, envelope), ctx({ scenario: 'no-auth' })).status).to.equal('pass'));
  });

  describe('content_type_conformance', () => {
    it('accepts Graph\'s content type with OData parameters', () => expect(checks.content_type_conformance(exchange(201, goodKey), ctx()).status).to.equal('pass'));
    it('fails text/plain', () => expect(checks.content_type_conformance(exchange(201, goodKey, { 'content-type': 'text/plain' }), ctx()).status).to.equal('fail'));
    it('fails a missing content type', () => {
      const ex = exchange(201, goodKey);
      delete ex.response.headers['content-type'];
      expect(checks.content_type_conformance(ex, ctx()).status).to.equal('fail');
    });
    it('fails a non-utf-8 charset', () => expect(checks.content_type_conformance(exchange(201, goodKey, { 'content-type': 'application/json; charset=iso-8859-1' }), ctx()).status).to.equal('fail'));
    it('skips 204', () => expect(checks.content_type_conformance(exchange(204, ''), ctx()).status).to.equal('skip'));
    it('parses parameters', () => expect(parseContentType(GRAPH_CT).params['odata.metadata']).to.equal('minimal'));
  });

  describe('response_schema_conformance', () => {
    it('passes a valid body', () => expect(checks.response_schema_conformance(exchange(201, goodKey), ctx()).status).to.equal('pass'));
    it('fails totalActivation as a string, naming the property', () => {
      const r = checks.response_schema_conformance(exchange(201, { ...goodKey, totalActivation: '5' }), ctx());
      expect(r.status).to.equal('fail');
      expect(r.message).to.contain('/totalActivation');
      expect(r.actual).to.contain('"5"');
    });
    it('fails a missing id', () => {
      const { id: _id, ...noId } = goodKey;
      const r = checks.response_schema_conformance(exchange(201, noId), ctx());
      expect(r.status).to.equal('fail');
      expect(r.message).to.contain('"id"');
    });
    it('fails a body wrapped in an undocumented envelope', () => {
      const r = checks.response_schema_conformance(exchange(200, { value: { keyId: 'k' } }), ctx({ successStatus: 200, documentedProperties: ['keyId', 'type', 'usage'] }));
      expect(r.status).to.equal('fail');
      expect(r.message).to.contain('"value" envelope');
    });
    it('warns (not fails) on undocumented extra properties', () => {
      const r = checks.response_schema_conformance(exchange(201, { ...goodKey, tenantHint: 'x', createdBy: 'y' }), ctx());
      expect(r.status).to.equal('warn');
      expect(r.message).to.contain('createdBy, tenantHint');
    });
    it('fails a body that is not a JSON object', () => expect(checks.response_schema_conformance(exchange(201, 'oops'), ctx()).status).to.equal('fail'));
    it('skips error scenarios', () => expect(checks.response_schema_conformance(exchange(401, envelope), ctx({ scenario: 'no-auth' })).status).to.equal('skip'));
    it('finds envelopes only around objects under an undocumented key', () => {
      expect(envelopeKey({ value: { a: 1 } }, ['id'])).to.equal('value');
      expect(envelopeKey({ value: 'x' }, ['id'])).to.equal(undefined);
      expect(envelopeKey({ id: { a: 1 } }, ['id'])).to.equal(undefined);
      expect(envelopeKey({ value: { a: 1 } }, [])).to.equal(undefined);
    });
  });

  describe('error_envelope_conformance', () => {
    it('passes Graph\'s envelope', () => expect(checks.error_envelope_conformance(exchange(400, envelope), ctx({ scenario: 'invalid-body' })).status).to.equal('pass'));
    it('fails a plain text error', () => {
      const r = checks.error_envelope_conformance(exchange(400, 'Bad Request'), ctx({ scenario: 'invalid-body' }));
      expect(r.status).to.equal('fail');
      expect(r.actual).to.equal('Bad Request');
    });
    it('fails an envelope without a code', () => expect(checks.error_envelope_conformance(exchange(400, { error: { message: 'x' } }), ctx()).status).to.equal('fail'));
    it('warns when innerError is missing', () => expect(checks.error_envelope_conformance(exchange(400, { error: { code: 'a', message: 'b' } }), ctx()).status).to.equal('warn'));
    it('skips success responses', () => expect(checks.error_envelope_conformance(exchange(201, goodKey), ctx()).status).to.equal('skip'));
  });

  describe('request_id_present', () => {
    it('passes with request-id', () => expect(checks.request_id_present(exchange(201, goodKey), ctx()).status).to.equal('pass'));
    it('fails without', () => {
      const ex = exchange(201, goodKey);
      delete ex.response.headers['request-id'];
      expect(checks.request_id_present(ex, ctx()).status).to.equal('fail');
    });
  });

  describe('client_request_id_echoed', () => {
    it('passes when echoed', () => expect(checks.client_request_id_echoed(exchange(201, goodKey), ctx()).status).to.equal('pass'));
    it('fails when a different value comes back', () => expect(checks.client_request_id_echoed(exchange(201, goodKey, { 'client-request-id': 'other' }), ctx()).status).to.equal('fail'));
    it('fails when not echoed', () => {
      const ex = exchange(201, goodKey);
      delete ex.response.headers['client-request-id'];
      expect(checks.client_request_id_echoed(ex, ctx()).status).to.equal('fail');
    });
  });

  for (const [name, scenario, wanted] of [['auth_required', 'no-auth', 401], ['rejects_invalid_body', 'invalid-body', 400], ['proof_checked', 'invalid-proof', 401], ['unknown_id_404', 'unknown-id', 404]] as const) {
    describe(name, () => {
      it(`passes ${wanted} for the ${scenario} request`, () => expect(checks[name](exchange(wanted, envelope), ctx({ scenario })).status).to.equal('pass'));
      it(`fails when the ${scenario} request is accepted`, () => {
        const r = checks[name](exchange(201, goodKey), ctx({ scenario }));
        expect(r.status).to.equal('fail');
        expect(r.message).to.contain('accepted');
      });
      it('fails another error status', () => expect(checks[name](exchange(500, envelope), ctx({ scenario })).status).to.equal('fail'));
      it('skips other requests', () => expect(checks[name](exchange(201, goodKey), ctx()).status).to.equal('skip'));
    });
  }

  describe('selectChecks', () => {
    it('selects all by default, a subset in report order, and rejects unknown names', () => {
      expect(selectChecks(undefined)).to.deep.equal(CHECK_NAMES);
      expect(selectChecks('auth_required, status_code_conformance')).to.deep.equal(['status_code_conformance', 'auth_required']);
      expect(() => selectChecks('nope')).to.throw(/unknown check\(s\) nope/);
    });
  });
});
