/**
 * Graph's error responses, as every Graph operation can return them: one shared response whose body is
 * Graph's error envelope, referenced by `4XX` and `5XX` and by each status a page documents. Pure data.
 *
 *   { "error": { "code": "Request_ResourceNotFound", "message": "...",
 *                "innerError": { "date": "2024-05-01T10:00:00", "request-id": "...", "client-request-id": "..." } } }
 */
import type { JsonSchema } from '../schema/edm.js';

/** Component names, as Microsoft's own Graph OpenAPI spells them. */
export const ERROR_SCHEMA = 'microsoft.graph.ODataErrors.ODataError';
export const MAIN_ERROR_SCHEMA = 'microsoft.graph.ODataErrors.MainError';
export const ERROR_DETAILS_SCHEMA = 'microsoft.graph.ODataErrors.ErrorDetails';
export const INNER_ERROR_SCHEMA = 'microsoft.graph.ODataErrors.InnerError';
export const ERROR_RESPONSE = 'error';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Graph writes `innerError.date` in UTC without an offset (`2024-05-01T10:00:00`), which `format: date-time` rejects. */
export const DATE_WITHOUT_OFFSET = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$';

export function errorSchemas(): Record<string, JsonSchema> {
  return {
    [ERROR_SCHEMA]: {
      title: 'Graph error response',
      type: 'object',
      properties: { error: ref(MAIN_ERROR_SCHEMA) },
      required: ['error'],
    },
    [MAIN_ERROR_SCHEMA]: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'Error code (`Request_ResourceNotFound`, `InvalidAuthenticationToken`, ...).' },
        message: { type: 'string', description: 'Human-readable message; not for programmatic use.' },
        target: { type: 'string' },
        details: { type: 'array', items: ref(ERROR_DETAILS_SCHEMA), description: 'Further errors (optional).' },
        innerError: ref(INNER_ERROR_SCHEMA),
      },
      required: ['code', 'message'],
    },
    [ERROR_DETAILS_SCHEMA]: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, target: { type: 'string' } },
      required: ['code', 'message'],
    },
    [INNER_ERROR_SCHEMA]: {
      type: 'object',
      properties: {
        date: { type: 'string', pattern: DATE_WITHOUT_OFFSET, description: 'UTC time of the error, without an offset.' },
        'request-id': { type: 'string', description: 'Request id to quote to support.' },
        'client-request-id': { type: 'string', description: 'The client-request-id the caller sent, or a generated one.' },
      },
    },
  };
}

export function errorResponses(): Record<string, unknown> {
  return {
    [ERROR_RESPONSE]: {
      content: { 'application/json': { schema: ref(ERROR_SCHEMA) } },
      description: 'Graph error: the error envelope with a code and a message.',
    },
  };
}

/**
 * Error entries of an operation's responses: each status the page documents, then `4XX` and `5XX`, all the
 * shared response. The ranges cover what Graph returns to any request (400, 401, 403, 404, 429, 503...), which
 * the comparator matches by range: the contracts' 400/401/404 interactions need no per-page status.
 */
export function operationErrorResponses(documented: readonly number[]): Record<string, unknown> {
  const shared = { $ref: `#/components/responses/${ERROR_RESPONSE}` };
  const out: Record<string, unknown> = {};
  for (const status of [...new Set(documented)].sort((a, b) => a - b)) out[String(status)] = shared;
  out['4XX'] = shared;
  out['5XX'] = shared;
  return out;
}
