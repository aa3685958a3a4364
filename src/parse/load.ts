/**
 * loadDocs: walk docs directories for `*.md` (sorted), index every file case-insensitively for link
 * resolution, read and parse each page. Unreadable files are findings; a missing directory is a
 * DocsDirError (the CLI exits 2).
 */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { siblingWorker } from '../util/worker.js';
import type { Finding } from '../model/finding.js';
import type { JsonBody, ParsedPage } from '../model/page.js';
import { withLazyPointers } from './json-body.js';
import type { ParseContext } from './links.js';
import { parsePage } from './page.js';

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
    for (const f of files) {
      const norm = normalisePath(f);
      let key = norm;
      if (root !== undefined) {
        key = absoluteKey(root, norm);
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
    }
    let answer = this.lastAnswers.get(target);
    if (!answer) {
      answer = this.resolveUncached(fromFile, target);
      this.lastAnswers.set(target, answer);
    }
    return answer;
  }

  private resolveUncached(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean } {
    const clean = target.split('#')[0].split('?')[0].trim();
    if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return {};
    const withSlashes = clean.replace(/\\/g, '/');
    // Site-absolute links (`/graph/...`) are not files of the docs tree.
    if (withSlashes.startsWith('/')) return {};
    const from = normalisePath(fromFile);
    const fromKey = this.root === undefined ? from : (this.keyOf.get(from) ?? absoluteKey(this.root, from));
    const joined = normalisePath(path.posix.join(path.posix.dirname(fromKey), decodeSafe(withSlashes)));
    if (this.exact.has(joined)) return withSlashes === clean ? { resolved: this.nameOf.get(joined) ?? joined } : { resolved: this.nameOf.get(joined) ?? joined, caseMismatch: true };
    const found = this.folded.get(joined.toLowerCase());
    return found ? { resolved: this.nameOf.get(found) ?? found, caseMismatch: true } : {};
  }
}

/** A file named relative to `root` as an absolute '/'-separated path. */
function absoluteKey(root: string, name: string): string {
  return normalisePath(path.resolve(root, name).split(path.sep).join('/'));
}

function normalisePath(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/'));
}

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
  return file.split(/[\\/]/).slice(0, -1).some((segment) => segment.toLowerCase() === 'includes');
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads that parse. Default: GRAPHPACT_PARSE_THREADS when set, else 1 (see defaultThreads). The pages
   * are the same however many parse them.
   */
  threads?: number;
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
}

/** Files are parsed in chunks of this many; progress is reported, and the event loop given a turn, after each. */
const CHUNK = 64;

/** A file's text, or the error code that kept it from being read. */
type FileText = { text: string } | { error: string };

function readText(file: string): FileText {
  try {
    // Synchronous on purpose: for ~10,000 small files it is several times faster than fs.promises.
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: errorCode(err) };
  }
}

function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message;
}

/**
 * Every docs file, read once, as bytes: `graphpact build` fingerprints these (to find an up-to-date output)
 * and then parses the same bytes, so a page is never read twice and the fingerprint is of what was parsed.
 */
export interface DocsSnapshot {
  /** Display paths (displayPath), sorted, unique: the files loadDocs parses. */
  files: string[];
  /**
   * Each file's bytes, or the error code that kept it from being read (same order as `files`). loadDocs
   * takes each file's bytes out (undefined after) as it decodes them: 50 MB of buffers are not kept for
   * the whole build.
   */
  contents: Array<{ bytes: Buffer } | { error: string } | undefined>;
  /**
   * The parse worker, when GRAPHPACT_PARSE_THREADS asks for one: started before the read, so that loading
   * its parser overlaps the read. loadDocs takes it, or ends it. It does not keep the process alive until
   * taken (a build found up to date never parses, and ends it).
   */
  worker?: Worker;
}

export async function readDocsSnapshot(dirs: string[]): Promise<DocsSnapshot> {
  const files = await listDocsFiles(dirs);
  const worker = defaultThreads() > 1 && files.length > 0 ? startWorker() : undefined;
  worker?.unref();
  const contents = files.map((file): { bytes: Buffer } | { error: string } => {
    try {
      return { bytes: readFileSync(file) };
    } catch (err) {
      return { error: errorCode(err) };
    }
  });
  return { files, contents, ...(worker ? { worker } : {}) };
}

