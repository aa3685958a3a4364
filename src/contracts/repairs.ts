/**
 * Repairs of the documented examples the contracts are built from, as data. The docs under test
 * contain real defects on purpose (never "fixed" in apidocs/); a contract built from a defective
 * example would demand the defect from every provider, so each defect is repaired here, once, with the
 * lint finding it answers. Values only a provider state can know (ids, keys, proofs) become StateValues.
 */
import { fromState, PARAMS, StateValue } from './states.js';

export type RepairOp =
  /** Renames the last segment of `pointer` to `to`, keeping the value and the key order. */
  | { op: 'rename'; pointer: string; to: string }
  /** Sets (adds or replaces) the value at `pointer`. */
  | { op: 'set'; pointer: string; value: unknown }
  | { op: 'remove'; pointer: string }
  /** Replaces the whole body by the value at `pointer` (an undocumented envelope). */
  | { op: 'unwrap'; pointer: string };

export type Repair = RepairOp & {
  /** The lint finding the repair answers (`rule-id: message`), or why there is none. */
  finding: string;
  /** Why the repaired value is right (the documented fact it follows). */
  why: string;
};

/** Which documented example: `<version> <operationId> request|response`. */
export type ExampleKey = `${string} ${string} ${'request' | 'response'}`;

/** Fake example values: shaped like the real thing, clearly not a secret (the real ones come from provider states). */
export const FAKE = {
  /** base64 of the ASCII text "fake certificate for contract examples". */
  certificate: 'ZmFrZSBjZXJ0aWZpY2F0ZSBmb3IgY29udHJhY3QgZXhhbXBsZXM=',
  /** 20 bytes (a SHA-1 thumbprint's length), base64. */
  thumbprint: 'AAECAwQFBgcICQoLDA0ODxAREhM=',
  /** Proofs and passwords are secrets: their example is the redaction marker itself, so a contract never shows one. */
  secret: '[REDACTED]',
} as const;

