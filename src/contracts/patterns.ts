/**
 * Regular expressions of the contracts. They are evaluated by Pact's Rust core (regex crate) on the
 * provider side and by JavaScript in our tests, so they use only the syntax both share.
 */

/** A GUID in either case: Pact's own `uuid()` matcher accepts lowercase only, Graph also returns uppercase. */
export const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** RFC 3339 date-time with an offset (Edm.DateTimeOffset); Graph sends up to 7 fraction digits. */
export const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

/** The `date` of Graph's error `innerError`, which Graph writes without an offset (`2026-01-01T00:00:00`). */
export const LOOSE_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$';

export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** Standard, padded base64 (Edm.Binary): the same pattern the JSON Schemas use. */
export const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** Any string: the typed alternative of a nullable string whose documented example is null. */
export const ANY_STRING = '^[\\s\\S]*$';

/**
 * JSON with any media-type parameters, e.g. Graph's real
 * `application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8`.
 */
export const JSON_CONTENT_TYPE = '^application/json(\\s*;\\s*[^;=\\s]+=[^;]*)*$';
export { GRAPH_JSON_CONTENT_TYPE as GRAPH_CONTENT_TYPE } from '../client/graph-types.js';

/**
 * A bearer Authorization header. Written `\s\S+` rather than ` .+` so that the contract text itself
 * never looks like a bearer credential to the redactor (src/util/redact.ts).
 */
export const BEARER = '^Bearer\\s\\S+$';
/** The example Authorization value in contracts: the docs' own placeholder, never a token. */
export const BEARER_EXAMPLE = 'Bearer {token}';
