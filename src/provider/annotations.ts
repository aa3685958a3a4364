/** OData instance annotations in request bodies (`@odata.type`): checked, then set aside before schema validation. */
import { badRequest } from './errors.js';

/**
 * Returns the object without `@odata.*` keys. A `@odata.type` must name `expectedType`
 * (`#microsoft.graph.x` or `microsoft.graph.x`); another type is 400, as Graph answers.
 */
export function withoutAnnotations(value: Record<string, unknown>, expectedType: string, where = 'the body'): Record<string, unknown> {
  const odataType = value['@odata.type'];
  if (odataType !== undefined && (typeof odataType !== 'string' || odataType.replace(/^#/, '').toLowerCase() !== expectedType.toLowerCase())) {
    throw badRequest(`${where}: @odata.type ${JSON.stringify(odataType)} is not ${expectedType}.`);
  }
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('@odata.')));
}

export { isPlainObject } from '../util/values.js';
