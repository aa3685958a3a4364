/** Bearer tokens: the provider checks only their presence and shape unless given a stricter validator. */
import { GraphError, CODES } from './errors.js';

export type TokenValidator = (token: string) => boolean;

/** RFC 6750 b64token: what a syntactically valid bearer token looks like. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export const acceptWellFormedToken: TokenValidator = (token) => B64TOKEN.test(token);

/** Throws 401 InvalidAuthenticationToken unless the header carries a token the validator accepts. */
export function checkBearer(header: string | undefined, validator: TokenValidator): void {
  if (header === undefined || header.trim() === '') throw invalidToken('Access token is empty.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !B64TOKEN.test(match[1])) throw invalidToken('Access token is malformed: expected "Authorization: Bearer <token>".');
  let accepted = false;
  try {
    accepted = validator(match[1]);
  } catch {
    accepted = false;
  }
  if (!accepted) throw invalidToken('Access token validation failure. Invalid audience or signature.');
}

function invalidToken(message: string): GraphError {
  return new GraphError(401, CODES.invalidToken, message, { 'www-authenticate': 'Bearer realm="graphpact", error="invalid_token"' });
}