/** A snapshot's file as text (decoded as readFileSync(file, 'utf8') would), taken out of the snapshot. */
function takeText(snapshot: DocsSnapshot, at: number): FileText {
  const content = snapshot.contents[at];
  snapshot.contents[at] = undefined;
  if (!content) throw new Error(`${snapshot.files[at]} was taken from the docs snapshot already`);
  return 'bytes' in content ? { text: content.bytes.toString('utf8') } : content;
}

export interface ParsedFiles {
  pages: ParsedPage[];
  /** Files that could not be read. */
  findings: Finding[];
}

/** Told each file's text as read (LoadOptions.texts). */
export type KeepText = (file: string, text: string) => void;

/**
 * Reads and parses files (named by sourceName with `root`), in order; `texts[i]`, when given, is files[i]
 * as already read. Used by loadDocs and by its worker thread.
 */
export function parseFiles(files: readonly string[], index: FileIndex, texts?: readonly FileText[], root?: string, keep?: KeepText): ParsedFiles {
  const pages: ParsedPage[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const read = texts?.[i] ?? readText(readPathOf(file, root));
    if ('error' in read) {
      findings.push(unreadableFinding(file, root, read.error));
    } else {
      keep?.(file, read.text);
      pages.push(parsePage({ file, text: read.text }, index)); // the version comes from the path (detectVersion)
    }
  }
  return { pages, findings };
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
  return [...new Set(files.map((f) => sourceName(f, root)))].sort();
}

export async function loadDocs(dirs: string[], opts: LoadOptions = {}): Promise<{ pages: ParsedPage[]; findings: Finding[] }> {
  const { snapshot, root } = opts;
  const keep: KeepText | undefined = opts.texts ? (file, text) => void opts.texts?.set(file, text) : undefined;
  // A snapshot names files from the current directory: renamed (and sorted again) when a root is given.
  const named = snapshot ? snapshot.files.map((file, at) => ({ name: root === undefined ? file : sourceName(file, root), at })) : undefined;
  if (named && root !== undefined) named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = named ? named.map((n) => n.name) : await listDocsFiles(dirs, root);
  const position = new Map(named?.map((n) => [n.name, n.at]));
  const textOf = (file: string): FileText => (snapshot ? takeText(snapshot, position.get(file) as number) : readText(readPathOf(file, root)));
  const index = new FileIndex(shown, root);
  // Include files are read first, before any page needs them; they are fragments, not pages.
  const findings: Finding[] = [];
  const includes: Array<[string, string]> = [];
  for (const file of shown.filter(isIncludeFile)) {
    const read = textOf(file);
    if ('error' in read) findings.push(unreadableFinding(file, root, read.error));
    else {
      keep?.(file, read.text);
      index.addInclude(file, read.text);
      includes.push([file, read.text]);
    }
  }
  const pageFiles = shown.filter((f) => !isIncludeFile(f));
  const chunks: Chunk[] = [];
  for (let i = 0; i < pageFiles.length; i += CHUNK) {
    const files = pageFiles.slice(i, i + CHUNK);
    let texts: FileText[] | undefined; // taken from the snapshot once (a failed worker's chunk is parsed here from them)
    chunks.push({ files, ...(snapshot ? { texts: () => (texts ??= files.map(textOf)) } : {}) });
  }
  let done = shown.length - pageFiles.length;
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, shown.length);
  };
  const early = snapshot?.worker;
  if (snapshot) delete snapshot.worker;
  const threads = opts.threads ?? defaultThreads();
  if (threads <= 1) void early?.terminate();
  const data: LoadWorkerData = { files: shown, includes, pageFiles, ...(root !== undefined ? { root } : {}), ...(keep ? { keepTexts: true } : {}) };
  const results = threads > 1 ? await parseWithWorker(data, chunks, index, progress, early, keep) : await parseHere(chunks, index, progress, root, keep);
  return { pages: results.flatMap((r) => r.pages), findings: [...findings, ...results.flatMap((r) => r.findings)] };
}

/** A run of files parsed together; `texts` gives them as already read (a snapshot), else they are read when parsed. */
interface Chunk {
  files: string[];
  texts?: () => FileText[];
}

function parseChunk(chunk: Chunk, index: FileIndex, root: string | undefined, keep?: KeepText): ParsedFiles {
  return parseFiles(chunk.files, index, chunk.texts?.(), root, keep);
}

