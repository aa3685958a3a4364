/**
 * Operation paths and ids, Graph style (rules in src/model/catalog.ts):
 *   POST /deviceAppManagement/sideLoadingKeys      → deviceAppManagement.sideLoadingKeys.create
 *   POST /applications/{id}/addKey                 → applications.addKey
 * Pure string functions; no knowledge of pages.
 */

/**
 * Normalises a documented path: absolute URLs lose scheme and host, any path its version segment; query strings,
 * trailing slashes and spaces go; a leading slash is added; placeholders become `{name}`
 * (`{id | userPrincipalName}` → `{id}`, `<address>` → `{address}`).
 */
export function normalizePath(raw: string): string {
  return CLEAN_PATH.test(raw) && !raw.endsWith('/') ? raw : normalizePathFully(raw);
}

/**
 * A path normalizePathFully gives back unchanged: a leading slash, no version segment, nothing to trim or
 * drop (space, backslash, query, `<>`, `|`), braces only as plain `{name}` placeholders. 8,092 of the
 * corpus's 9,560 request lines; the seven regex passes over each were ~20 ms of a build.
 */
const CLEAN_PATH = /^\/(?!(?:v1\.0|beta|localtest)(?:\/|$))[^\s\\?<>|{}]*(?:\{[^{}|\s<>]+\}[^\s\\?<>|{}]*)*$/i;

/** normalizePath without its shortcut for a path that is normalised already (tests compare the two). */
export function normalizePathFully(raw: string): string {
  let path = raw.trim().replace(/\\/g, '/');
  const absolute = /^https?:\/\/[^/]+(\/.*)?$/i.exec(path);
  if (absolute) path = absolute[1] ?? '/';
  // The version segment belongs to the service root, in absolute URLs and relative ones (`/beta/teams/...`) alike.
  path = path.replace(/^\/?(v1\.0|beta|localtest)(?=\/|$)/i, '');
  path = path.split('?')[0].replace(/\s+/g, '');
  path = path.replace(/<([^<>]+)>/g, '{$1}');
  path = path.replace(/\{([^{}|]+)(\|[^{}]*)?\}/g, (_m, name: string) => `{${name.trim()}}`);
  if (!path.startsWith('/')) path = '/' + path;
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path;
}

/** Placeholder names of a normalised path, in order (`/a/{id}/b/{id2}` → ['id', 'id2']). */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

/** What the page says about the operation, used to tell a collection POST (create) from an action. */
export interface OperationHints {
  /** Page H1 or title (`Create sideLoadingKey`). */
  heading?: string;
  successStatus?: number;
  returnsCollection?: boolean;
  /** "supply a JSON representation of [x]" — a create or update of that type. */
  bodyIsRepresentation?: boolean;
}

const CRUD_SUFFIX: Record<string, string> = { PATCH: 'update', DELETE: 'delete', PUT: 'set' };

/** Derives the stable operation id from the method and normalised path. */
export function operationId(method: string, path: string, hints: OperationHints = {}): string {
  const raw = path.split('/').filter((s) => s.length > 0);
  const last = raw[raw.length - 1];
  const lastIsPlaceholder = last === undefined || isPlaceholder(last);
  const names = raw.filter((s) => !isPlaceholder(s)).map(cleanSegment).filter((s) => s.length > 0);
  const base = names.join('.') || 'root';
  const upper = method.toUpperCase();
  if (CRUD_SUFFIX[upper]) return `${base}.${CRUD_SUFFIX[upper]}`;
  if (upper === 'GET') {
    if (lastIsPlaceholder) return `${base}.get`;
    if (last.includes('(')) return base; // a function call: its name is the id
    const isList = hints.returnsCollection === true || /^list\b/i.test(hints.heading ?? '');
    return `${base}.${isList ? 'list' : 'get'}`;
  }
  if (upper === 'POST') {
    if (lastIsPlaceholder) return `${base}.post`;
    const isCreate =
      /^(create|post)\b/i.test(hints.heading ?? '') ||
      hints.successStatus === 201 ||
      hints.bodyIsRepresentation === true;
    // Actions are named by their last segment: `/applications/{id}/addKey` → applications.addKey.
    return isCreate && !last.includes('(') ? `${base}.create` : base;
  }
  return `${base}.${upper.toLowerCase()}`;
}

function isPlaceholder(segment: string): boolean {
  return /^\{[^{}]*\}$/.test(segment);
}

/**
 * Makes a segment safe for an id and a file name: drops function parameters `(a={a})`, inline
 * placeholders and key predicates, `$` of `$ref`/`$value`, `:` of `root:` addressing.
 */
function cleanSegment(segment: string): string {
  return segment
    .replace(/\(.*$/, '')
    .replace(/\{[^{}]*\}/g, '')
    .replace(/[$:]/g, '')
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .replace(/^\.+|\.+$/g, '');
}
