/**
 * Parsed pages: what the parser (src/parse) extracts from one markdown file, with positions.
 * Pure data, no behaviour. The catalog (src/catalog) is built from these.
 */
import type { Finding, SourcePos } from './finding.js';

/** A type as written in a Type column, a Response sentence or an annotation, normalised. */
export interface TypeRef {
  /** The cell text as written (markdown included), for messages. */
  raw: string;
  /**
   * - primitive: `name` is an Edm name (`Edm.String`, `Edm.Int32`, `Edm.DateTimeOffset`, ...)
   * - named: `name` is a Graph type name as written/linked (`keyCredential`, `microsoft.graph.keyCredential`)
   * - json: free-form JSON object (`Json`, `Object`, `JSON object`)
   * - unknown: free text we could not read (`string/number`); `name` is the raw text
   */
  kind: 'primitive' | 'named' | 'json' | 'unknown';
  name: string;
  collection: boolean;
  /** Link target as written, when the cell linked to a page. */
  link?: string;
  /** `[a](…) or [b](…)`: each alternative; `name`/`kind` then describe the first. */
  alternatives?: TypeRef[];
}

export interface TableRow extends SourcePos {
  /** Cell text with markdown kept (links, code spans), entities decoded, `<br>` kept. */
  cells: string[];
}

export interface Table extends SourcePos {
  /** Header cells, lower-cased, `**` and whitespace stripped. */
  header: string[];
  rows: TableRow[];
}

/** A row of a property/parameter table (request body, resource Properties/Relationships). */
export interface PropertyRow extends SourcePos {
  /** Name with markdown stripped (`\`displayName\`` → displayName). */
  name: string;
  type: TypeRef;
  description: string;
  /** From a Required? column or "Required."/"Optional." in the description, when stated. */
  required?: boolean;
  /** From the description ("Read-only.", "Nullable."/"Not nullable."), when stated. */
  readOnly?: boolean;
  nullable?: boolean;
}

/** An HTML-comment JSON annotation (`<!-- { "blockType": ... } -->`). */
export interface Annotation extends SourcePos {
  raw: string;
  /** Parsed JSON (lenient where needed); empty object when it could not be parsed. */
  data: Record<string, unknown>;
  /** 'strict' | 'lenient' (repaired) | 'invalid'. */
  parse: JsonParseStatus;
  blockType?: string;
}

export type JsonParseStatus = 'strict' | 'lenient' | 'invalid';

/** A JSON body of an example or JSON representation. */
export interface JsonBody extends SourcePos {
  text: string;
  parse: JsonParseStatus;
  /** The value when strict or lenient parsing succeeded. */
  value?: unknown;
  /** What the lenient parser had to repair (e.g. 'trailing comma', '// comment', '... elision'). */
  repairs: string[];
  /** Why it could not be parsed (the parser's message). */
  error?: string;
  /** File line of the problem when it could not be parsed (the body's first line when the parser did not say). */
  errorLine?: number;
  /** Line → path index: JSON pointer (`/keyCredential/endDate`) → 1-based file line, for findings. */
  pointers?: Record<string, number>;
  /** Ids of the errata that corrected this body (src/errata); its `value` is then the corrected one. */
  errata?: string[];
}

export interface HttpHeader extends SourcePos {
  name: string;
  value: string;
}

export interface HttpRequestExample extends SourcePos {
  kind: 'request';
  method: string;
  /** URL as written in the example. */
  url: string;
  /** Path after host and version segment, without query (`/applications/{id}/addKey`). */
  path: string;
  /** Query string without `?`, if any. */
  query?: string;
  /** Version segment of an absolute graph URL (`beta`, `v1.0`, `localtest`), when present. */
  version?: string;
  headers: HttpHeader[];
  body?: JsonBody;
  /** Non-JSON body text, if the body is not JSON (e.g. binary placeholder). */
  rawBody?: string;
  annotation?: Annotation;
  /** Fence info string (`http`, `msgraph-interactive`, '' for none). */
  fence: string;
  /** Repairs applied to the HTTP framing (blank line before headers, missing blank line, ...). */
  repairs: string[];
}

export interface HttpResponseExample extends SourcePos {
  kind: 'response';
  /** Status from the status line, undefined when the block has no status line. */
  status?: number;
  reason?: string;
  headers: HttpHeader[];
  body?: JsonBody;
  rawBody?: string;
  annotation?: Annotation;
  fence: string;
  repairs: string[];
}

/** One documented example: a request and its response, found by annotation or by position. */
export interface Example extends SourcePos {
  /** Heading of the example (`Example 1: ...`), if any. */
  title?: string;
  /** Annotation name (`application_addkey`), if annotated. */
  name?: string;
  request?: HttpRequestExample;
  response?: HttpResponseExample;
}

/** A markdown link to another docs page, with where it resolves (undefined when broken). */
export interface DocLink extends SourcePos {
  text: string;
  target: string;
  /** Resolved path of the target file on disk ('/' separated), when it exists (case-insensitive, `\` accepted). */
  resolved?: string;
  /** True when the target exists only with different case or separators. */
  caseMismatch?: boolean;
}

export interface Permission extends SourcePos {
  /** 'Delegated (work or school account)', 'Delegated (personal Microsoft account)', 'Application', or 'Scopes' for the prose form. */
  type: string;
  /** Scopes, split on commas/semicolons; placeholders (`TODO ...`) kept as written. */
  scopes: string[];
  /** The cell or prose as written. */
  raw: string;
}

