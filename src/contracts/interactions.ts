/**
 * The interactions of the graphpact → graph contract. Pure: sources in, definitions out.
 *
 * Request bodies are the documented examples, repaired (src/contracts/repairs.ts); response matchers
 * come from the JSON Schemas with the repaired documented response as example. Response expectations
 * leave out OData control information (`@odata.*`): Graph adds or omits it as it likes.
 */
import type { AddKeyBody, SideLoadingKey } from '../client/graph-types.js';
import type { ContractSources } from './sources.js';
import { ContractSourceError } from './sources.js';
import { applyRepairs, FAKE, repairsFor, type ExampleKey } from './repairs.js';
import { graphErrorBody, interaction, mapStateValues, path, type InteractionDefinition } from './interaction.js';
import { ExampleMismatchError, type BodyMatchers } from './matchers-from-schema.js';
import { fromState, PARAMS, STATES, type ParamName } from './states.js';

export const CONSUMER = 'graphpact';
export const PROVIDER = 'graph';
/** Documented operations the contract covers live in this version (the version segment is in the provider's base URL). */
export const CONTRACT_VERSION = 'beta';

/** Fake object id of the application in examples (real ones come from the provider state). */
export const EXAMPLE_APPLICATION_ID = '00000000-0000-4000-8000-00000000a001';

const SIDE_LOADING_KEYS = path`/deviceAppManagement/sideLoadingKeys`;
const ADD_KEY = path`/applications/${fromState(PARAMS.applicationId, EXAMPLE_APPLICATION_ID)}/addKey`;

export function graphInteractions(sources: ContractSources): InteractionDefinition[] {
  const sideLoadingKey = repaired(sources, `${CONTRACT_VERSION} deviceAppManagement.sideLoadingKeys.create request`) as SideLoadingKey;
  const sideLoadingKeyCreated = responseMatchers(sources, 'deviceAppManagement.sideLoadingKeys.create',
    withoutODataControl(repaired(sources, `${CONTRACT_VERSION} deviceAppManagement.sideLoadingKeys.create response`)));

  const asymmetricKey = repaired(sources, `${CONTRACT_VERSION} applications.addKey request`) as Record<string, unknown>;
  const keyAdded = withoutODataControl(repaired(sources, `${CONTRACT_VERSION} applications.addKey response`)) as Record<string, unknown>;
  // Graph reference (serviceprincipal-addkey, example 2): an X509CertAndPassword key is used to Sign; its
  // key is a PFX (certificate + private key) and travels with the password that opens it in
  // passwordCredential.secretText. The PFX holds a private key, so its example is the redaction marker.
  const keyCredential = asymmetricKey.keyCredential as Record<string, unknown>;
  const keyWithPassword = {
    ...asymmetricKey,
    keyCredential: { ...keyCredential, type: 'X509CertAndPassword', usage: 'Sign', key: fromState(PARAMS.newKeyPfx, FAKE.secret) },
    passwordCredential: { secretText: fromState(PARAMS.newKeyPassword, FAKE.secret) },
  };
  const keyWithPasswordAdded = { ...keyAdded, type: 'X509CertAndPassword', usage: 'Sign' };

  return [
    interaction('a request to create a sideLoadingKey')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withBearerToken()
      .withJsonBody(sideLoadingKey)
      .willRespondWith(201, sideLoadingKeyCreated)
      .exercisedBy(createSideLoadingKey),

    interaction('a request to add an AsymmetricX509Cert key to an application')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      .withJsonBody(asymmetricKey)
      .willRespondWith(200, responseMatchers(sources, 'applications.addKey', keyAdded))
      .exercisedBy(addKey),

    interaction('a request to add an X509CertAndPassword key and its password to an application')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      .withJsonBody(keyWithPassword)
      .willRespondWith(200, responseMatchers(sources, 'applications.addKey', keyWithPasswordAdded))
      .exercisedBy(addKey),

    interaction('a request to create a sideLoadingKey with no Authorization header')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withJsonBody(sideLoadingKey)
      .willRespondWith(401, graphErrorBody('InvalidAuthenticationToken', 'Access token is empty.'))
      .exercisedBy(createSideLoadingKey),

    interaction('a request to create a sideLoadingKey with an invalid body')
      .withRequest('POST', SIDE_LOADING_KEYS)
      .withBearerToken()
      // The documented body with one defect a provider must reject: an Int32 sent as text.
      .withJsonBody({ ...sideLoadingKey, totalActivation: 'fifteen' })
      .willRespondWith(400, graphErrorBody('BadRequest', 'Cannot convert the literal \'fifteen\' to the expected type \'Edm.Int32\'.'))
      .exercisedBy(createSideLoadingKey),

    interaction('a request to add a key with an invalid proof')
      .given(STATES.applicationWithCertificate)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      // A well-formed proof signed by a key that is not one of the application's certificates.
      .withJsonBody({ ...asymmetricKey, proof: fromState(PARAMS.invalidProof, FAKE.secret) })
      .willRespondWith(401, graphErrorBody('Authentication_InvalidProof', 'The proof of possession is not valid.'))
      .exercisedBy(addKey),

    interaction('a request to add a key to an application that does not exist')
      .given(STATES.noApplication)
      .withRequest('POST', ADD_KEY)
      .withBearerToken()
      // Only the id and the proof come from the state: the key itself never reaches a provider that checks the id first.
      .withJsonBody(keepStateValues(asymmetricKey, [PARAMS.proof]))
      .willRespondWith(404, graphErrorBody('Request_ResourceNotFound', `Resource '${EXAMPLE_APPLICATION_ID}' does not exist or one of its queried reference-property objects are not present.`))
      .exercisedBy(addKey),
  ];
}

/** The client calls the interactions exercise: a consumer creates keys and adds keys, nothing else. */
const createSideLoadingKey: InteractionDefinition['exercise'] = (client, ex) => client.createSideLoadingKey(ex.body as SideLoadingKey);
const addKey: InteractionDefinition['exercise'] = (client, ex) => client.addKey(ex.params.applicationId, ex.body as AddKeyBody);

function repaired(sources: ContractSources, key: ExampleKey): unknown {
  const documented = sources.example(key);
  try {
    return applyRepairs(documented.value, repairsFor(key));
  } catch (err) {
    throw new ContractSourceError(`${documented.source}: ${(err as Error).message}`);
  }
}

function responseMatchers(sources: ContractSources, operationId: string, example: unknown): BodyMatchers {
  try {
    return sources.responseMatchers(CONTRACT_VERSION, operationId, example);
  } catch (err) {
    if (err instanceof ExampleMismatchError) {
      throw new ContractSourceError(`${sources.example(`${CONTRACT_VERSION} ${operationId} response`).source}: ${err.message} (add a repair in src/contracts/repairs.ts)`);
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
