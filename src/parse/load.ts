/**
 * loadDocs: walk docs directories for `*.md` (sorted), index every file case-insensitively for link
 * resolution, read and parse each page. Unreadable files are findings; a missing directory is a
 * DocsDirError (the CLI exits 2).
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';
import { pathOf, type ParseContext } from './links.js';
import { parsePage } from './page.js';
import { readAhead, readHere, readText, type FileText, type ReadAhead } from './read-ahead.js';
import { errorCode } from '../util/fs.js';

export class DocsDirError extends Error {
  constructor(
    message: string,
    readonly dir: string,
  ) {
    super(message);
    this.name = 'DocsDirError';
  }
}

/** '/'-separated, relative to the current directory when the file is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(file);
  const rel = path.relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}

/**
 * How pages name a file: relative to `root` when given ('/'-separated, `../` allowed: docs beside the
 * project are `../shared/...`; absolute only when no relative path exists), else displayPath. Outputs
 * name their sources this way so that they do not depend on where the tool was started.
 */
export function sourceName(file: string, root?: string): string {
  if (root === undefined) return displayPath(file);
  const abs = path.resolve(file);
  const rel = path.relative(root, abs);
  return (rel && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

/**
 * sourceName for many files (the same names): the part for a file's folder is worked out once per folder,
 * from a stand-in file `x` in it. path.relative and path.resolve for each of ~10,000 files were a tenth of
 * a second before anything was read. A name starting with `..` is named on its own (sourceName may then
 * choose differently).
 */
export function sourceNamer(root?: string): (file: string) => string {
  return perFolder((folder) => sourceName(`${folder}x`, root).slice(0, -1), (file) => sourceName(file, root));
}

/** A naming function that names `folder + base` as `prefixOf(folder) + base` (prefixes cached), or with `whole` for a base starting with `..`. */
function perFolder(prefixOf: (folder: string) => string, whole: (file: string) => string): (file: string) => string {
  const prefixes = new Map<string, string>();
  return (file) => {
    const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf(path.sep));
    const base = file.slice(cut + 1);
    if (base === '' || base.startsWith('..')) return whole(file);
    const folder = file.slice(0, cut + 1);
    let prefix = prefixes.get(folder);
    if (prefix === undefined) prefixes.set(folder, (prefix = prefixOf(folder)));
    return prefix + base;
  };
}

/** The path to read a file named by sourceName from (the name itself when it is relative to the current directory). */
function readPathOf(name: string, root: string | undefined): string {
  return root === undefined ? name : path.resolve(root, name);
}

function unreadableFinding(file: string, root: string | undefined, error: string): Finding {
  // The message names the file as the user would type it (from the current directory), whatever the root.
  const shown = root === undefined ? file : displayPath(readPathOf(file, root));
  return { ruleId: 'parse-unreadable-file', severity: 'error', file, line: 1, message: `cannot read ${shown}: ${error}` };
}

/**
 * Case-insensitive index of the docs files, for resolving `.md` links (`\` separators accepted). Files
 * are named as the pages name them; with a root (LoadOptions.root) links are resolved between absolute
 * paths, since names relative to a root may go up and down again (`../api/a.md` beside `user.md` when
 * the root is the `resources` folder) and two spellings of one file would not meet.
 */
export class FileIndex implements ParseContext {
  /** Keys: the names, or with a root the absolute '/'-separated paths. */
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();
  /** With a root: name → key and key → name. */
  private readonly keyOf = new Map<string, string>();
  private readonly nameOf = new Map<string, string>();
  /** Pages of one folder link the same targets over and over: folder → target → answer. */
  private readonly cache = new Map<string, Map<string, { resolved?: string; caseMismatch?: boolean }>>();
  /** The last page asked about and its folder's answers (a page asks about all its links in a row). */
  private lastFile: string | undefined;
  private lastAnswers = new Map<string, { resolved?: string; caseMismatch?: boolean }>();

  /** Include files (`includes/…/*.md`) by normalised path: fragments pages pull in, not pages. */
  private readonly includes = new Map<string, string>();

  addInclude(file: string, text: string): void {
    this.includes.set(normalisePath(file), text);
  }

  readInclude(fromFile: string, target: string): { file: string; text: string } | undefined {
    const { resolved } = this.resolveLink(fromFile, target);
    const text = resolved === undefined ? undefined : this.includes.get(resolved);
    return text === undefined || resolved === undefined ? undefined : { file: resolved, text };
  }

  constructor(
    files: Iterable<string>,
    private readonly root?: string,
  ) {
    const keyOf = root === undefined ? undefined : perFolder((folder) => absoluteKey(root, `${folder}x`).slice(0, -1), (name) => absoluteKey(root, name));
    for (const f of files) {
      const norm = normalisePath(f);
      let key = norm;
      if (keyOf) {
        key = keyOf(norm);
        this.keyOf.set(norm, key);
        this.nameOf.set(key, norm);
      }
      this.exact.add(key);
      if (!this.folded.has(key.toLowerCase())) this.folded.set(key.toLowerCase(), key);
    }
  }

  resolveLink(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean } {
    if (fromFile !== this.lastFile) {
      const slash = Math.max(fromFile.lastIndexOf('/'), fromFile.lastIndexOf('\\'));
      const folder = fromFile.slice(0, slash + 1);
      let answers = this.cache.get(folder);
      if (!answers) this.cache.set(folder, (answers = new Map()));
      this.lastFile = fromFile;
      this.lastAnswers = answers;
      this.lastFolderKey = undefined;
    }
    let answer = this.lastAnswers.get(target);
    if (!answer) {
      answer = this.resolveUncached(fromFile, target);
      this.lastAnswers.set(target, answer);
    }
    return answer;
  }

  /** The folder of the last page asked about (lastFile), as a key: worked out once per page, when a link needs it. */
  private lastFolderKey: string | undefined;

  private folderKeyOf(fromFile: string): string {
    if (this.lastFolderKey === undefined) {
      const from = normalisePath(fromFile);
      const fromKey = this.root === undefined ? from : (this.keyOf.get(from) ?? absoluteKey(this.root, from));
      this.lastFolderKey = path.posix.dirname(fromKey);
    }
    return this.lastFolderKey;
  }

  private resolveUncached(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean } {
    const clean = pathOf(target).trim();
    if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return {};
    const withSlashes = clean.includes('\\') ? clean.replace(/\\/g, '/') : clean;
    // Site-absolute links (`/graph/...`) are not files of the docs tree.
    if (withSlashes.startsWith('/')) return {};
    const decoded = withSlashes.includes('%') ? decodeSafe(withSlashes) : withSlashes;
    // One normalize (a `\` decoded from `%5C` is a separator too).
    const joined = normalisePath(`${this.folderKeyOf(fromFile)}/${decoded}`);
    if (this.exact.has(joined)) return withSlashes === clean ? { resolved: this.nameOf.get(joined) ?? joined } : { resolved: this.nameOf.get(joined) ?? joined, caseMismatch: true };
    const found = this.folded.get(joined.toLowerCase());
    return found ? { resolved: this.nameOf.get(found) ?? found, caseMismatch: true } : {};
  }
}

/** A file named relative to `root` as an absolute '/'-separated path. */
function absoluteKey(root: string, name: string): string {
  return normalisePath(path.resolve(root, name).split(path.sep).join('/'));
}

export function normalisePath(p: string): string {
  const slashed = p.includes('\\') ? p.replace(/\\/g, '/') : p;
  // Names made by sourceName are normal already (`../shared/...`: normalize keeps a relative path's leading
  // `../`): path.posix.normalize for each of ~10,000 was ~50 ms.
  let rest = slashed;
  while (rest.startsWith('../')) rest = rest.slice(3);
  return rest !== '' && !rest.includes('//') && !DOT_SEGMENT.test(rest) ? slashed : path.posix.normalize(slashed);
}

/** A `.` or `..` segment, which normalize would resolve. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function decodeSafe(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

/** The .md files under `dir` that loadDocs reads, in directory order (bench.ts lists its baseline with it too). */
export async function markdownFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, out);
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const isMd = entry.name.toLowerCase().endsWith('.md');
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && isMd) out.push(full);
    // A symlinked page is read through its link; a dangling one is reported as unreadable, not skipped.
    // Symlinked folders are not followed (no cycles).
    else if (entry.isSymbolicLink() && isMd) {
      const target = await stat(full).catch(() => undefined);
      if (!target || target.isFile()) out.push(full);
    }
  }
}

