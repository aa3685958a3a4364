/**
 * The seed contract: the interactions of the two seed operations (create sideLoadingKey, application
 * addKey), made by the generic mechanism (src/contracts/generic.ts) with these specialisations layered on.
 * The generic interactions give each operation its documented request (the example as the errata correct
 * it: apidocs/errata applied to the catalog, one corrected truth for schemas, OpenAPI and contracts), its
 * documented status, response matchers from the JSON Schemas and the errors of its collection (401 without
 * a token, 400 for an invalid body). The specialisations add what only these operations have: the
 * certificate, proof and PFX provider states and the body values bound to them, the typed client calls,
 * the refused invalid proof, the X509CertAndPassword key and the unknown application.
 * Pure: sources in, definitions out.
 */
import type { AddKeyBody, SideLoadingKey } from '../client/graph-types.js';
import type { ContractSources } from './sources.js';
import { ContractSourceError } from './sources.js';
import { graphErrorBody, interaction, mapStateValues, path, type InteractionDefinition, type RequestPath } from './interaction.js';
import { ExampleMismatchError } from './matchers-from-schema.js';
import { FAKE, fromState, PARAMS, STATES, type ParamName, type StateName } from './states.js';
import { genericInteractions, withoutODataControl, type GenericKind, type Specialisation, type SpecialisationInput, type Specialisations } from './generic.js';
import { assessOperations } from '../select/assess.js';

export { withoutODataControl };

export const CONSUMER = 'graphpact';
export const PROVIDER = 'graph';
/** Documented operations the contract covers live in this version (the version segment is in the provider's base URL). */
export const CONTRACT_VERSION = 'beta';

/** Fake object id of the application in examples (real ones come from the provider state). */
export const EXAMPLE_APPLICATION_ID = '00000000-0000-4000-8000-00000000a001';

const SIDE_LOADING_KEYS = 'deviceAppManagement.sideLoadingKeys.create';
const ADD_KEY = 'applications.addKey';
const ADD_KEY_PATH = path`/applications/${fromState(PARAMS.applicationId, EXAMPLE_APPLICATION_ID)}/addKey`;

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

/** The seed contract: the seed operations' generic interactions, specialised. */
export function graphInteractions(sources: ContractSources): InteractionDefinition[] {
  const ops = Object.keys(SEED_SPECIALISATIONS).map((key) => {
    const [version, id] = key.split(':');
    const op = sources.catalog.operations.find((o) => o.version === version && o.id === id);
    if (!op) throw new ContractSourceError(`the docs document no operation ${id} in version ${version}`);
    return op;
  });
  const assessments = assessOperations(sources.catalog.operations, ops);
  for (const a of assessments) {
    if (!a.verifiable) throw new ContractSourceError(`${a.source.file}:${a.source.line}: ${a.id} (${a.version}) cannot be contracted: ${a.reason!.message}`);
  }
  return genericInteractions({ catalog: sources.catalog, assessments, sources, specialisations: SEED_SPECIALISATIONS });
}

/** A generic interaction re-made with the builder: new description, state, path and body; its status, matchers and errata kept. */
function remade(generic: InteractionDefinition, description: string, over: { state?: StateName; path?: RequestPath; body?: unknown; response?: InteractionDefinition['response']; comments?: string[] }, exercise: InteractionDefinition['exercise']): InteractionDefinition {
  let builder = interaction(description);
  if (over.state) builder = builder.given(over.state);
  builder = builder.withRequest(generic.request.method, over.path ?? generic.request.path);
  if (generic.request.bearer) builder = builder.withBearerToken();
  const body = 'body' in over ? over.body : generic.request.body;
  if (body !== undefined) builder = builder.withJsonBody(body);
  const response = over.response ?? generic.response;
  return builder.willRespondWith(response.status, response.body).correctedBy(over.comments ?? generic.comments ?? []).exercisedBy(exercise);
}

