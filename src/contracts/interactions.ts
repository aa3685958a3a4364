/**
 * The interactions of the graphpact → graph contract. Pure: sources in, definitions out.
 *
 * Request bodies are the documented examples as the errata correct them (apidocs/errata, applied to
 * the catalog: one corrected truth for schemas, OpenAPI and contracts); values only a provider state
 * knows become StateValues. Response matchers come from the JSON Schemas with the corrected documented
 * response as example. Response expectations leave out OData control information (`@odata.*`): Graph
 * adds or omits it as it likes. Each interaction names the errata its bodies follow in its comments.
 */
import type { AddKeyBody, SideLoadingKey } from '../client/graph-types.js';
import type { ContractSources, DocumentedBody, ExampleKey } from './sources.js';
import { ContractSourceError } from './sources.js';
import { graphErrorBody, interaction, mapStateValues, path, type InteractionDefinition } from './interaction.js';
import { ExampleMismatchError, type BodyMatchers } from './matchers-from-schema.js';
import { FAKE, fromState, PARAMS, STATES, type ParamName } from './states.js';

export const CONSUMER = 'graphpact';
export const PROVIDER = 'graph';
/** Documented operations the contract covers live in this version (the version segment is in the provider's base URL). */
export const CONTRACT_VERSION = 'beta';

/** Fake object id of the application in examples (real ones come from the provider state). */
export const EXAMPLE_APPLICATION_ID = '00000000-0000-4000-8000-00000000a001';

const SIDE_LOADING_KEYS = path`/deviceAppManagement/sideLoadingKeys`;
const ADD_KEY = path`/applications/${fromState(PARAMS.applicationId, EXAMPLE_APPLICATION_ID)}/addKey`;

/**
 * Values of the corrected addKey request example that only a provider state can know at verification
 * (a fresh certificate, its thumbprint and expiry, a signed proof); the example keeps the documented value.
 */
const ADD_KEY_STATE_VALUES: Record<string, ParamName> = {
  '/keyCredential/customKeyIdentifier': PARAMS.newKeyThumbprint,
  '/keyCredential/endDateTime': PARAMS.newKeyEndDateTime,
  '/keyCredential/key': PARAMS.newKey,
  '/proof': PARAMS.proof,
};

export function graphInteractions(sources: ContractSources): InteractionDefinition[] {
  const createRequest = sources.example(`${CONTRACT_VERSION} deviceAppManagement.sideLoadingKeys.create request`);
  const createResponse = sources.example(`${CONTRACT_VERSION} deviceAppManagement.sideLoadingKeys.create response`);
  const sideLoadingKey = createRequest.value as SideLoadingKey;
  const sideLoadingKeyCreated = responseMatchers(sources, 'deviceAppManagement.sideLoadingKeys.create', withoutODataControl(createResponse.value));
  const createErrata = errataComments(createRequest, createResponse);

  const addKeyRequest = sources.example(`${CONTRACT_VERSION} applications.addKey request`);
  const addKeyResponse = sources.example(`${CONTRACT_VERSION} applications.addKey response`);
  const asymmetricKey = withStateValues(addKeyRequest, ADD_KEY_STATE_VALUES) as Record<string, unknown>;
  const keyAdded = withoutODataControl(addKeyResponse.value) as Record<string, unknown>;
  const addKeyErrata = errataComments(addKeyRequest, addKeyResponse);
  const addKeyRequestErrata = errataComments(addKeyRequest);
  // Graph reference (serviceprincipal-addkey, example 2): an X509CertAndPassword key is used to Sign; its
  // key is a PFX (certificate + private key) and travels with the password that opens it in
  // passwordCredential.secretText. The PFX holds a private key, so its example is the base64 redaction marker.
  const keyCredential = asymmetricKey.keyCredential as Record<string, unknown>;
  const keyWithPassword = {
    ...asymmetricKey,
    keyCredential: { ...keyCredential, type: 'X509CertAndPassword', usage: 'Sign', key: fromState(PARAMS.newKeyPfx, FAKE.secretBase64) },
    passwordCredential: { secretText: fromState(PARAMS.newKeyPassword, FAKE.secret) },
  };
  const keyWithPasswordAdded = { ...keyAdded, type: 'X509CertAndPassword', usage: 'Sign' };

  return [
    interaction('a request to create a sideLoadingKey')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withBearerToken()
      .withJsonBody(sideLoadingKey)
      .willRespondWith(201, sideLoadingKeyCreated)
      .correctedBy(createErrata)
      .exercisedBy(createSideLoadingKey),

    interaction('a request to add an AsymmetricX509Cert key to an application')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      .withJsonBody(asymmetricKey)
      .willRespondWith(200, responseMatchers(sources, 'applications.addKey', keyAdded))
      .correctedBy(addKeyErrata)
      .exercisedBy(addKey),

    interaction('a request to add an X509CertAndPassword key and its password to an application')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      .withJsonBody(keyWithPassword)
      .willRespondWith(200, responseMatchers(sources, 'applications.addKey', keyWithPasswordAdded))
      .correctedBy(addKeyErrata)
      .exercisedBy(addKey),

    interaction('a request to create a sideLoadingKey with no Authorization header')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withJsonBody(sideLoadingKey)
      .willRespondWith(401, graphErrorBody('InvalidAuthenticationToken', 'Access token is empty.'))
      .correctedBy(errataComments(createRequest))
      .exercisedBy(createSideLoadingKey),

    interaction('a request to create a sideLoadingKey with an invalid body')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withBearerToken()
      // The documented body with one defect a provider must reject: an Int32 sent as text.
      .withJsonBody({ ...sideLoadingKey, totalActivation: 'fifteen' })
      .willRespondWith(400, graphErrorBody('BadRequest', 'Cannot convert the literal \'fifteen\' to the expected type \'Edm.Int32\'.'))
      .correctedBy(errataComments(createRequest))
      .exercisedBy(createSideLoadingKey),

    interaction('a request to add a key with an invalid proof')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      // A well-formed proof signed by a key that is not one of the application's certificates.
      .withJsonBody({ ...asymmetricKey, proof: fromState(PARAMS.invalidProof, FAKE.secret) })
      .willRespondWith(401, graphErrorBody('Authentication_InvalidProof', 'The proof of possession is not valid.'))
      .correctedBy(addKeyRequestErrata)
      .exercisedBy(addKey),

    interaction('a request to add a key to an application that does not exist')
      .given(STATES.noApplication)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      // Only the id and the proof come from the state: the key itself never reaches a provider that checks the id first.
      .withJsonBody(keepStateValues(asymmetricKey, [PARAMS.proof]))
      .willRespondWith(404, graphErrorBody('Request_ResourceNotFound', `Resource '${EXAMPLE_APPLICATION_ID}' does not exist or one of its queried reference-property objects are not present.`))
      .correctedBy(addKeyRequestErrata)
      .exercisedBy(addKey),
  ];
}