/** A file under an `includes` folder: a fragment docfx pulls into pages (`[!INCLUDE …]`), not a page of its own. */
export function isIncludeFile(file: string): boolean {
  return INCLUDES_FOLDER.test(file);
}

/** A folder named `includes` (any case) anywhere in a path. */
const INCLUDES_FOLDER = /(?:^|[\\/])includes[\\/]/i;

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** The files as already read (readDocsSnapshot): parsed from these bytes, not read again. */
  snapshot?: DocsSnapshot;
  /**
   * Pages, links and findings name files relative to this directory (sourceName), not to the current
   * one: named right when parsed, so that no pass over every parsed page has to rename them after.
   */
  root?: string;
  /**
   * Filled with each file's text as read, by name (unreadable files left out): lint looks at source lines
   * the pages do not keep, and this way reads no file twice.
   */
  texts?: Map<string, string>;
  /** false: pages without their links (PageInput.links), for callers that never read them. */
  links?: boolean;
}

/** Files are parsed in chunks of this many; progress is reported, and the event loop given a turn, after each. */
const CHUNK = 64;


/**
 * Every docs file, read once, as text: `graphpact build` fingerprints these (to find an up-to-date output)
 * and then parses the same texts, so a page is never read twice and the fingerprint is of what was parsed.
 */
