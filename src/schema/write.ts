/**
 * Writes a generated schema set: deterministic bytes (sorted keys, '\n' end), atomically, and only what
 * changed. A manifest lists what this build wrote, with each file's SHA-256, so that the next build can
 * remove its own stale files — after the new ones are in place — never touches files it did not
 * generate, and finds an up-to-date file without reading it.
 *
 * - Into a directory that does not exist yet, the whole set is written into a temporary sibling folder
 *   that is renamed into place at the end: readers see no output or all of it.
 * - Into an existing directory, each changed file is written to a temporary file beside it and renamed
 *   over the old one. A file is unchanged, and not touched, when its new content has the hash the
 *   manifest recorded and the file on disk still has that size and was not modified after the manifest.
 *   Otherwise it is read and compared (a copied or checked-out folder, a hand-edited file).
 * The writes are synchronous on purpose: thousands of small files written one after another cost less
 * than the same number of promise round trips through the thread pool. A large fresh set is the exception
 * (NewFileWriter): creating a file is mostly kernel time (an inode to allocate: 0.3-2.5 s of system CPU
 * for the corpus's 8,500 files on the reference VM), so one writer thread creates, writes and hashes the
 * small files while this thread serializes the next ones and the large documents (writeFreshDir feeds the
 * writer between their pieces: a build's schema files come serialized already, as JsonTexts).
 *
 * `graphpact build` also leaves a build record (STATE_FILE) beside the manifest: the input fingerprint
 * (fingerprint.ts) the outputs were built from, the manifest's hash, each output's size and modification
 * time, and what the build reported. A build with the same fingerprint whose outputs are intact
 * (upToDateReport) parses nothing and writes nothing. The record is local to the machine (it changes with
 * graphpact's own code) and is not one of the outputs: it is not in the manifest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ensureDir } from '../util/fs.js';
import { siblingWorker } from '../util/worker.js';
import type { WriterBatch, WriterReply } from './writer-worker.js';
import { hasRegisteredSecrets, isRedacted, redactedValue, redactText } from '../util/redact.js';
import { JsonText } from './json-text.js';

export const MANIFEST_FILE = 'build-manifest.json';
export const STATE_FILE = '.graphpact-build-state.json';

interface Manifest {
  generator: 'graphpact build';
  files: string[];
  /** Relative path → SHA-256 (hex) of the bytes written. */
  sha256: Record<string, string>;
}

/**
 * Keys whose values are documented example data (OpenAPI `example`/`examples`, JSON Schema `examples`,
 * `default`, `const`): the one part of a generated file that can carry a credential (an example's
 * password, token or private key), so the part that is redacted. Everything else is generated from doc
 * tables and headings (names, types, descriptions, paths) and is written as it is: redacting 70 MB of it
 * cost 1.5 s a build and only ever hit prose ("the basic claim set" read as a Basic credential).
 */
const EXAMPLE_KEYS = new Set(['example', 'examples', 'default', 'const']);

/**
 * The bytes a generated file is written as: JSON with every object's keys sorted, 2-space indent, final
 * newline (the bytes of stableJson(sortKeys(value)); only the objects whose keys are out of order are
 * copied sorted, so no second copy of the whole value is made), example values redacted. A JsonText is
 * that text already. Secrets registered at run time (a --token) are redacted everywhere.
 */
export function serializeJson(value: unknown): string {
  const text = (value instanceof JsonText ? value.text : canonicalJson(value)) + '\n';
  return hasRegisteredSecrets() ? redactText(text) : text;
}

/**
 * The text serializeJson writes for `value`, without the final newline and before registered secrets are
 * redacted: what a JsonText holds.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalized(withToJson(value, '')), null, 2);
}

/**
 * The bytes of serializeJson(value), as ~1 MB buffers with their SHA-256 and size. A value with many
 * entries at its top (index.json, an OpenAPI document: 42 MB of the corpus's 82) is serialized entry by
 * entry, down to PIECE_DEPTH levels, each entry sorted and redacted (normalized) and written by JSON.stringify
 * at its depth: the same bytes, without the document ever existing as one string (30 MB, twice that as
 * UTF-16) beside its bytes. So is a value holding JsonTexts within those levels (inPieces). Registered
 * secrets are redacted over the whole text, so then it is one piece.
 */
