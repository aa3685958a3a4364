/**
 * OData system query options on collections and entities, parsed by @odata/parser (an OData V4 ABNF
 * parser) and evaluated over stored objects:
 *   $filter   eq, ne, gt, ge, lt, le, startswith(), and, or, parentheses; literals string/number/bool/null/GUID/date
 *   $orderby  one or more properties, asc/desc      $select  property names
 *   $top      1..999 (the page size)                $skip    offset      $count=true  @odata.count
 *   $skiptoken  the emulator's own paging cursor (it writes it into @odata.nextLink)
 *   $expand   navigation property names, where the caller says it can expand (`expandable`: the emulator's
 *             contained collections and single-valued objects); no nested options, no `*`
 * Anything else the parser accepts but the emulator does not evaluate ($search, any(), functions other than
 * startswith, property-to-property comparisons, $expand elsewhere) is Graph's 400, never silently ignored.
 * Pure: no I/O.
 */
import { defaultParser } from '@odata/parser';
import { GraphError, CODES } from './errors.js';

export type Item = Record<string, unknown>;
export type Predicate = (item: Item) => boolean;

export interface CollectionQuery {
  filter: Predicate;
  orderBy: { property: string; descending: boolean }[];
  select?: string[];
  /** Page size ($top), when given. */
  top?: number;
  skip: number;
  /** Offset carried by $skiptoken (a page the emulator itself linked to). */
  skipToken: number;
  count: boolean;
  /** Navigation properties to expand ($expand), when the caller reads it. */
  expand?: string[];
}

/** Query options the emulator evaluates on a collection (GET list) and on one entity (GET). */
const COLLECTION_OPTIONS = new Set(['$filter', '$orderby', '$select', '$top', '$skip', '$count', '$skiptoken']);
const ENTITY_OPTIONS = new Set(['$select']);
/** The same, where the caller reads $expand (`QueryErrors.expandable`). */
const COLLECTION_OPTIONS_EXPANDABLE = new Set([...COLLECTION_OPTIONS, '$expand']);
const ENTITY_OPTIONS_EXPANDABLE = new Set([...ENTITY_OPTIONS, '$expand']);
/** A `/$count` segment counts what `$filter` keeps (Graph also takes `$search` there, which the emulator does not). */
const COUNT_OPTIONS = new Set(['$filter']);

export interface QueryErrors {
  /** The code of the 400: `BadRequest` in general, `Request_UnsupportedQuery` for directory resources. */
  code?: string;
  /** Properties $filter may name (default any): Graph indexes only some properties for filtering. */
  filterable?: readonly string[];
  /** Whether $expand is read (the caller then checks each name is a navigation it can expand); else a 400. */
  expandable?: boolean;
}

/** Reads the system query options of a collection request. Throws a 400 GraphError for what is not supported. */
export function parseCollectionQuery(query: URLSearchParams, errors: QueryErrors = {}): CollectionQuery {
  const fail = (message: string) => new GraphError(400, errors.code ?? CODES.badRequest, message);
  checkOptions(query, errors.expandable ? COLLECTION_OPTIONS_EXPANDABLE : COLLECTION_OPTIONS, fail);
  const filterText = single(query, '$filter', fail);
  const orderText = single(query, '$orderby', fail);
  const selectText = single(query, '$select', fail);
  const out: CollectionQuery = {
    filter: filterText === undefined || filterText.trim() === '' ? () => true : parseFilter(filterText, fail, errors.filterable),
    orderBy: orderText === undefined ? [] : parseOrderBy(orderText, fail),
    skip: wholeNumber(single(query, '$skip', fail), '$skip', 0, Number.MAX_SAFE_INTEGER, fail) ?? 0,
    skipToken: wholeNumber(single(query, '$skiptoken', fail), '$skiptoken', 0, Number.MAX_SAFE_INTEGER, fail) ?? 0,
    count: parseCount(single(query, '$count', fail), fail),
  };
  const top = wholeNumber(single(query, '$top', fail), '$top', 1, 999, fail);
  if (top !== undefined) out.top = top;
  if (selectText !== undefined) out.select = parseSelect(selectText, fail);
  const expandText = errors.expandable ? single(query, '$expand', fail) : undefined;
  if (expandText !== undefined) out.expand = parseExpand(expandText, fail);
  return out;
}