export interface DocsSnapshot {
  /** Display paths (displayPath), sorted, unique: the files loadDocs parses. */
  files: string[];
  /**
   * Each file's text (decoded as UTF-8), or the error code that kept it from being read (same order as
   * `files`). loadDocs takes each one out (undefined after) as it parses it. Read as text, not as bytes
   * decoded later: the corpus's 50 MB of Buffers cost its build 28 MB of peak memory and 0.6 s of CPU
   * (11 interleaved builds: 400 → 372 MB, 8.1 → 7.4 s), for a fingerprint of the same texts.
   */
  contents: Array<FileText | undefined>;
}

export async function readDocsSnapshot(dirs: string[]): Promise<DocsSnapshot> {
  const files = await listDocsFiles(dirs);
  return { files, contents: files.map(readText) };
}

/** A snapshot's file, taken out of the snapshot. */
function takeText(snapshot: DocsSnapshot, at: number): FileText {
  const content = snapshot.contents[at];
  snapshot.contents[at] = undefined;
  if (!content) throw new Error(`${snapshot.files[at]} was taken from the docs snapshot already`);
  return content;
}

/**
 * The `.md` files under the docs directories, as display paths (sourceName with `root`), sorted and
 * unique. Throws DocsDirError.
 */
export async function listDocsFiles(dirs: string[], root?: string): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    let info;
    try {
      info = await stat(dir);
    } catch (err) {
      throw new DocsDirError(`docs directory ${dir} cannot be read: ${errorCode(err)}`, dir);
    }
    if (!info.isDirectory()) throw new DocsDirError(`docs path ${dir} is not a directory`, dir);
    try {
      await walk(dir, files);
    } catch (err) {
      throw new DocsDirError(`docs directory ${dir} cannot be listed: ${errorCode(err)}`, dir);
    }
  }
  return [...new Set(files.map(sourceNamer(root)))].sort();
}

/**
 * Parses on this thread. A worker thread parsing half the pages was tried and removed: the corpus parsed
 * no sooner (its pages are deserialised on this thread, and V8's GC threads keep the second CPU busy
 * already) for ~2 s more CPU and ~70 MB more memory. So was a build split by API version, a worker taking
 * v1.0 from parse to serialized files (exact: the parts traded type-link tables): no faster on 2 CPUs
 * (5.66-6.50 s against 5.39-6.58 s), 130 MB more.
 */
export async function loadDocs(dirs: string[], opts: LoadOptions = {}): Promise<{ pages: ParsedPage[]; findings: Finding[] }> {
  const { snapshot, root } = opts;
  // A snapshot names files from the current directory: renamed (and sorted again) when a root is given.
  const nameOf = sourceNamer(root);
  const named = snapshot ? snapshot.files.map((file, at) => ({ name: root === undefined ? file : nameOf(file), at })) : undefined;
  if (named && root !== undefined) named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = named ? named.map((n) => n.name) : await listDocsFiles(dirs, root);
  const position = new Map(named?.map((n) => [n.name, n.at]));
  const index = new FileIndex(shown, root);
  // Include files are read first, before any page needs them; they are fragments, not pages.
  const includeFiles = shown.filter(isIncludeFile);
  const pageFiles = shown.filter((f) => !isIncludeFile(f));
  const reader = snapshot ? undefined : docsReader([...includeFiles, ...pageFiles].map((file) => readPathOf(file, root)));
  const textsOf = async (files: string[], at: number): Promise<FileText[]> =>
    snapshot ? files.map((file) => takeText(snapshot, position.get(file) as number)) : (reader as ReadAhead).texts(at, at + files.length);
  const findings: Finding[] = [];
  // A file's text as read (kept for LoadOptions.texts), or undefined and a finding when it could not be read.
  const textOf = (file: string, read: FileText): string | undefined => {
    if ('error' in read) {
      findings.push(unreadableFinding(file, root, read.error));
      return undefined;
    }
    opts.texts?.set(file, read.text);
    return read.text;
  };
  try {
    const includeTexts = await textsOf(includeFiles, 0);
    includeFiles.forEach((file, i) => {
      const text = textOf(file, includeTexts[i]);
      if (text !== undefined) index.addInclude(file, text);
    });
    const pages: ParsedPage[] = [];
    for (let i = 0; i < pageFiles.length; i += CHUNK) {
      const files = pageFiles.slice(i, i + CHUNK);
      const texts = await textsOf(files, includeFiles.length + i);
      files.forEach((file, k) => {
        const text = textOf(file, texts[k]);
        // The version comes from the path (detectVersion).
        if (text !== undefined) pages.push(parsePage({ file, text, ...(opts.links === false ? { links: false } : {}) }, index));
      });
      opts.onProgress?.(includeFiles.length + i + files.length, shown.length);
      await new Promise((resolve) => setImmediate(resolve)); // progress bars redraw
    }
    return { pages, findings };
  } finally {
    reader?.close();
  }
}

/** Below this many files the docs are read on this thread: starting a reader thread would cost more than it saves. */
const READ_AHEAD_MIN_FILES = 500;

/** The files' texts, read ahead on a worker thread for a large tree on a machine with a second CPU (read-ahead.ts). */
function docsReader(paths: string[]): ReadAhead {
  return paths.length >= READ_AHEAD_MIN_FILES && availableParallelism() >= 2 ? readAhead(paths, CHUNK) : readHere(paths);
}
