/** The catalog stage: parsed pages → Catalog (operations and types per version). */
export { buildCatalog, compareStrings } from './build.js';
export { lookupType, pageVersion } from './types.js';
export { UNVERSIONED, qualifyTypeName, typeKey } from './type-names.js';
export { normalizePath, operationId, pathPlaceholders } from './operation-id.js';
export { bodyWrapperProperty, isRedirect } from './operation.js';