/** Reads the query options of a `…/$count` request: only $filter. Throws a 400 GraphError for anything else. */
export function parseCountQuery(query: URLSearchParams, errors: QueryErrors = {}): Predicate {
  const fail = (message: string) => new GraphError(400, errors.code ?? CODES.badRequest, message);
  checkOptions(query, COUNT_OPTIONS, fail);
  const filterText = single(query, '$filter', fail);
  return filterText === undefined || filterText.trim() === '' ? () => true : parseFilter(filterText, fail, errors.filterable);
}

/** Reads the query options of a single-entity request: $select (and $expand when `expandable`). */
export function parseEntityQuery(query: URLSearchParams, errors: QueryErrors = {}): { select?: string[]; expand?: string[] } {
  const fail = (message: string) => new GraphError(400, errors.code ?? CODES.badRequest, message);
  checkOptions(query, errors.expandable ? ENTITY_OPTIONS_EXPANDABLE : ENTITY_OPTIONS, fail);
  const selectText = single(query, '$select', fail);
  const expandText = errors.expandable ? single(query, '$expand', fail) : undefined;
  return {
    ...(selectText === undefined ? {} : { select: parseSelect(selectText, fail) }),
    ...(expandText === undefined ? {} : { expand: parseExpand(expandText, fail) }),
  };
}

/** `$expand=parts,owner`: plain navigation names; nested options, casts and `*` are a 400. */
function parseExpand(text: string, fail: Fail): string[] {
  const ast = parseOption(`$expand=${text}`, fail);
  return ((ast.value.items ?? []) as Node[]).map((item) => {
    const name = (item.value?.path as Node | undefined)?.raw;
    if (item.value?.options || typeof name !== 'string' || !/^[A-Za-z_][\w]*$/.test(name)) {
      throw fail(`Unsupported $expand item '${item.raw}': the graphpact emulator expands navigation property names only (no nested options, casts or *).`);
    }
    return name;
  });
}

/** Filters, orders and pages `items`. `total` is the count after filtering (for @odata.count). */
export function applyCollectionQuery(items: Item[], q: CollectionQuery, defaultPageSize: number): { page: Item[]; total: number; nextOffset?: number } {
  const matched = items.filter(q.filter);
  if (q.orderBy.length > 0) matched.sort((a, b) => compareBy(a, b, q.orderBy));
  const start = q.skip + q.skipToken;
  const size = q.top ?? defaultPageSize;
  const page = matched.slice(start, start + size).map((item) => (q.select ? project(item, q.select) : item));
  const out: { page: Item[]; total: number; nextOffset?: number } = { page, total: matched.length };
  if (start + size < matched.length) out.nextOffset = q.skipToken + size;
  return out;
}

/** The selected properties of an object, plus its `@odata.*` annotations. */
export function project(item: Item, select: string[]): Item {
  const out: Item = {};
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith('@odata.') || select.includes(key)) out[key] = value;
  }
  return out;
}

type Fail = (message: string) => GraphError;

function checkOptions(query: URLSearchParams, supported: Set<string>, fail: Fail): void {
  for (const key of query.keys()) {
    const name = key.toLowerCase();
    // Graph accepts system query options with or without `$`; plain names are operation parameters.
    const dollar = name.startsWith('$') ? name : `$${name}`;
    if (!name.startsWith('$') && !KNOWN_SYSTEM_OPTIONS.has(dollar)) continue;
    if (supported.has(dollar)) continue;
    if (!KNOWN_SYSTEM_OPTIONS.has(dollar)) throw fail(`Unrecognized query argument specified: '${key}'.`);
    throw fail(`Query option '${key}' is not supported by the graphpact emulator on this resource (supported here: ${[...supported].join(', ')}).`);
  }
}

const KNOWN_SYSTEM_OPTIONS = new Set(['$filter', '$orderby', '$select', '$top', '$skip', '$count', '$skiptoken', '$expand', '$search', '$format', '$deltatoken', '$levels', '$apply', '$compute', '$index', '$schemaversion']);