export function serializeToBuffers(value: unknown): { buffers: Buffer[]; sha256: string; size: number } {
  const buffers: Buffer[] = [];
  return { buffers, ...serializeInto(value, (bytes) => buffers.push(bytes)) };
}

/**
 * serializeToBuffers, each buffer handed to `sink` as soon as it is made (then let go: a large document is
 * never whole in memory). With `reuse`, the sink is done with a buffer when it returns (a synchronous write),
 * so one buffer is filled again and again: fresh ones cost ~40 MB of new pages for the corpus's documents.
 */
function serializeInto(value: unknown, sink: (bytes: Buffer) => void, reuse = false): { sha256: string; size: number } {
  const hash = createHash('sha256');
  let size = 0;
  const emit = (bytes: Buffer): void => {
    hash.update(bytes);
    sink(bytes);
    size += bytes.length;
  };
  if (hasRegisteredSecrets() || !inPieces(value)) emit(Buffer.from(serializeJson(value)));
  else {
    // Each piece encoded straight into a buffer: no rope of pieces to flatten, and the pieces without a
    // character beyond Latin-1 (most) take V8's one-byte path even when a neighbour does not.
    let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    const put = (piece: string): void => {
      // A UTF-16 unit is at most 3 bytes of UTF-8: room for that, else the buffer goes first.
      if (used + piece.length * 3 > BUFFER_BYTES) {
        if (used > 0) emit(buffer.subarray(0, used));
        if (!reuse) buffer = Buffer.allocUnsafe(BUFFER_BYTES);
        used = 0;
        if (piece.length * 3 > BUFFER_BYTES) return emit(Buffer.from(piece));
      }
      used += buffer.write(piece, used);
    };
    writePieces(resolved({ '': value }, ''), 0, put);
    put('\n');
    emit(buffer.subarray(0, used));
  }
  return { sha256: hash.digest('hex'), size };
}

/** Containers this deep are serialized entry by entry (deeper ones whole). */
const PIECE_DEPTH = 3;
/** How many characters the one-key objects that wrap a value `depth` levels deep add before and after it (see writePieces). */
const WRAPPINGS = Array.from({ length: PIECE_DEPTH + 1 }, (_, depth) => {
  let wrapped: unknown = 0;
  for (let i = 0; i < depth; i++) wrapped = { _: wrapped };
  const text = JSON.stringify(wrapped, null, 2);
  const at = text.lastIndexOf('0');
  return { open: at, close: text.length - at - 1 };
});
/** Bytes gathered before they are hashed and written (1 MiB). */
const BUFFER_BYTES = 1 << 20;
/**
 * Documents with at least this many entries at their top two levels are serialized in pieces: on the
 * corpus the index and the OpenAPI documents (42 MB in 5 files). Below that a file is one JSON.stringify:
 * serializing thousands of small schemas entry by entry cost more CPU than it saved memory.
 */
const LARGE_ENTRIES = 1000;

/**
 * Whether a value is written piece by piece (writePieces): a large container, or a container holding a
 * JsonText where the pieces reach it (an OpenAPI document's components, in a build), which is then written as
 * it is. Whole, it would go through JSON.stringify, and so be parsed back by its toJSON: twice the time of
 * the plain value for a document of 3,500 components.
 */
function inPieces(value: unknown): boolean {
  return isLargeContainer(value) || (!(value instanceof JsonText) && holdsJsonText(value, PIECE_DEPTH));
}

function isLargeContainer(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length >= LARGE_ENTRIES;
  let entries = 0;
  for (const inner of Object.values(value)) entries += inner && typeof inner === 'object' ? Object.keys(inner).length + 1 : 1;
  return entries >= LARGE_ENTRIES;
}

