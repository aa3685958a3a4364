/** Matching example request paths against documented `METHOD path` lines. */

const parts = new Map<string, string>();

/**
 * Path part of a documented path or URL: no scheme/host/version, no query, leading slash, no trailing slash.
 * Kept per path: an example's path is matched against every operation of its version (operationCalled).
 */
function documentedPathPart(path: string): string {
  let part = parts.get(path);
  if (part === undefined) parts.set(path, (part = pathPartOf(path)));
  return part;
}

function pathPartOf(path: string): string {
  // `~/x` (some pages write the service root as ~) is `/x`.
  let p = path.trim().replace(/^https?:\/\/[^/]+/i, '').replace(/^~(?=\/)/, '');
  p = p.replace(/^\/(v1\.0|beta|localtest)(?=\/|$)/i, '');
  p = p.replace(/[?#].*$/, '');
  // OData key syntax `tasks('AAMk=')` is the key segment `tasks/AAMk=`; function parameters `(a={a})`
  // are often left out on one side; `/me` is `/users/{id}`.
  p = p.replace(/\(('[^'/]+'|[^()=/,']+)\)(?=\/|$)/g, (_m, key: string) => `/${key.replace(/^'|'$/g, '')}`);
  p = p.replace(/\([^()/]*\)(?=\/|$)/g, '');
  if (!p.startsWith('/')) p = '/' + p;
  // Graph's `drive` singleton is the signed-in user's drive (`/drive/x` is `/me/drive/x`), and a drive's
  // `root` is one of its items (`/drive/root/workbook` is `/drive/items/{id}/workbook`; `root:/path:` stays).
  p = p.replace(/^\/drive(?=\/|$)/i, '/me/drive');
  p = p.replace(/\/drive\/root(?=\/|$)/gi, '/drive/items/{root}');
  p = p.replace(/^\/me(?=\/|$)/i, '/users/{me}');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

const cache = new Map<string, RegExp>();

/** A GUID written where a key goes (`/classes/acdefc6b-2dc6-…/assignments`): an example id, not part of the path. */
const LITERAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A documented path as a regex: `{placeholders}` and `<placeholders>` match any text, case-insensitively;
 * so does a GUID segment (a page that wrote its HTTP request with an example's ids).
 */
function pathPattern(documented: string): RegExp {
  let re = cache.get(documented);
  if (!re) {
    const parts = documentedPathPart(documented).split(/(\{[^}]*\}|<[^>]*>)/);
    const literal = (part: string) => part.split('/').map((seg) => (LITERAL_GUID.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    const source = parts.map((part, i) => (i % 2 === 1 ? '.+?' : literal(part))).join('');
    re = new RegExp(`^${source}$`, 'i');
    cache.set(documented, re);
  }
  return re;
}

/** Example path (placeholders in it match anything too) against a documented path. */
export function pathMatches(examplePath: string, documented: string): boolean {
  const example = documentedPathPart(examplePath);
  if (pathPattern(documented).test(example)) return true;
  // The example may keep a placeholder (`{id}`) where the docs have another name or a literal.
  if (/[{<]/.test(example)) {
    const exampleRe = pathPattern(example);
    return exampleRe.test(documentedPathPart(documented));
  }
  return false;
}
