/**
 * Secrets never leak: every byte graphpact writes to a report, contract, log or error goes through
 * redactText/redactValue. Two layers: values registered at run time (the --token, a client secret,
 * a broker password) are replaced wherever they appear, and well-known secret shapes (bearer tokens,
 * JWTs, PEM private keys, secret-named JSON fields) are replaced by pattern.
 */
export const REDACTED = '[REDACTED]';

const registered = new Set<string>();

/** Registers a secret value so that it is redacted everywhere from now on. Short values are ignored (too many false hits). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) registered.add(value);
}

/** Whether any secret was registered (a build that was given none has nothing of its own to hide). */
export function hasRegisteredSecrets(): boolean {
  return registered.size > 0;
}

/** For tests: forget registered secrets. */
export function clearRegisteredSecrets(): void {
  registered.clear();
}

const PATTERNS: Array<[RegExp, string]> = [
  // PEM private keys (any kind), whole block.
  [/-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g, `-----BEGIN $1PRIVATE KEY-----${REDACTED}-----END $1PRIVATE KEY-----`],
  // Authorization: Bearer credentials; prose about them ("a bearer token") survives.
  // The prose word must be the whole run of token characters: `Bearer token-9f8e…` is a credential.
  [/\b(Bearer)\s+(?!(?:tokens?|authentication|auth|scheme|header|credentials?)(?![A-Za-z0-9\-_~+/=]|\.[A-Za-z0-9]))[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // Basic credentials are base64 of user:password, never a plain word: "basic integrity check" and
  // "Basic Authentication" are prose (case-sensitive on purpose, so [a-z] means lower case).
  [/\b(Basic|basic|BASIC)\s+(?!(?:[a-z]+|[A-Z][a-z]+)(?![A-Za-z0-9\-._~+/=]))[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  // JWT / JWS compact serialisations (three base64url parts, header starts with eyJ).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, REDACTED],
  // JSON or query fields whose name says secret.
  [/("(?:proof|secretText|client_secret|clientSecret|password|access_token|refresh_token|privateKey|private_key|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  [/\b((?:client_secret|access_token|refresh_token|password|token)=)[^&\s"']+/gi, `$1${REDACTED}`],
];

export function redactText(text: string): string {
  let out = text;
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Deep-redacts a JSON-able value (strings through redactText, secret-named keys replaced). */
export function redactValue<T>(value: T): T {
  return JSON.parse(redactText(JSON.stringify(value))) as T;
}

/**
 * redactValue(value), without its copy when there is nothing to redact (the usual case): the value itself
 * then, which JSON writes the same. For values that are only serialized afterwards, never changed.
 */
export function redactedValue<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  const redacted = redactText(text);
  return redacted === text ? value : (JSON.parse(redacted) as T);
}

/** Objects whose JSON has been through redactText already (markRedacted). */
const redactedObjects = new WeakSet<object>();

/**
 * Remembers that `value`'s JSON has been through redactText (redactedValue's result), so that a writer does
 * not redact it a second time (isRedacted): for values built once and never changed afterwards.
 */
export function markRedacted<T extends object>(value: T): T {
  redactedObjects.add(value);
  return value;
}

export function isRedacted(value: unknown): boolean {
  return typeof value === 'object' && value !== null && redactedObjects.has(value);
}