/** One value of an option, which may be spelt with or without `$`; given twice is a 400. */
function single(query: URLSearchParams, name: string, fail: Fail): string | undefined {
  const values = [...query.entries()].filter(([key]) => key.toLowerCase() === name || `$${key.toLowerCase()}` === name).map(([, v]) => v);
  if (values.length > 1) throw fail(`Query option '${name}' is specified more than once.`);
  return values[0];
}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number, fail: Fail): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) {
    throw fail(name === '$top' ? `Invalid page size specified: '${raw}'. Must be between ${min} and ${max} inclusive.` : `Invalid value '${raw}' for query option '${name}'.`);
  }
  return n;
}

function parseCount(raw: string | undefined, fail: Fail): boolean {
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw fail(`Invalid value '${raw}' for query option '$count': must be true or false.`);
  return value === 'true';
}

/** A node of @odata/parser's syntax tree (only the fields read here). */
interface Node {
  type: string;
  value: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the parser's trees are untyped by node kind
  raw: string;
}

function parseSelect(text: string, fail: Fail): string[] {
  const ast = parseOption(`$select=${text}`, fail);
  const items = (ast.value.items ?? []) as Node[];
  return items.map((item) => {
    const path = item.value as Node;
    if (path.type !== 'SelectPath' || !path.value || typeof path.value.value?.name !== 'string') {
      throw fail(`Unsupported $select item '${item.raw}': only property names are supported.`);
    }
    return path.value.value.name as string;
  });
}

function parseOrderBy(text: string, fail: Fail): { property: string; descending: boolean }[] {
  const ast = parseOption(`$orderby=${text}`, fail);
  return (ast.value.items as Node[]).map((item) => ({
    property: propertyName(item.value.expr as Node, fail, item.raw),
    descending: item.value.direction === -1,
  }));
}

function parseOption(text: string, fail: Fail): Node {
  let ast: Node;
  try {
    ast = defaultParser.query(text) as unknown as Node;
  } catch {
    throw fail(`Syntax error in query option '${text}'.`);
  }
  const option = (ast.value.options as Node[])[0];
  if (!option) throw fail(`Syntax error in query option '${text}'.`);
  return option;
}

export function parseFilter(text: string, fail: Fail = (m) => new GraphError(400, CODES.badRequest, m), filterable?: readonly string[]): Predicate {
  let ast: Node;
  try {
    ast = defaultParser.filter(text) as unknown as Node;
  } catch {
    throw fail(`Invalid filter clause: syntax error in '${text}' (the emulator reads ${FILTER_SUPPORT}).`);
  }
  // The parser stops at what it cannot read; trailing text is a syntax error, not something to ignore.
  if (ast.raw.trim() !== text.trim()) throw fail(`Invalid filter clause: syntax error in '${text}' (the emulator reads ${FILTER_SUPPORT}).`);
  return predicate(ast, fail, filterable);
}

/** What $filter evaluates, for messages. */
const FILTER_SUPPORT = 'eq, ne, gt, ge, lt, le, startswith(), and, or, parentheses';

const COMPARISONS: Record<string, (cmp: number | undefined, equal: boolean) => boolean> = {
  EqualsExpression: (_c, equal) => equal,
  NotEqualsExpression: (_c, equal) => !equal,
  GreaterThanExpression: (c) => c !== undefined && c > 0,
  GreaterOrEqualsExpression: (c) => c !== undefined && c >= 0,
  LesserThanExpression: (c) => c !== undefined && c < 0,
  LesserOrEqualsExpression: (c) => c !== undefined && c <= 0,
};

