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

/** A GUID written where a key goes (`/classes/acdefc6b-2dc6-…/assignments`): an example id, not part of the path. */
const LITERAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A documented path as a pattern: `{placeholders}` and `<placeholders>` match any text (at least one
 * character), case-insensitively; so does a GUID segment (a page that wrote its HTTP request with an
 * example's ids). The regex says what matches. `pieces` answers the same without it where that is
 * simple (ASCII, no GUID segment): the regex's lazy `.+?`s backtrack polynomially on a path that does not
 * match (n^k for k placeholders), which cost ~0.4 s of the corpus lint for ~9,000 tests.
 */
interface PathPattern {
  regex: () => RegExp;
  /** The lower-cased literal text between the placeholders (one more than there are placeholders). */
  pieces?: string[];
}

const patterns = new Map<string, PathPattern>();

function pathPattern(documented: string): PathPattern {
  let pattern = patterns.get(documented);
  if (!pattern) {
    const parts = documentedPathPart(documented).split(/(\{[^}]*\}|<[^>]*>)/);
    const literal = (part: string) => part.split('/').map((seg) => (LITERAL_GUID.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    const source = parts.map((part, i) => (i % 2 === 1 ? '.+?' : literal(part))).join('');
    let re: RegExp | undefined;
    const literals = parts.filter((_part, i) => i % 2 === 0);
    const simple = literals.every((part) => ASCII.test(part) && !part.split('/').some((seg) => LITERAL_GUID.test(seg)));
    pattern = { regex: () => (re ??= new RegExp(`^${source}$`, 'i')), ...(simple ? { pieces: literals.map((part) => part.toLowerCase()) } : {}) };
    patterns.set(documented, pattern);
  }
  return pattern;
}

/** ASCII; for a tested text also no line break (which `.` does not match). */
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_LINE = /^[\x00-\x09\x0b\x0c\x0e-\x7f]*$/;

/**
 * pattern.regex().test(text). With ASCII only, case-insensitive is lower-cased equal, and placeholders
 * that match any text of one character or more are matched by placing each piece at its leftmost
 * place after the one before (leaving the most room for the rest): linear, where the regex backtracks.
 */
function test(pattern: PathPattern, text: string): boolean {
  const pieces = pattern.pieces;
  if (!pieces || !ASCII_LINE.test(text)) return pattern.regex().test(text);
  const t = text.toLowerCase();
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 1) return t === first;
  if (!t.startsWith(first) || !t.endsWith(last)) return false;
  const end = t.length - last.length;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = t.indexOf(pieces[i], at + 1);
    if (found < 0 || found + pieces[i].length > end - 1) return false;
    at = found + pieces[i].length;
  }
  return end - at >= 1;
}

/**
 * What a path's first segment must be for pathMatches to hold with any other path: that segment,
 * lower-cased, when it is plain ASCII (no placeholder, no GUID); else undefined (it may match any first
 * segment). Two paths whose keys are both defined and differ never match: a literal segment only
 * matches the same letters in either case, and ASCII never matches other characters case-insensitively.
 */
export function firstSegmentKey(path: string): string | undefined {
  const part = documentedPathPart(path);
  const end = part.indexOf('/', 1);
  const first = part.slice(1, end < 0 ? part.length : end);
  return /^[\x20-\x7e]*$/.test(first) && !/[{<]/.test(first) && !LITERAL_GUID.test(first) ? first.toLowerCase() : undefined;
}

/** Example path (placeholders in it match anything too) against a documented path. */
export function pathMatches(examplePath: string, documented: string): boolean {
  const example = documentedPathPart(examplePath);
  if (test(pathPattern(documented), example)) return true;
  // The example may keep a placeholder (`{id}`) where the docs have another name or a literal.
  if (/[{<]/.test(example)) return test(pathPattern(example), documentedPathPart(documented));
  return false;
}