/** The client calls the interactions exercise: a consumer creates keys and adds keys, nothing else. */
const createSideLoadingKey: InteractionDefinition['exercise'] = (client, ex) => client.createSideLoadingKey(ex.body as SideLoadingKey);
const addKey: InteractionDefinition['exercise'] = (client, ex) => client.addKey(ex.params.applicationId, ex.body as AddKeyBody);

/** The errata the given examples follow, once each, in order: `erratum <id>: <reason>`. */
function errataComments(...bodies: DocumentedBody[]): string[] {
  const seen = new Map<string, string>();
  for (const body of bodies) for (const e of body.errata) if (!seen.has(e.id)) seen.set(e.id, e.reason);
  return [...seen].map(([id, reason]) => `erratum ${id}: ${reason}`);
}

/** The example with the values at `bindings` replaced by StateValues (their documented value as example). */
function withStateValues(documented: DocumentedBody, bindings: Record<string, ParamName>): unknown {
  const out = structuredClone(documented.value) as Record<string, unknown>;
  for (const [pointer, param] of Object.entries(bindings)) {
    const segments = pointer.split('/').slice(1);
    const last = segments.pop() as string;
    let parent: unknown = out;
    for (const s of segments) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[s] : undefined;
    const value = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[last] : undefined;
    if (typeof value !== 'string') {
      throw new ContractSourceError(`${documented.source}: the corrected example has no string at ${pointer} for the provider state's ${param} (did the docs or apidocs/errata change?)`);
    }
    (parent as Record<string, unknown>)[last] = fromState(param, value);
  }
  return out;
}

function responseMatchers(sources: ContractSources, operationId: string, example: unknown): BodyMatchers {
  try {
    return sources.responseMatchers(CONTRACT_VERSION, operationId, example);
  } catch (err) {
    if (err instanceof ExampleMismatchError) {
      throw new ContractSourceError(`${sources.example(`${CONTRACT_VERSION} ${operationId} response` as ExampleKey).source}: ${err.message} (correct the example with an erratum in apidocs/errata)`);
    }
    throw err;
  }
}

/** Top-level `@odata.*` properties removed (Graph may omit or add them). */
export function withoutODataControl(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('@odata.')));
}

/** Replaces every StateValue whose param is not in `keep` by its example. */
function keepStateValues(body: unknown, keep: ParamName[]): unknown {
  return mapStateValues(body, (value) => (keep.includes(value.param) ? value : value.example));
}