function predicate(node: Node, fail: Fail, filterable?: readonly string[]): Predicate {
  switch (node.type) {
    case 'AndExpression': {
      const left = predicate(node.value.left, fail, filterable);
      const right = predicate(node.value.right, fail, filterable);
      return (item) => left(item) && right(item);
    }
    case 'OrExpression': {
      const left = predicate(node.value.left, fail, filterable);
      const right = predicate(node.value.right, fail, filterable);
      return (item) => left(item) || right(item);
    }
    case 'BoolParenExpression':
    case 'ParenExpression':
      return predicate(node.value, fail, filterable);
    case 'MethodCallExpression':
      return methodCall(node, fail, filterable);
    default: {
      const test = COMPARISONS[node.type];
      if (!test) throw fail(`Invalid filter clause: '${node.raw}' is not supported (the emulator reads ${FILTER_SUPPORT}).`);
      const property = propertyName(node.value.left, fail, node.raw, filterable);
      const literal = literalValue(node.value.right, fail, node.raw);
      return (item) => {
        const value = item[property];
        return test(compareValues(value, literal), looseEquals(value, literal));
      };
    }
  }
}

function methodCall(node: Node, fail: Fail, filterable?: readonly string[]): Predicate {
  const method = String(node.value.method).toLowerCase();
  const params = node.value.parameters as Node[];
  if (method !== 'startswith' || params.length !== 2) {
    throw fail(`Invalid filter clause: the function '${method}' is not supported (startswith is).`);
  }
  const property = propertyName(params[0], fail, node.raw, filterable);
  const prefix = literalValue(params[1], fail, node.raw);
  if (typeof prefix !== 'string') throw fail(`Invalid filter clause: startswith needs a string, in '${node.raw}'.`);
  const lower = prefix.toLowerCase();
  return (item) => typeof item[property] === 'string' && (item[property] as string).toLowerCase().startsWith(lower);
}

/** `displayName` (a plain property; paths such as `a/b` and lambdas are not supported), filterable when a list is given. */
function propertyName(node: Node, fail: Fail, where: string, filterable?: readonly string[]): string {
  let current: Node | undefined = node;
  while (current && ['CommonExpression', 'FirstMemberExpression', 'MemberExpression', 'PropertyPathExpression'].includes(current.type)) {
    current = current.value as Node;
  }
  if (current?.type === 'ODataIdentifier' && typeof current.value?.name === 'string' && !current.raw.includes('/')) {
    const name = current.value.name as string;
    if (filterable && !filterable.includes(name)) throw fail(`Unsupported or invalid query filter clause specified for property '${name}'.`);
    return name;
  }
  throw fail(`Invalid filter clause: '${where}' must compare a property with a literal.`);
}

function literalValue(node: Node, fail: Fail, where: string): unknown {
  if (node?.type !== 'Literal') throw fail(`Invalid filter clause: '${where}' must compare a property with a literal.`);
  const raw = node.raw;
  switch (node.value as string) {
    case 'Edm.String':
      return raw.slice(1, -1).replace(/''/g, "'");
    case 'Edm.Boolean':
      return raw.toLowerCase() === 'true';
    case 'null':
      return null;
    case 'Edm.SByte':
    case 'Edm.Byte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Double':
    case 'Edm.Single':
      return Number(raw);
    default:
      // Guid, Date, DateTimeOffset, TimeOfDay, Duration: compared as the text JSON carries them.
      return raw;
  }
}

/** Graph compares strings case-insensitively (directory properties); numbers and booleans by value. */
function looseEquals(value: unknown, literal: unknown): boolean {
  if (literal === null) return value === null || value === undefined;
  if (typeof value === 'string' && typeof literal === 'string') return value.toLowerCase() === literal.toLowerCase();
  return value === literal;
}

function compareValues(value: unknown, literal: unknown): number | undefined {
  if (typeof value === 'number' && typeof literal === 'number') return value - literal;
  if (typeof value === 'string' && typeof literal === 'string') return value.toLowerCase() < literal.toLowerCase() ? -1 : value.toLowerCase() > literal.toLowerCase() ? 1 : 0;
  return undefined;
}

function compareBy(a: Item, b: Item, orderBy: { property: string; descending: boolean }[]): number {
  for (const { property, descending } of orderBy) {
    const x = a[property];
    const y = b[property];
    // Absent and null sort first (ascending), as OData orders nulls.
    const c = x === y ? 0 : x === undefined || x === null ? -1 : y === undefined || y === null ? 1 : (compareValues(x, y) ?? String(x).localeCompare(String(y)));
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}
