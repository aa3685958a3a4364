/**
 * The catalog: operations and types of every API version, merged from parsed pages.
 * Built by src/catalog from ParsedPage[]; read by schema/openapi generation, lint, contracts, provider.
 */
import type { Finding, SourcePos } from './finding.js';
import type { Example, Permission, PropertyRow, QueryParameter, TypeRef } from './page.js';

/**
 * Stable operation id derived from the first documented `METHOD path`, Graph style:
 *   POST /deviceAppManagement/sideLoadingKeys      → deviceAppManagement.sideLoadingKeys.create
 *   GET  /deviceAppManagement/sideLoadingKeys      → deviceAppManagement.sideLoadingKeys.list
 *   GET  /deviceAppManagement/sideLoadingKeys/{id} → deviceAppManagement.sideLoadingKeys.get
 *   PATCH .../{id} → .update, DELETE .../{id} → .delete, PUT .../{id} → .set
 *   POST /applications/{id}/addKey                 → applications.addKey   (action: last segment)
 * Placeholders are dropped; segments keep their case.
 */
export type OperationId = string;

export interface Operation {
  id: OperationId;
  /** API version (`beta`, `v1.0`, `localtest`, or `unversioned`). */
  version: string;
  method: string;
  /** The first documented path, trailing slash removed, placeholders normalised to `{name}`. */
  path: string;
  /**
   * Every documented `METHOD path` line of the page(s), in document order (merged pages appended): `path`
   * normalised like the operation's own (the first entry is `method` + `path`), `raw` as written, with its line.
   * OpenAPI gives each its own path item; the provider routes and contracts may address any of them.
   */
  paths: DocumentedPath[];
  title: string;
  description?: string;
  /** Pages that document this operation (more than one when merged). */
  sources: SourcePos[];
  permissions: Permission[];
  /**
   * Documented request headers (Request headers table), except Authorization, Content-Type and Accept, which
   * OpenAPI describes elsewhere (security, media types). Optional: operations built before this field have none.
   */
  headers?: { name: string; required: boolean; description: string; file: string; line: number }[];
  /**
   * Query parameters the page documents (its Optional query parameters section), and how it says which
   * OData options apply (see ApiPage.queryParameters). Undefined when the page has no such section.
   */
  query?: { support: 'named' | 'unspecified' | 'none'; parameters: QueryParameter[] };
  /** Request body properties from the table(s); undefined when the request has no body. */
  requestBody?: {
    properties: PropertyRow[];
    /** "supply a JSON representation of [x]": the whole type is the body. */
    representationOf?: TypeRef;
    /**
     * "provide an optional `keyCredential` property as a JSON object with the following parameters":
     * the body is `{ <wrapperProperty>: { <properties> } }`; the table lists the inner properties.
     */
    wrapperProperty?: string;
    source: SourcePos;
    /** Ids of the errata that corrected the request body (src/errata). */
    errata?: string[];
  };
  /** Documented success status (first 2xx in the Response section, else 200). */
  successStatus: number;
  /** Error statuses (4xx/5xx) the page documents, in its Response section or its examples, sorted. */
  errorStatuses?: number[];
  /** Returned type, when the Response section names one (undefined for 204 / no body). */
  returnType?: TypeRef;
  /**
   * The page returns a body but leaves its type unnamed: its prose links only a part expanded into the
   * returned object, and no example annotation names the object. Another page's type is no conflict.
   */
  returnTypeUnstated?: boolean;
  returnsCollection: boolean;
  examples: Example[];
  /**
   * Ids of the errata (src/errata) that corrected operation-level facts (title, description, status,
   * returned type, permissions, paths). The request body and each example body carry their own.
   */
  errata?: string[];
}

/** One documented `METHOD path` line of an API page. */
export interface DocumentedPath {
  method: string;
  /** Normalised (normalizePath): no host or version segment, placeholders `{name}`, no trailing slash. */
  path: string;
  /** As the page writes it. */
  raw: string;
  file: string;
  line: number;
}

export interface TypeDef {
  /** Fully qualified (`microsoft.graph.keyCredential`). */
  name: string;
  kind: 'entity' | 'complex' | 'enum';
  /** The resource page's description (front matter), for schema descriptions. */
  description?: string;
  /** Version of the page that defined it; `unversioned` for pages outside a version folder (shared by all). */
  version: string;
  properties: PropertyRow[];
  relationships: PropertyRow[];
  keyProperty?: string;
  /** Fully qualified base type. */
  baseType?: string;
  openType: boolean;
  abstract: boolean;
  members?: string[];
  source: SourcePos;
  /** Ids of the errata that corrected this type (src/errata). */
  errata?: string[];
}

export interface Catalog {
  /** Versions in sorted order. */
  versions: string[];
  /** Operations sorted by version, then id. */
  operations: Operation[];
  /** Types keyed by `${version}:${fqName}`; lookups fall back to `unversioned:${fqName}`. */
  types: Map<string, TypeDef>;
  /** Findings from parsing and merging (merge conflicts, unresolved types...). */
  findings: Finding[];
}