/** A JsonText among the values `depth` levels below `value`. */
function holdsJsonText(value: unknown, depth: number): boolean {
  if (depth === 0 || !value || typeof value !== 'object') return false;
  for (const inner of Object.values(value)) if (inner instanceof JsonText || holdsJsonText(inner, depth - 1)) return true;
  return false;
}

/** holder[key] as JSON.stringify sees it: toJSON, then the replacer. A JsonText as it is (sorted and redacted already). */
function resolved(holder: object, key: string): unknown {
  const value = (holder as Record<string, unknown>)[key];
  return value instanceof JsonText ? value : sortAndRedact.call(holder, key, withToJson(value, key));
}

/** A value as JSON.stringify writes it in place of `value` found under `key`: its toJSON's result, if it has one. */
function withToJson(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: (k: string) => unknown }).toJSON(key) : value;
}

/**
 * What JSON.stringify(…, sortAndRedact) makes of the inside of a value that has been through it already
 * (its own keys sorted, redacted if it is an example), as a value that JSON.stringify writes to the same
 * text with no replacer: every object below with its keys sorted, every example value below redacted.
 * Objects and arrays are copied only where something in them changes (generated values are mostly in
 * order already). Why: JSON.stringify calls a replacer back for each of the millions of keys in a build's
 * outputs, and that cost three times the stringify itself; without one it stays in V8's fast path.
 */
function normalized(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = normalized(withToJson(item, String(i)));
      if (next !== item && !copy) copy = value.slice(0, i);
      if (copy) copy.push(next);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      inOrder = false;
      break;
    }
  }
  if (!inOrder) keys.sort();
  let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const inner = record[key];
    let next = withToJson(inner, key);
    if (EXAMPLE_KEYS.has(key) && next !== undefined && !isRedacted(next)) next = redactedValue(next);
    next = normalized(next);
    if (next !== inner && !copy) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]] = record[keys[j]];
    }
    if (copy) copy[key] = next;
  }
  return copy ?? value;
}

/** What JSON leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Emits a resolved value as JSON.stringify(…, sortAndRedact, 2) writes it at `depth`. */
function writePieces(value: unknown, depth: number, emit: (piece: string) => void): void {
  if (value instanceof JsonText) return emit(value.at(depth));
  if (depth >= PIECE_DEPTH || !value || typeof value !== 'object') {
    if (depth === 0) return emit(JSON.stringify(normalized(value), null, 2));
    // Written inside `depth` one-key objects, so that JSON.stringify itself indents it to its depth; the
    // wrapping is cut off again (a slice, not a copy). Re-indenting the text afterwards (replaceAll of
    // '\n') cost twice the stringify.
    const wrapping = WRAPPINGS[depth];
    let wrapped: unknown = normalized(value);
    for (let i = 0; i < depth; i++) wrapped = { _: wrapped };
    const text = JSON.stringify(wrapped, null, 2);
    return emit(text.slice(wrapping.open, text.length - wrapping.close));
  }
  const inner = '\n' + '  '.repeat(depth + 1);
  const close = '\n' + '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return emit('[]');
    for (let i = 0; i < value.length; i++) {
      emit(i === 0 ? `[${inner}` : `,${inner}`);
      const item = resolved(value, String(i));
      if (omitted(item)) emit('null');
      else writePieces(item, depth + 1, emit);
    }
    return emit(`${close}]`);
  }
  let first = true;
  for (const name of Object.keys(value)) {
    const entry = resolved(value, name);
    if (omitted(entry)) continue;
    emit(`${first ? '{' : ','}${inner}${JSON.stringify(name)}: `);
    writePieces(entry, depth + 1, emit);
    first = false;
  }
  emit(first ? '{}' : `${close}}`);
}


