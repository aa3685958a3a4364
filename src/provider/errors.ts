/**
 * Errors a route answers with. Handlers throw a GraphError; the server turns it into Graph's error
 * envelope. Anything else a handler throws is a bug: the server answers 500 and keeps serving.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Allow for 405, Retry-After for 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Error codes, as Microsoft Graph spells them. Directory (applications) routes use the `Request_` family. */
export const CODES = {
  badRequest: 'BadRequest',
  notFound: 'ResourceNotFound',
  invalidToken: 'InvalidAuthenticationToken',
  unsupportedMediaType: 'UnsupportedMediaType',
  tooLarge: 'RequestEntityTooLarge',
  methodNotAllowed: 'MethodNotAllowed',
  throttled: 'TooManyRequests',
  internal: 'InternalServerError',
  directoryBadRequest: 'Request_BadRequest',
  directoryNotFound: 'Request_ResourceNotFound',
  directoryUnsupportedQuery: 'Request_UnsupportedQuery',
  proofRejected: 'Authentication_MissingOrMalformed',
} as const;

export const badRequest = (message: string) => new GraphError(400, CODES.badRequest, message);
export const directoryBadRequest = (message: string) => new GraphError(400, CODES.directoryBadRequest, message);
export const directoryNotFound = (id: string) =>
  new GraphError(404, CODES.directoryNotFound, `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