/** The documented (corrected) request body of the specialised operation, with where it is. */
function documentedBody(input: SpecialisationInput): { value: Record<string, unknown>; source: string } {
  const value = input.assessment.request?.body;
  const source = `${input.assessment.source.file}:${input.assessment.request?.exampleLine ?? input.assessment.source.line}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ContractSourceError(`${source}: the corrected request example of ${input.op.id} is not a JSON object`);
  return { value: value as Record<string, unknown>, source };
}

const SIDE_LOADING_KEY_DESCRIPTIONS: Partial<Record<GenericKind, string>> = {
  documented: 'a request to create a sideLoadingKey',
  'no-auth': 'a request to create a sideLoadingKey with no Authorization header',
  'invalid-body': 'a request to create a sideLoadingKey with an invalid body',
};

/** Create sideLoadingKey: the typed client's call, and an invalid body a person can read (an Int32 sent as text). */
const sideLoadingKeyCreate: Specialisation = {
  specialise(kind, generic, input) {
    const description = SIDE_LOADING_KEY_DESCRIPTIONS[kind] ?? generic.description;
    if (kind !== 'invalid-body') return remade(generic, description, {}, createSideLoadingKey);
    // The documented body with one defect a provider must reject: an Int32 sent as text.
    return remade(generic, description, {
      body: { ...documentedBody(input).value, totalActivation: 'fifteen' },
      response: { status: 400, body: graphErrorBody('BadRequest', 'Cannot convert the literal \'fifteen\' to the expected type \'Edm.Int32\'.') },
    }, createSideLoadingKey);
  },
};

const ADD_KEY_DESCRIPTIONS: Partial<Record<GenericKind, string>> = {
  documented: 'a request to add an AsymmetricX509Cert key to an application',
  'no-auth': 'a request to add a key to an application with no Authorization header',
  'invalid-body': 'a request to add a key with an invalid body',
};

/**
 * addKey: the application the path addresses is made by the seed state `an application with a valid
 * certificate exists` (it also yields the new key, its thumbprint and expiry, and proofs signed with the
 * registered certificate) instead of the generic `an object of /applications exists`; the documented body's
 * key, thumbprint, expiry and proof are bound to that state.
 */
const addKey: Specialisation = {
  specialise(kind, generic, input) {
    const description = ADD_KEY_DESCRIPTIONS[kind] ?? generic.description;
    const key = asymmetricKey(input);
    if (kind === 'invalid-body') {
      // keyCredential.type is documented String: a number breaks the schema (the rest stays valid).
      const keyCredential = key.keyCredential as Record<string, unknown>;
      return remade(generic, description, { state: STATES.applicationWithCertificate, path: ADD_KEY_PATH, body: { ...key, keyCredential: { ...keyCredential, type: 12345 } } }, addKeyCall);
    }
    return remade(generic, description, { state: STATES.applicationWithCertificate, path: ADD_KEY_PATH, body: key }, addKeyCall);
  },
  extra(input, documented) {
    const key = asymmetricKey(input);
    // Graph reference (serviceprincipal-addkey, example 2): an X509CertAndPassword key is used to Sign; its
    // key is a PFX (certificate + private key) and travels with the password that opens it in
    // passwordCredential.secretText. The PFX holds a private key, so its example is the base64 redaction marker.
    const keyCredential = key.keyCredential as Record<string, unknown>;
    const keyWithPassword = {
      ...key,
      keyCredential: { ...keyCredential, type: 'X509CertAndPassword', usage: 'Sign', key: fromState(PARAMS.newKeyPfx, FAKE.secretBase64) },
      passwordCredential: { secretText: fromState(PARAMS.newKeyPassword, FAKE.secret) },
    };
    const added = responseExample(input);
    const keyWithPasswordAdded = { ...added, type: 'X509CertAndPassword', usage: 'Sign' };
    const onApplication = { state: STATES.applicationWithCertificate, path: ADD_KEY_PATH };
    return [
      remade(documented, 'a request to add an X509CertAndPassword key and its password to an application', {
        ...onApplication, body: keyWithPassword, response: { status: documented.response.status, body: responseMatchers(input, keyWithPasswordAdded) },
      }, addKeyCall),
      // A well-formed proof signed by a key that is not one of the application's certificates.
      remade(documented, 'a request to add a key with an invalid proof', {
        ...onApplication, body: { ...key, proof: fromState(PARAMS.invalidProof, FAKE.secret) }, comments: input.requestErrata,
        response: { status: 401, body: graphErrorBody('Authentication_InvalidProof', 'The proof of possession is not valid.') },
      }, addKeyCall),
      // Only the id and the proof come from the state: the key itself never reaches a provider that checks the id first.
      remade(documented, 'a request to add a key to an application that does not exist', {
        state: STATES.noApplication, path: ADD_KEY_PATH, body: keepStateValues(key, [PARAMS.proof]), comments: input.requestErrata,
        response: { status: 404, body: graphErrorBody('Request_ResourceNotFound', `Resource '${EXAMPLE_APPLICATION_ID}' does not exist or one of its queried reference-property objects are not present.`) },
      }, addKeyCall),
    ];
  },
};

/** The seed operations' specialisations, by `version:operationId`. */
export const SEED_SPECIALISATIONS: Specialisations = {
  [`${CONTRACT_VERSION}:${SIDE_LOADING_KEYS}`]: sideLoadingKeyCreate,
  [`${CONTRACT_VERSION}:${ADD_KEY}`]: addKey,
};

/** The corrected addKey example with the values only the provider state knows bound to it. */
function asymmetricKey(input: SpecialisationInput): Record<string, unknown> {
  const { value, source } = documentedBody(input);
  return withStateValues(value, source, ADD_KEY_STATE_VALUES) as Record<string, unknown>;
}

/** The documented response example of the operation, `@odata.*` control information left out. */
function responseExample(input: SpecialisationInput): Record<string, unknown> {
  const body = input.op.examples.map((e) => e.response?.body?.value).find((v) => v && typeof v === 'object' && !Array.isArray(v));
  if (!body) throw new ContractSourceError(`${input.assessment.source.file}: no response example with a JSON body for ${input.op.id} (${input.op.version})`);
  return withoutODataControl(body) as Record<string, unknown>;
}

/** The typed client's calls: a consumer creates keys and adds keys, nothing else. */
const createSideLoadingKey: InteractionDefinition['exercise'] = (client, ex) => client.createSideLoadingKey(ex.body as SideLoadingKey);
const addKeyCall: InteractionDefinition['exercise'] = (client, ex) => client.addKey(ex.params.applicationId, ex.body as AddKeyBody);

/** The example with the values at `bindings` replaced by StateValues (their documented value as example). */
function withStateValues(documented: unknown, source: string, bindings: Record<string, ParamName>): unknown {
  const out = structuredClone(documented) as Record<string, unknown>;
  for (const [pointer, param] of Object.entries(bindings)) {
    const segments = pointer.split('/').slice(1);
    const last = segments.pop() as string;
    let parent: unknown = out;
    for (const s of segments) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[s] : undefined;
    const value = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[last] : undefined;
    if (typeof value !== 'string') {
      throw new ContractSourceError(`${source}: the corrected example has no string at ${pointer} for the provider state's ${param} (did the docs or apidocs/errata change?)`);
    }
    (parent as Record<string, unknown>)[last] = fromState(param, value);
  }
  return out;
}

function responseMatchers(input: SpecialisationInput, example: unknown) {
  try {
    return input.sources.responseMatchers(input.op.version, input.op.id, example);
  } catch (err) {
    if (err instanceof ExampleMismatchError) throw new ContractSourceError(`${input.assessment.source.file}: ${err.message} (correct the example with an erratum in apidocs/errata)`);
    throw err;
  }
}

/** Replaces every StateValue whose param is not in `keep` by its example. */
function keepStateValues(body: unknown, keep: ParamName[]): unknown {
  return mapStateValues(body, (value) => (keep.includes(value.param) ? value : value.example));
}