export const REPAIRS: Record<ExampleKey, Repair[]> = {
  // apidocs/api/intune-onboarding-sideloadingkey-create.md: the request and response bodies are sound.
  // (The documented path's trailing slash — `path-trailing-slash` — is a path, not a body: the client
  // and the contract use /deviceAppManagement/sideLoadingKeys.)
  'beta deviceAppManagement.sideLoadingKeys.create request': [],
  'beta deviceAppManagement.sideLoadingKeys.create response': [],

  // apidocs/api/application-addkey.md, request example (line 67).
  'beta applications.addKey request': [
    {
      op: 'rename', pointer: '/keyCredential/endDate', to: 'endDateTime',
      finding: 'example-request-unknown-property: "endDate" is not in keyCredential',
      why: 'keyCredential documents endDateTime (apidocs/resources/keycredential.md); endDate does not exist',
    },
    {
      op: 'set', pointer: '/keyCredential/endDateTime', value: fromState(PARAMS.newKeyEndDateTime, '2017-10-11T07:00:00Z'),
      finding: 'none: lint does not check the value of an unknown property; "endDate=2017-10-11T07:00:00Z" is not a date-time',
      why: 'the date without its "endDate=" prefix as the example; at verification the new certificate\'s real expiry',
    },
    {
      op: 'rename', pointer: '/keyCredential/value', to: 'key',
      finding: 'example-request-unknown-property: "value" is not in keyCredential',
      why: 'the key material of a keyCredential is its `key` property',
    },
    {
      op: 'set', pointer: '/keyCredential/key', value: fromState(PARAMS.newKey, FAKE.certificate),
      finding: 'none: the documented value is null',
      why: 'addKey needs the key to add (type, usage and key are required, Graph reference serviceprincipal-addkey); a fresh certificate at verification',
    },
    {
      op: 'set', pointer: '/keyCredential/customKeyIdentifier', value: fromState(PARAMS.newKeyThumbprint, FAKE.thumbprint),
      finding: 'example-request-unknown-property: "customKeyIdentifier" (the table omits it); its value "6uv7gh" is not valid base64',
      why: 'customKeyIdentifier is Binary (base64): the new certificate\'s thumbprint',
    },
    {
      op: 'set', pointer: '/passwordCredential', value: null,
      finding: 'request-body-version-mismatch: "passwordCredential" is documented in localtest (seed 001) but not in the beta table',
      why: 'Graph: passwordCredential is required only for X509CertAndPassword keys, "Set it to null otherwise"',
    },
    {
      op: 'set', pointer: '/proof', value: fromState(PARAMS.proof, FAKE.secret),
      finding: 'request-body-version-mismatch: "proof" is documented in localtest (seed 001) but not in the beta table',
      why: 'addKey requires a proof of possession signed by an existing certificate; only a provider state can sign one',
    },
  ],

  // apidocs/api/application-addkey.md, response example (line 93).
  'beta applications.addKey response': [
    {
      op: 'unwrap', pointer: '/keyCredential',
      finding: 'example-response-envelope: the returned keyCredential is wrapped in an undocumented "keyCredential" envelope',
      why: 'the Response section says a keyCredential object is the body',
    },
    {
      op: 'rename', pointer: '/value', to: 'key',
      finding: 'example-response-unknown-property: "value" is not a property of keyCredential',
      why: 'the key material of a keyCredential is its `key` property',
    },
    {
      op: 'set', pointer: '/key', value: null,
      finding: 'none: "MIZB9jVCACfEw=" is not valid base64 either (14 characters)',
      why: 'keyCredential.key "is returned as null when read" (apidocs/resources/keycredential.md); the contract accepts base64 or null',
    },
    {
      op: 'set', pointer: '/customKeyIdentifier', value: FAKE.thumbprint,
      finding: 'example-response-invalid: "customKeyIdentifier" value "6uv7gh" is not valid base64',
      why: 'a 20-byte thumbprint in base64; matched by a base64 regex, not by value',
    },
  ],
};

/** Repairs of one example (none when the example is not listed). */
export function repairsFor(key: ExampleKey): Repair[] {
  return REPAIRS[key] ?? [];
}

/** Applies repairs in order to a copy of `body`. Pure; a repair whose target is missing is an error (the docs changed). */
export function applyRepairs(body: unknown, repairs: readonly Repair[]): unknown {
  let out = structuredCloneWithState(body);
  for (const repair of repairs) out = applyOne(out, repair);
  return out;
}

function applyOne(body: unknown, repair: Repair): unknown {
  const segments = parsePointer(repair.pointer);
  if (repair.op === 'unwrap') {
    const inner = get(body, segments);
    if (inner === undefined) throw stale(repair);
    return inner;
  }
  const parent = get(body, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (!parent || typeof parent !== 'object' || last === undefined) throw stale(repair);
  const record = parent as Record<string, unknown>;
  switch (repair.op) {
    case 'set':
      record[last] = repair.value;
      return body;
    case 'remove':
      if (!(last in record)) throw stale(repair);
      delete record[last];
      return body;
    case 'rename': {
      if (!(last in record)) throw stale(repair);
      // Rebuild to keep the key where it was: the contract reads like the documented example.
      const entries = Object.entries(record).map(([k, v]) => [k === last ? repair.to : k, v] as const);
      for (const key of Object.keys(record)) delete record[key];
      for (const [k, v] of entries) record[k] = v;
      return body;
    }
  }
}

function stale(repair: Repair): Error {
  return new Error(`repair "${repair.op} ${repair.pointer}" no longer applies: the documented example changed (${repair.finding})`);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(value: unknown, segments: string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Deep copy of JSON that keeps StateValue markers as they are. */
function structuredCloneWithState(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneWithState);
  if (value && typeof value === 'object' && !(value instanceof StateValue)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneWithState(v)]));
  }
  return value;
}