function sortAndRedact(this: unknown, key: string, value: unknown): unknown {
  if (EXAMPLE_KEYS.has(key) && value !== undefined && !Array.isArray(this) && !isRedacted(value)) value = redactedValue(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      const sorted: Record<string, unknown> = {};
      for (const k of keys.sort()) sorted[k] = (value as Record<string, unknown>)[k];
      return sorted;
    }
  }
  return value;
}

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: string[];
}

/** What a build records so that the next build with the same inputs can skip all work. */
export interface BuildRecord {
  /** The build's input fingerprint (buildFingerprint). */
  inputs: string;
  /** What the build reported, as JSON: given back by upToDateReport. */
  report: unknown;
}

interface BuildState {
  generator: 'graphpact build';
  inputs: string;
  /** SHA-256 of the manifest's bytes. */
  manifest: string;
  /** Each output (manifest order) → [size, mtimeMs] as the build left it. */
  stats: Record<string, [number, number]>;
  report: unknown;
}

export interface WriteOptions {
  /** Leave a build record beside the outputs (graphpact build does). */
  record?: BuildRecord;
  /**
   * A fresh set's small files are written by a writer thread (NewFileWriter). Default: when the set has
   * WRITER_MIN_FILES files or more and there are 2 CPUs or more. The bytes are the same either way.
   */
  writerThread?: boolean;
}

/** Below this many files a writer thread costs more to start than the file creations it takes over. */
const WRITER_MIN_FILES = 256;

/** Writes `files` (relative '/' path → JSON value) under `outDir`. */
export async function writeGeneratedFiles(outDir: string, files: Map<string, unknown>, options: WriteOptions = {}): Promise<WriteResult> {
  const paths = [...files.keys()].sort();
  const existing = statOrUndefined(outDir);
  if (!existing) {
    await ensureDir(dirname(outDir));
    return writeFreshDir(outDir, paths, files, options);
  }
  const previous = readManifest(outDir);
  const sha256: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;
  for (const path of paths) {
    const target = join(outDir, path);
    const serialized = serializeToBuffers(files.get(path));
    sha256[path] = serialized.sha256;
    if (isUnchanged(target, serialized, serialized.sha256 === previous.sha256[path], previous.mtimeMs)) {
      unchanged++;
      continue;
    }
    writeAtomicSync(target, serialized.buffers);
    written++;
  }
  const manifest = manifestText(paths, sha256);
  const keep = new Set(paths);
  const removed = previous.files.filter((p) => !keep.has(p) && isInside(p));
  // Nothing written and the same manifest: the directory is exactly as the last build left it; leave it alone.
  if (written > 0 || removed.length > 0 || manifest !== previous.text) writeAtomicSync(join(outDir, MANIFEST_FILE), Buffer.from(manifest));
  for (const path of removed) {
    await rm(join(outDir, path), { force: true });
    await removeEmptyParents(outDir, dirname(path));
  }
  if (options.record) {
    const state = stateText(outDir, paths, manifest, options.record);
    if (state !== readOrUndefined(join(outDir, STATE_FILE))) writeAtomicSync(join(outDir, STATE_FILE), Buffer.from(state));
  }
  return { written, unchanged, removed };
}

/**
 * The report of the build that left `outDir` as it is, when that build had the fingerprint `inputs` and
 * its outputs are intact; else undefined (then build). Intact: the manifest has the recorded hash, and each
 * file it lists has the recorded size and either the recorded modification time, older than the record
 * itself, or (a copied folder, a touched file, one modified within the clock tick of the record) the
 * manifest's SHA-256 of its bytes. Stat data first, hashes only where it cannot vouch (as git's index
 * does): reading and hashing every output would add a read of ~80 MB to every up-to-date build of the
 * corpus, and a same-size edit that also puts back the recorded modification time is not an accident.
 */
export function upToDateReport(outDir: string, inputs: string): unknown {
  try {
    return recordedReportIfIntact(outDir, inputs);
  } catch {
    return undefined; // an unreadable out dir is for the build itself to report
  }
}

