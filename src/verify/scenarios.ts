/**
 * What the schema-conformance run sends for each documented operation: the valid documented call and the
 * deliberately wrong ones a provider must refuse. Pure data builders: the same plan is printed by
 * `--dry-run` (with placeholders) and executed by conformance.ts (with the run's real fixture values).
 */
import type { Scenario } from './checks.js';
import type { ApplicationFixture } from './fixtures.js';
import type { NoApplicationParams } from '../contracts/states.js';
import { objectName } from './fixtures.js';

export interface PlannedRequest {
  operationId: string;
  scenario: Scenario;
  method: string;
  /** Below the base URL, ids filled in. */
  path: string;
  /** False for the no-token request. */
  authenticated: boolean;
  body?: unknown;
}

export interface ScenarioInputs {
  runId: string;
  /** The application fixture (operations that need one), or placeholders in a dry run. */
  app?: ApplicationFixture;
  /**
   * Fresh certificates (base64 DER) for the refused addKey requests, so that a provider which wrongly accepts
   * one does not make the next request fail for a duplicate key instead of for what it tests.
   */
  spareKeys?: string[];
  /** An application id no application has and a well-formed proof for it (the unknown-id request), or placeholders. */
  unknownApplication?: NoApplicationParams;
}

export interface OperationDriver {
  /** Operation id as in schemas/index.json (src/model/catalog.ts rules). */
  operationId: string;
  /** The run must create an application with a certificate first. */
  needsApplication: boolean;
  requests(inputs: ScenarioInputs): PlannedRequest[];
  /** For create operations: the kind of object a 2xx answer created, so the run deletes it. */
  creates?: 'sideLoadingKey';
  /** How many spare certificates the refused requests need. */
  spareKeys?: number;
  /** The requests address an application that does not exist too (ScenarioInputs.unknownApplication). */
  unknownApplication?: boolean;
}

/** The requests of one operation: the valid one, then the same with no token, a bad body, a bad proof. */
function variants(operationId: string, method: string, path: string, valid: unknown, invalidBody: unknown, invalidProofBody?: unknown): PlannedRequest[] {
  const base = { operationId, method, path };
  const out: PlannedRequest[] = [
    { ...base, scenario: 'success', authenticated: true, body: valid },
    { ...base, scenario: 'no-auth', authenticated: false, body: valid },
    { ...base, scenario: 'invalid-body', authenticated: true, body: invalidBody },
  ];
  if (invalidProofBody !== undefined) out.push({ ...base, scenario: 'invalid-proof', authenticated: true, body: invalidProofBody });
  return out;
}

const createSideLoadingKey: OperationDriver = {
  operationId: 'deviceAppManagement.sideLoadingKeys.create',
  needsApplication: false,
  creates: 'sideLoadingKey',
  requests: ({ runId }) => {
    const valid = {
      '@odata.type': '#microsoft.graph.sideLoadingKey',
      displayName: objectName(runId, 'sideloadingkey'),
      description: 'Created by graphpact verify; deleted at the end of the run.',
      value: 'GRAPH-PACTV-ERIFY-TESTK-EY001',
      totalActivation: 3,
    };
    // totalActivation is documented Int32: a string breaks the schema.
    return variants(createSideLoadingKey.operationId, 'POST', '/deviceAppManagement/sideLoadingKeys', valid, { ...valid, totalActivation: 'three' });
  },
};

/** Placeholders shown by --dry-run where the run would use values made at run time. */
export const PLACEHOLDER_APP: ApplicationFixture = {
  displayName: 'graphpact-<runId>-app',
  applicationId: '{applicationId}',
  proof: '<proof: RS256 JWT signed at run time>',
  invalidProof: '<proof signed by a key the application does not have>',
  newKey: '<base64 DER of a certificate made at run time>',
  newKeyThumbprint: '<thumbprint>',
  newKeyStartDateTime: '<now>',
  newKeyEndDateTime: '<now + 1 year>',
  newKeyPassword: '<password>',
  newKeyPfx: '<base64 PFX of that certificate and its key, opened by the password>',
};

