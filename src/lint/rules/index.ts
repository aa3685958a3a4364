/** Every lint rule, one module each (see ../types.ts for what a rule is). */
import type { AnyLintRule } from '../types.js';
import { rule as descriptionH1Mismatch } from './description-h1-mismatch.js';
import { rule as examplePathMismatch } from './example-path-mismatch.js';
import { rule as exampleContentLength } from './example-content-length.js';
import { rule as exampleOdataTypeHash } from './example-odata-type-hash.js';
import { rule as exampleRequestInvalid } from './example-request-invalid.js';
import { rule as exampleRequestUnknownProperty } from './example-request-unknown-property.js';
import { rule as exampleResponseCollection } from './example-response-collection.js';
import { rule as exampleResponseEnvelope } from './example-response-envelope.js';
import { rule as exampleResponseInvalid } from './example-response-invalid.js';
import { rule as exampleResponseOdataType } from './example-response-odata-type.js';
import { rule as exampleResponseStatus } from './example-response-status.js';
import { rule as exampleResponseUnknownProperty } from './example-response-unknown-property.js';
import { rule as exampleQueryUndocumented } from './example-query-undocumented.js';
import { rule as exampleUrlVersion } from './example-url-version.js';
import { rule as frontMatterMissing } from './front-matter-missing.js';
import { rule as headersAuthorizationMissing } from './headers-authorization-missing.js';
import { rule as headersContentTypeMissing } from './headers-content-type-missing.js';
import { rule as jsonInvalid } from './json-invalid.js';
import { rule as jsonLenient } from './json-lenient.js';
import { rule as linkBroken } from './link-broken.js';
import { rule as pathTrailingSlash } from './path-trailing-slash.js';
import { rule as permissionsMissing } from './permissions-missing.js';
import { rule as permissionsPlaceholder } from './permissions-placeholder.js';
import { rule as requestBodyVersionMismatch } from './request-body-version-mismatch.js';
import { rule as requestTableDescriptionEmpty } from './request-table-description-empty.js';
import { rule as requestTableUnusedRow } from './request-table-unused-row.js';
import { rule as resourceJsonRepresentation } from './resource-json-representation.js';
import { rule as summaryMissing } from './summary-missing.js';
import { rule as tableTypeNameMismatch } from './table-type-name-mismatch.js';
import { rule as titleH1Mismatch } from './title-h1-mismatch.js';

export const allRules: readonly AnyLintRule[] = [
  descriptionH1Mismatch,
  examplePathMismatch,
  exampleContentLength,
  exampleOdataTypeHash,
  exampleQueryUndocumented,
  exampleRequestInvalid,
  exampleRequestUnknownProperty,
  exampleResponseCollection,
  exampleResponseEnvelope,
  exampleResponseInvalid,
  exampleResponseOdataType,
  exampleResponseStatus,
  exampleResponseUnknownProperty,
  exampleUrlVersion,
  frontMatterMissing,
  headersAuthorizationMissing,
  headersContentTypeMissing,
  jsonInvalid,
  jsonLenient,
  linkBroken,
  pathTrailingSlash,
  permissionsMissing,
  permissionsPlaceholder,
  requestBodyVersionMismatch,
  requestTableDescriptionEmpty,
  requestTableUnusedRow,
  resourceJsonRepresentation,
  summaryMissing,
  tableTypeNameMismatch,
  titleH1Mismatch,
];
