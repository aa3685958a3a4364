/** A small verification report with one Pact failure, one check failure, a warning and an inconclusive check. */
import { countStatuses, type VerificationReport } from '../../src/report/model.js';

export function sampleReport(over: Partial<VerificationReport> = {}): VerificationReport {
  const report: VerificationReport = {
    shape: 1,
    tool: { name: 'graphpact', version: '0.1.0' },
    runId: 'r1',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    provider: { baseUrl: 'http://127.0.0.1:1234/beta', embedded: false },
    outcome: 'non-conformant',
    exitCode: 1,
    strict: false,
    checksSelected: ['status_code_conformance', 'response_schema_conformance', 'auth_required'],
    totals: { pass: 0, fail: 0, warn: 0, inconclusive: 0, skip: 0 }, // derived below, as verify derives them
    pact: {
      ran: true,
      pactFiles: ['contracts/graphpact-graph.json'],
      interactions: [
        { description: 'create a sideLoadingKey', providerStates: [], status: 'pass', mismatches: [] },
        { description: 'addKey with an AsymmetricX509Cert', providerStates: ['an application with a valid certificate exists'], status: 'fail', mismatches: [{ message: 'expected status 200 but was 500', expected: '200', actual: '500' }] },
      ],
    },
    operations: [{
      id: 'deviceAppManagement.sideLoadingKeys.create', version: 'beta', method: 'POST', path: '/deviceAppManagement/sideLoadingKeys', status: 'fail',
      responseProperties: ['displayName', 'id', 'totalActivation'],
      checks: [
        { check: 'status_code_conformance', scenario: 'success', status: 'pass', message: 'status 201 as documented', request: { method: 'POST', path: '/deviceAppManagement/sideLoadingKeys' }, httpStatus: 201 },
        { check: 'response_schema_conformance', scenario: 'success', status: 'fail', message: 'response breaks the schema: /totalActivation must be integer', expected: '/totalActivation must be integer', actual: '{\n  "totalActivation": "5 <b>"\n}', request: { method: 'POST', path: '/deviceAppManagement/sideLoadingKeys' }, httpStatus: 201 },
        { check: 'response_schema_conformance', scenario: 'no-auth', status: 'skip', message: 'n/a', request: { method: 'POST', path: '/deviceAppManagement/sideLoadingKeys' }, httpStatus: 401 },
        { check: 'auth_required', scenario: 'no-auth', status: 'inconclusive', message: 'still 429 after retries', request: { method: 'POST', path: '/deviceAppManagement/sideLoadingKeys' }, httpStatus: 429 },
        { check: 'status_code_conformance', scenario: 'no-auth', status: 'warn', message: 'something odd', request: { method: 'POST', path: '/deviceAppManagement/sideLoadingKeys' }, httpStatus: 401 },
      ],
    }],
    cleanup: { created: 2, deleted: 2, leftovers: [] },
  };
  return { ...report, totals: countStatuses(report.operations, report.pact), ...over };
}