function recordedReportIfIntact(outDir: string, inputs: string): unknown {
  const statePath = join(outDir, STATE_FILE);
  const text = readOrUndefined(statePath);
  if (text === undefined) return undefined;
  let state: Partial<BuildState>;
  try {
    state = JSON.parse(text) as Partial<BuildState>;
  } catch {
    return undefined;
  }
  if (state.generator !== 'graphpact build' || state.inputs !== inputs || !state.stats || typeof state.stats !== 'object') return undefined;
  const manifest = readManifest(outDir);
  if (manifest.text === undefined || hashOf(Buffer.from(manifest.text)) !== state.manifest) return undefined;
  const recordedAt = statOrUndefined(statePath)?.mtimeMs ?? 0;
  for (const path of manifest.files) {
    const recorded = state.stats[path];
    const expected = manifest.sha256[path];
    if (!Array.isArray(recorded) || !expected || !isInside(path)) return undefined;
    const info = statOrUndefined(join(outDir, path));
    if (!info?.isFile() || info.size !== recorded[0]) return undefined;
    if (info.mtimeMs === recorded[1] && info.mtimeMs < recordedAt) continue;
    if (hashOf(readFileSync(join(outDir, path))) !== expected) return undefined;
  }
  return state.report;
}

/** `known`: files whose stat data was taken when they were written (NewFileWriter); the others are looked up. */
function stateText(dir: string, paths: string[], manifest: string, record: BuildRecord, known?: ReadonlyMap<string, { size: number; mtimeMs: number }>): string {
  const stats: Record<string, [number, number]> = {};
  for (const path of paths) {
    const info = known?.get(path) ?? statSync(join(dir, path));
    stats[path] = [info.size, info.mtimeMs];
  }
  const state: BuildState = { generator: 'graphpact build', inputs: record.inputs, manifest: hashOf(Buffer.from(manifest)), stats, report: record.report };
  return JSON.stringify(state) + '\n';
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The whole set into a temporary sibling folder, renamed into place: no partial output directory, ever. */
async function writeFreshDir(outDir: string, paths: string[], files: Map<string, unknown>, { record, writerThread }: WriteOptions): Promise<WriteResult> {
  const tmp = join(dirname(outDir), `.${basename(outDir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const made = new Set<string>();
  const dirOf = (rel: string): void => {
    if (rel === '.' || made.has(rel)) return;
    dirOf(dirname(rel));
    mkdirSync(join(tmp, rel));
    made.add(rel);
  };
  const sha256: Record<string, string> = {};
  const writer = (writerThread ?? (paths.length >= WRITER_MIN_FILES && availableParallelism() >= 2)) ? new NewFileWriter() : undefined;
  try {
    mkdirSync(tmp);
    // A document written in pieces is streamed to its file from here (never whole in memory); the others go to the writer.
    const toWriter: string[] = [];
    const here: string[] = [];
    for (const path of paths) (writer && !inPieces(files.get(path)) ? toWriter : here).push(path);
    let next = 0;
    // Hands the writer files while it has room. Called between the pieces of the large documents too: the
    // writer works through its queue while this thread serializes them, and neither waits for the other.
    const feed = (): void => {
      while (writer && next < toWriter.length && writer.hasRoom()) {
        const path = toWriter[next++];
        dirOf(dirname(path));
        writer.add(path, join(tmp, path), serializeJson(files.get(path)));
      }
    };
    feed();
    for (const path of here) {
      dirOf(dirname(path));
      sha256[path] = serializeToFile(join(tmp, path), files.get(path), feed);
    }
    for (feed(); writer && next < toWriter.length; feed()) await writer.progress();
    const byWriter = (await writer?.finish()) ?? new Map<string, NewFile>();
    for (const [path, file] of byWriter) sha256[path] = file.sha256;
    const manifest = manifestText(paths, sha256);
    writeFileSync(join(tmp, MANIFEST_FILE), manifest);
    if (record) writeFileSync(join(tmp, STATE_FILE), stateText(tmp, paths, manifest, record, byWriter));
    renameSync(tmp, outDir);
  } catch (err) {
    await writer?.close(); // before the folder goes: no file of it is being written meanwhile
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { written: paths.length, unchanged: 0, removed: [] };
}

/** A file the writer thread made: the SHA-256 of its bytes, and its size and modification time as it left it. */
interface NewFile {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** Files are posted to the writer in batches of about this many characters (fewer messages, each still small). */
const WRITER_BATCH_CHARS = 256 * 1024;
/** At most this many characters posted and not yet written: the queue's memory is bounded. */
const WRITER_MAX_QUEUED_CHARS = 4 * 1024 * 1024;

/**
 * New files written on a worker thread (writer-worker.ts), in batches, while this thread goes on (the files
 * of a fresh folder: created, never replaced; each file's stat data is taken before it is closed, which is
 * what the build record keeps: nothing changes a file after its last write). add() never waits: the caller
 * asks hasRoom() first, which reads how much the writer has written from memory the two threads share, so
 * it can be asked in the middle of synchronous work; progress() waits for the writer's next answer.
 * finish() gives every file's hash and stat data, or throws the first error the writer met (its message
 * names the file, as Node's fs errors do). The writer thread is ended by finish() and close().
 */
class NewFileWriter {
  /** Characters the writer has written so far, counted by the writer thread: read while this thread is busy. */
  private readonly written = new BigInt64Array(new SharedArrayBuffer(8));
  // A small young generation: each text lives only until it is written (the build's peak memory is near here).
  private readonly worker: Worker = siblingWorker(import.meta.url, 'writer-worker', { resourceLimits: { maxYoungGenerationSizeMb: 4 }, workerData: this.written });
  private batch: Array<[string, string]> = [];
  private batchPaths: string[] = [];
  private batchChars = 0;
  /** Characters handed to add(), batched or posted. */
  private addedChars = 0;
  private nextId = 0;
  /** Posted batches not yet answered: their paths. */
  private readonly posted = new Map<number, string[]>();
  private readonly made = new Map<string, NewFile>();
  private failure: Error | undefined;
  /** Woken when an answer (or a failure) comes in. */
  private wake: (() => void) | undefined;

  constructor() {
    this.worker.on('message', (reply: WriterReply) => {
      const paths = this.posted.get(reply.id);
      this.posted.delete(reply.id);
      if (reply.error) this.fail(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else if (paths && reply.made) paths.forEach((path, i) => this.made.set(path, { sha256: reply.made![i][0], size: reply.made![i][1], mtimeMs: reply.made![i][2] }));
      this.wakeUp();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (this.posted.size > 0) this.fail(new Error(`the file writer thread ended (exit code ${code}) before it wrote every file`));
    });
  }

  /** Whether fewer than WRITER_MAX_QUEUED_CHARS characters are waiting to be written. Throws the writer's first error. */
  hasRoom(): boolean {
    if (this.failure) throw this.failure;
    return this.addedChars - Number(Atomics.load(this.written, 0)) < WRITER_MAX_QUEUED_CHARS;
  }

  /** Queues `text` to be written to the new file `absolute` (recorded as `path`). Never waits: see hasRoom. */
  add(path: string, absolute: string, text: string): void {
    this.batch.push([absolute, text]);
    this.batchPaths.push(path);
    this.batchChars += text.length;
    this.addedChars += text.length;
    if (this.batchChars >= WRITER_BATCH_CHARS) this.post();
  }

  /** Resolves when the writer has answered a batch (so it may have room again). Posts what is batched first. */
  async progress(): Promise<void> {
    this.post();
    if (this.posted.size > 0 && !this.failure) await this.answer();
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<Map<string, NewFile>> {
    this.post();
    while (this.posted.size > 0 && !this.failure) await this.answer();
    await this.close();
    if (this.failure) throw this.failure;
    return this.made;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(): void {
    if (this.batch.length === 0) return;
    const id = this.nextId++;
    this.posted.set(id, this.batchPaths);
    this.worker.postMessage({ id, files: this.batch } satisfies WriterBatch);
    this.batch = [];
    this.batchPaths = [];
    this.batchChars = 0;
  }

  private answer(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wakeUp();
  }
}

function manifestText(paths: string[], sha256: Record<string, string>): string {
  const manifest: Manifest = { generator: 'graphpact build', files: paths, sha256 };
  return serializeJson(manifest);
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * True when `target` already holds `bytes`. Cheap when the manifest vouches for it (same hash recorded,
 * same size, modified before the manifest was written); else the file is read and compared.
 */
function isUnchanged(target: string, serialized: { buffers: Buffer[]; size: number }, hashRecorded: boolean, manifestMtimeMs: number | undefined): boolean {
  const info = statOrUndefined(target);
  if (!info || !info.isFile() || info.size !== serialized.size) return false;
  // Strictly older: an edit in the same clock tick as the manifest's write has the manifest's time (git's
  // "racily clean" case), so such a file is read and compared, never vouched for.
  if (hashRecorded && manifestMtimeMs !== undefined && info.mtimeMs < manifestMtimeMs) return true;
  return readFileSync(target).equals(serialized.buffers.length === 1 ? serialized.buffers[0] : Buffer.concat(serialized.buffers));
}

/**
 * Serializes `value` into a new file as it goes (serializeInto); the SHA-256 of what was written. `between`
 * is called after each buffer is written.
 */
function serializeToFile(path: string, value: unknown, between?: () => void): string {
  const fd = openSync(path, 'w');
  try {
    return serializeInto(value, (buffer) => {
      for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
      between?.();
    }, true).sha256;
  } finally {
    closeSync(fd);
  }
}

/** Writes the buffers one after another into a new file (or over an existing one). */
function writeBuffersSync(path: string, buffers: Buffer[]): void {
  if (buffers.length === 1) return writeFileSync(path, buffers[0]);
  const fd = openSync(path, 'w');
  try {
    for (const buffer of buffers) {
      for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/** Readers see the old content or the new, never half of it. The folder is made when missing. */
function writeAtomicSync(target: string, bytes: Buffer | Buffer[]): void {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const buffers = Array.isArray(bytes) ? bytes : [bytes];
  try {
    writeBuffersSync(tmp, buffers);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    writeBuffersSync(tmp, buffers);
  }
  try {
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The previous build's manifest: its files, their hashes, its own text and modification time. */
function readManifest(outDir: string): { files: string[]; sha256: Record<string, string>; text?: string; mtimeMs?: number } {
  const path = join(outDir, MANIFEST_FILE);
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(path, 'utf8');
    mtimeMs = statSync(path).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], sha256: {} };
    throw err;
  }
  try {
    const manifest = JSON.parse(text) as Partial<Manifest>;
    const files = Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : [];
    const sha256: Record<string, string> = {};
    if (manifest.sha256 && typeof manifest.sha256 === 'object') {
      for (const [path, hash] of Object.entries(manifest.sha256)) if (typeof hash === 'string') sha256[path] = hash;
    }
    return { files, sha256, text, mtimeMs };
  } catch {
    return { files: [], sha256: {} }; // a damaged manifest only means stale files stay and every file is compared
  }
}

/** A manifest entry must stay inside the out dir (a hand-edited manifest cannot delete elsewhere). */
function isInside(path: string): boolean {
  return !path.startsWith('/') && !path.split('/').includes('..');
}

async function removeEmptyParents(outDir: string, relDir: string): Promise<void> {
  for (let dir = relDir; dir !== '.' && dir !== ''; dir = dirname(dir)) {
    const abs = join(outDir, dir);
    try {
      if ((await readdir(abs)).length > 0) return;
      await rmdir(abs);
    } catch {
      return;
    }
  }
}