/**
 * One thread unless GRAPHPACT_PARSE_THREADS asks for more. A second thread did not pay: with one, the
 * process already keeps ~1.4 CPUs busy (V8's parallel and concurrent GC), and the worker's pages are
 * deserialised on this thread, so the corpus parsed no sooner (measured, interleaved: loadDocs 4.12 s with
 * one thread, 4.05 s with two on a quiet machine; median 6.1 vs 7.2 s at load 2-4) for ~2 s more CPU
 * (6.2 → 8.2 s) and ~70 MB more RSS. (It used to be started whenever a CPU had been idle during the read.)
 * cpuSample and idleCpusSince below still decide the examples worker of a build (schema/pipeline.ts).
 */
function defaultThreads(): number {
  return askedThreads() ?? 1;
}

function askedThreads(): number | undefined {
  const asked = Number.parseInt(process.env.GRAPHPACT_PARSE_THREADS ?? '', 10);
  return Number.isInteger(asked) && asked >= 1 ? asked : undefined;
}

/** The machine's CPU times (ms, all CPUs summed): idle and in all. */
export interface CpuSample {
  idle: number;
  total: number;
  cpus: number;
}

export function cpuSample(): CpuSample {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cpus: all.length };
}

/**
 * How many CPUs were idle on average since `since` (0 when too little time passed to tell: the kernel
 * counts in 10 ms ticks, so at least 50 ms per CPU are needed).
 */
export function idleCpusSince(since: CpuSample, now: CpuSample = cpuSample()): number {
  const elapsedPerCpu = (now.total - since.total) / Math.max(1, now.cpus);
  if (elapsedPerCpu < 50) return 0;
  return (now.idle - since.idle) / elapsedPerCpu;
}

async function parseHere(chunks: Chunk[], index: FileIndex, progress: (n: number) => void, root: string | undefined, keep?: KeepText): Promise<ParsedFiles[]> {
  const results: ParsedFiles[] = [];
  for (const chunk of chunks) {
    results.push(parseChunk(chunk, index, root, keep));
    progress(chunk.files.length);
    await new Promise((resolve) => setImmediate(resolve)); // progress bars redraw
  }
  return results;
}

/** Workers that ended (failed, or ended before they were given work): their chunks are parsed here. */
const endedWorkers = new WeakSet<Worker>();

/** A worker loading the parser; it is told the files (a `setup` message) when there is work. */
function startWorker(): Worker {
  const worker = siblingWorker(import.meta.url, 'load-worker');
  // A worker that fails before it is given work only costs time (its 'error' would otherwise be thrown).
  worker.on('error', () => endedWorkers.add(worker));
  worker.on('exit', () => endedWorkers.add(worker));
  return worker;
}

/**
 * This thread and one worker take chunks in turn from the front of the list (whoever is free takes the
 * next), so the split follows how fast each runs; results are put back in chunk order, so the pages are
 * the same, in the same order, as parsed by one thread. Two chunks are kept in flight to the worker so
 * that it never waits for this thread. A worker that fails costs only time: its chunks are parsed here.
 */
async function parseWithWorker(data: LoadWorkerData, chunks: Chunk[], index: FileIndex, progress: (n: number) => void, started?: Worker, keep?: KeepText): Promise<ParsedFiles[]> {
  const results: Array<ParsedFiles | undefined> = new Array(chunks.length);
  let next = 0;
  let inFlight = 0;
  const worker = started ?? startWorker();
  worker.ref(); // an early worker was not keeping the process alive; now its replies are awaited
  let failed = endedWorkers.has(worker);
  if (!failed) worker.postMessage({ setup: data } satisfies LoadWorkerMessage);
  const feed = (): void => {
    while (!failed && inFlight < 2 && next < chunks.length) {
      const start = next * CHUNK;
      const texts = chunks[next].texts?.();
      // Texts this thread sends are kept here; the worker sends back only those it read itself.
      const files = chunks[next].files;
      if (keep && texts) texts.forEach((read, i) => 'text' in read && keep(files[i], read.text));
      worker.postMessage({ chunk: next, start, end: start + chunks[next].files.length, ...(texts ? { texts } : {}) } satisfies LoadWorkerMessage);
      next++;
      inFlight++;
    }
  };
  const finished = new Promise<void>((resolve) => {
    if (failed) resolve();
    worker.on('message', (reply: LoadWorkerReply) => {
      results[reply.chunk] = unpackPosted(reply.result, data.files);
      if (keep) for (const [file, text] of reply.texts ?? []) keep(data.files[file], text);
      inFlight--;
      progress(chunks[reply.chunk].files.length);
      feed();
      if (inFlight === 0 && next >= chunks.length) resolve();
    });
    worker.on('error', () => {
      failed = true;
      resolve();
    });
    worker.on('exit', () => {
      failed = true;
      resolve();
    });
  });
  feed();
  while (next < chunks.length) {
    const mine = next++;
    results[mine] = parseChunk(chunks[mine], index, data.root, keep);
    progress(chunks[mine].files.length);
    await new Promise((resolve) => setImmediate(resolve)); // the worker's replies are taken in here
  }
  await finished;
  await worker.terminate();
  return chunks.map((chunk, i) => results[i] ?? parseChunk(chunk, index, data.root, keep));
}