/** Placeholders of the unknown application shown by --dry-run. */
export const PLACEHOLDER_UNKNOWN_APPLICATION: NoApplicationParams = { applicationId: '{unknownApplicationId}', proof: '<proof for that id, signed by a throw-away key>' };

const addKey: OperationDriver = {
  operationId: 'applications.addKey',
  needsApplication: true,
  unknownApplication: true,
  requests: ({ runId, app = PLACEHOLDER_APP, spareKeys = [], unknownApplication = PLACEHOLDER_UNKNOWN_APPLICATION }) => {
    const keyCredential = (key: string) => ({ type: 'AsymmetricX509Cert', usage: 'Verify', key, displayName: objectName(runId, 'addkey') });
    const spare = (i: number) => spareKeys[i] ?? '<another certificate made at run time>';
    // A dry run shows the placeholder as written; real ids are encoded.
    const encoded = (appId: string) => (/^\{\w+\}$/.test(appId) ? appId : encodeURIComponent(appId));
    const path = `/applications/${encoded(app.applicationId)}/addKey`;
    const base = { operationId: addKey.operationId, method: 'POST', path };
    return [
      { ...base, scenario: 'success', authenticated: true, body: { keyCredential: keyCredential(app.newKey), passwordCredential: null, proof: app.proof } },
      { ...base, scenario: 'no-auth', authenticated: false, body: { keyCredential: keyCredential(spare(0)), passwordCredential: null, proof: app.proof } },
      // keyCredential.type is documented String: a number breaks the schema.
      { ...base, scenario: 'invalid-body', authenticated: true, body: { keyCredential: { ...keyCredential(spare(1)), type: 12345 }, passwordCredential: null, proof: app.proof } },
      { ...base, scenario: 'invalid-proof', authenticated: true, body: { keyCredential: keyCredential(spare(2)), passwordCredential: null, proof: app.invalidProof } },
      // The contract's "application that does not exist": a valid proof for that id, so the only thing wrong is the id.
      { ...base, path: `/applications/${encoded(unknownApplication.applicationId)}/addKey`, scenario: 'unknown-id', authenticated: true, body: { keyCredential: keyCredential(spare(3)), passwordCredential: null, proof: unknownApplication.proof } },
    ];
  },
  spareKeys: 4,
};

/** Operations graphpact knows how to exercise, by operation id. */
export const DRIVERS: Record<string, OperationDriver> = {
  [createSideLoadingKey.operationId]: createSideLoadingKey,
  [addKey.operationId]: addKey,
};

/** The checks that can say anything about a scenario's response: a scenario none of them needs is not sent. */
const SCENARIO_CHECKS: Record<Scenario, string[]> = {
  success: ['status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'request_id_present', 'client_request_id_echoed', 'create_echoes_request', 'location_header'],
  'no-auth': ['auth_required', 'status_code_conformance', 'content_type_conformance', 'error_envelope_conformance', 'request_id_present', 'client_request_id_echoed'],
  'invalid-body': ['rejects_invalid_body', 'status_code_conformance', 'content_type_conformance', 'error_envelope_conformance', 'request_id_present', 'client_request_id_echoed'],
  'invalid-proof': ['proof_checked', 'status_code_conformance', 'content_type_conformance', 'error_envelope_conformance', 'request_id_present', 'client_request_id_echoed'],
  'unknown-id': ['unknown_id_404', 'status_code_conformance', 'content_type_conformance', 'error_envelope_conformance', 'request_id_present', 'client_request_id_echoed'],
  // Follow-ups are sent only for the stateful check that reads them.
  'read-after-write': ['read_after_write'],
  'list-after-create': ['list_contains_created'],
  'get-after-delete': ['delete_then_404'],
};

export function scenarioNeeded(scenario: Scenario, selected: string[]): boolean {
  return SCENARIO_CHECKS[scenario].some((name) => selected.includes(name));
}
