/**
 * Edm primitive → JSON Schema 2020-12 (checked with ajv 2020 + ajv-formats). The docs spell
 * primitives many ways (`Int32`, `int`, `Edm.Int32`); all map to the same schema.
 */
import { primitiveName } from '../parse/type-ref.js';

export type JsonSchema = Record<string, unknown>;

/** Standard base64 (Graph's Edm.Binary); ajv does not check `contentEncoding`, this pattern does. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** Edm.TimeOfDay is `hh:mm:ss[.fffffff]` without an offset, which the `time` format (RFC 3339) rejects. */
export const TIME_OF_DAY_PATTERN = '^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,12})?)?$';

// Keys in sorted order, as the writer writes them (see mergedInOrder in type-ref.ts).
const integer = (minimum: number, maximum: number, format?: string): JsonSchema =>
  format ? { format, maximum, minimum, type: 'integer' } : { maximum, minimum, type: 'integer' };

/** IEEE 754 specials that Graph serialises as strings for Edm.Double/Single. */
const FLOAT_SPECIALS = ['NaN', 'INF', '-INF'];

const EDM: Record<string, () => JsonSchema> = {
  string: () => ({ type: 'string' }),
  boolean: () => ({ type: 'boolean' }),
  byte: () => integer(0, 255),
  sbyte: () => integer(-128, 127),
  int16: () => integer(-32768, 32767),
  int32: () => integer(-2147483648, 2147483647, 'int32'),
  // Int64 does not fit a JSON number exactly beyond 2^53; no range, so that large values are not
  // rejected because of a rounding error in the parser.
  int64: () => ({ format: 'int64', type: 'integer' }),
  double: () => ({ anyOf: [{ type: 'number' }, { enum: [...FLOAT_SPECIALS], type: 'string' }] }),
  single: () => ({ anyOf: [{ type: 'number' }, { enum: [...FLOAT_SPECIALS], type: 'string' }] }),
  decimal: () => ({ type: 'number' }),
  datetimeoffset: () => ({ format: 'date-time', type: 'string' }),
  date: () => ({ format: 'date', type: 'string' }),
  timeofday: () => ({ pattern: TIME_OF_DAY_PATTERN, type: 'string' }),
  duration: () => ({ format: 'duration', type: 'string' }),
  guid: () => ({ format: 'uuid', type: 'string' }),
  binary: () => ({ contentEncoding: 'base64', pattern: BASE64_PATTERN, type: 'string' }),
  stream: () => ({ contentMediaType: 'application/octet-stream', format: 'binary', type: 'string' }),
};

/**
 * Schema of an Edm primitive, or undefined when the name is not one. Spellings (`int`, `bool`, `Edm.Int32`)
 * are the parser's one table (`primitiveName`); free-form JSON is a TypeRef kind of its own, not a primitive.
 */
export function edmSchema(name: string): JsonSchema | undefined {
  const edm = primitiveName(name);
  return edm ? EDM[edm.slice('Edm.'.length).toLowerCase()]?.() : undefined;
}