export interface LoadWorkerData {
  /** Every docs file, for the link index. */
  files: string[];
  /** Include files and their text. */
  includes: Array<[string, string]>;
  /** The files to parse; requests are ranges of it. */
  pageFiles: string[];
  /** LoadOptions.root: what the file names are relative to. */
  root?: string;
  /** LoadOptions.texts was given: the worker sends back the texts it read. */
  keepTexts?: boolean;
}
/** What loadDocs posts to its worker: the files (once, first), then chunks to parse. */
export type LoadWorkerMessage = { setup: LoadWorkerData } | LoadWorkerRequest;
export interface LoadWorkerRequest {
  chunk: number;
  start: number;
  end: number;
  /** The files' text as already read (from a snapshot); else the worker reads them. */
  texts?: FileText[];
}
export interface LoadWorkerReply {
  chunk: number;
  result: ParsedFiles;
  /** With LoadWorkerData.keepTexts, the texts the worker read: [number of the file in LoadWorkerData.files, text]. */
  texts?: Array<[number, string]>;
}

/** Parsed data that is docs content, not structure: never walked. */
const CONTENT_KEYS = new Set(['value', 'data', 'frontMatter', 'cells', 'pointers']);

/** Visits every object (not array) of parsed data below `value`, docs content excluded. */
function eachPart(value: unknown, visit: (part: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object') eachPart(item, visit);
    return;
  }
  const record = value as Record<string, unknown>;
  visit(record);
  for (const key of Object.keys(record)) {
    if (CONTENT_KEYS.has(key)) continue;
    const inner = record[key];
    if (inner && typeof inner === 'object') eachPart(inner, visit);
  }
}

/** The parts of a page (its headings, links, examples, rows, ...), the page itself excluded. */
function eachPartOf(page: ParsedPage, visit: (part: Record<string, unknown>) => void): void {
  const record = page as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (CONTENT_KEYS.has(key)) continue;
    const inner = record[key];
    if (inner && typeof inner === 'object') eachPart(inner, visit);
  }
}

/** A JSON body: an object with `pointers` and a string `text`. */
function isJsonBody(part: Record<string, unknown>): boolean {
  return Object.hasOwn(part, 'pointers') && typeof part.text === 'string';
}

/**
 * Before parsed pages are posted from the worker, what this thread can put back is left out of the
 * structured clone (which copies a string every time it occurs, and reads getters):
 * - a part's `file` or `resolved` that names a docs file (most parts: headings, links, rows, examples are
 *   positions in their page) crosses as that file's number in the file list both threads share;
 * - a body whose `pointers` are still lazy crosses as `pointers: null` (the getter would scan every body).
 * Neither is a number or null otherwise. Keys keep their places. The pages then share this thread's file
 * names instead of holding a copy of one in every part.
 */
export function packForPost(result: ParsedFiles, fileIds: ReadonlyMap<string, number>): ParsedFiles {
  for (const page of result.pages) {
    eachPartOf(page, (part) => {
      const file = typeof part.file === 'string' ? fileIds.get(part.file) : undefined;
      if (file !== undefined) part.file = file;
      const resolved = typeof part.resolved === 'string' ? fileIds.get(part.resolved) : undefined;
      if (resolved !== undefined) part.resolved = resolved;
      if (isJsonBody(part) && Object.getOwnPropertyDescriptor(part, 'pointers')?.get) part.pointers = null;
    });
  }
  return result;
}

/** After: numbered files are named again, `pointers: null` lazy again. */
function unpackPosted(result: ParsedFiles, files: readonly string[]): ParsedFiles {
  for (const page of result.pages) {
    eachPartOf(page, (part) => {
      if (typeof part.file === 'number') part.file = files[part.file];
      if (typeof part.resolved === 'number') part.resolved = files[part.resolved];
      if (part.pointers === null && isJsonBody(part)) withLazyPointers(part as unknown as JsonBody);
    });
  }
  return result;
}