export interface HttpRequestPath extends SourcePos {
  method: string;
  /** Path as written (`/applications/{id}/addKey`, `/me/drive/root:/{item-path}:/content`). */
  path: string;
}

export interface Heading extends SourcePos {
  level: number;
  text: string;
}

interface PageBase {
  file: string;
  /** Front matter (YAML), empty when the page has none. */
  frontMatter: Record<string, unknown>;
  /** Line where the front matter starts, undefined when missing. */
  frontMatterLine?: number;
  title?: string;
  description?: string;
  h1?: Heading;
  /** API version: from the folder (`v1.0`/`beta`), else from example URLs, else undefined. */
  version?: { value: string; source: 'folder' | 'example-url'; line: number };
  /** All H2+ headings, in order (for section checks). */
  headings: Heading[];
  links: DocLink[];
  /** What the parser repaired or could not understand. A broken page is findings, never an exception. */
  findings: Finding[];
}

export interface ApiPage extends PageBase {
  kind: 'api';
  permissions: Permission[];
  /** Line of the Permissions/Prerequisites section (else of a permissions include), undefined when missing. */
  permissionsLine?: number;
  /**
   * Today's permissions format: `<!-- { "blockType": "permissions", "name": "application_addkey" } -->` and/or
   * `[!INCLUDE [permissions-table](../includes/permissions/application-addkey-permissions.md)]`. When the include
   * is under the docs root (`read`), its table's rows are in `permissions` (positions in the include file);
   * otherwise the page still documents its permissions, in a file we do not have.
   */
  permissionsInclude?: { line: number; name?: string; target?: string; resolved?: string; read: boolean };
  httpRequests: HttpRequestPath[];
  requestHeaders: { line: number; table?: Table };
  /** The Optional query parameters / Query parameters section, when the page has one. */
  queryParameters?: {
    line: number;
    /**
     * Which OData system query options apply:
     * - named: those the section names (`$select`, `$filter`, in prose or a table), and no others
     * - unspecified: "supports the OData query parameters" without saying which, or nothing said about them
     * - none: "does not support optional query parameters"
     */
    support: 'named' | 'unspecified' | 'none';
    parameters: QueryParameter[];
  };
  requestBody?: {
    line: number;
    /** Property rows of all request body tables, in order. */
    properties: PropertyRow[];
    tables: Table[];
    /** Section prose (without tables). */
    prose: string;
    /** "supply a JSON representation of [x]" without a table: the type. */
    representationOf?: TypeRef;
    /** The prose says the request has no body ("Do not supply a request body"). */
    none: boolean;
  };
  response?: {
    line: number;
    text: string;
    /** Status codes named in the Response section, in order (`201 Created` → 201). */
    statusCodes: number[];
    /** Returned type when the Response prose names one. */
    returnType?: TypeRef;
    /**
     * A type the prose links only as a part expanded into the returned object ("the requested instance,
     * expanded with the matching [x](…) object"): not the returned type.
     */
    expandedPart?: TypeRef;
    /** The prose says a collection is returned. */
    collection: boolean;
  };
  examples: Example[];
}

/** A query parameter a page names: an OData system query option (`$select`) or a function's own (`startDateTime`). */
export interface QueryParameter extends SourcePos {
  /** As documented; OData options in their canonical spelling (`$orderby`, `$skiptoken`). */
  name: string;
  /** From a parameters table's Type column, when there is one. */
  type?: TypeRef;
  description?: string;
  /** A function parameter the page calls required ("the following required query parameters", "Required."). */
  required?: boolean;
}

export interface ResourcePage extends PageBase {
  kind: 'resource';
  /** Type name from the resource annotation's @odata.type, else from the H1 (`keyCredential resource type`). */
  typeName?: string;
  /** 'entity' when it has a key property or relationships, 'complex', or 'enum'. */
  typeKind: 'entity' | 'complex' | 'enum' | 'unknown';
  properties: PropertyRow[];
  relationships: PropertyRow[];
  /** Line of the Properties section, undefined when missing. */
  propertiesLine?: number;
  keyProperty?: string;
  baseType?: string;
  /**
   * The base type named only in prose ("Inherits from [namedLocation](namedlocation.md)") when the
   * annotation names none: for facts that need the family of a type (the catalog's one page per derived
   * type), not for schemas, which follow the annotation.
   */
  proseBaseType?: string;
  openType?: boolean;
  abstract?: boolean;
  enumMembers?: EnumMember[];
  /**
   * Enum types documented as sections of this page (`### calendarRoleType values` + a Member table), as
   * `enums.md` and many resource pages do: each becomes an enum type of its own in the catalog.
   */
  enumSections?: EnumSection[];
  /** `Namespace: microsoft.graph.callRecords` under the H1, when the page says it. */
  namespace?: string;
  jsonRepresentation?: JsonBody;
  annotation?: Annotation;
}

export interface EnumMember {
  name: string;
  value?: string;
  description: string;
  line: number;
}

export interface EnumSection extends SourcePos {
  /** Type name as the heading writes it (`calendarRoleType`). */
  name: string;
  members: EnumMember[];
}

export type ParsedPage = ApiPage | ResourcePage;
