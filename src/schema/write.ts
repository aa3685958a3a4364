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
 * than the same number of promise round trips through the thread pool.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ensureDir } from '../util/fs.js';
import { hasRegisteredSecrets, redactText, redactValue } from '../util/redact.js';

export const MANIFEST_FILE = 'build-manifest.json';

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
 * newline (the bytes of stableJson(sortKeys(value)); a replacer sorts only the objects whose keys are out
 * of order, so no second copy of the whole value is made), example values redacted. Secrets registered
 * at run time (a --token) are redacted everywhere.
 */
export function serializeJson(value: unknown): string {
  const text = JSON.stringify(value, sortAndRedact, 2) + '\n';
  return hasRegisteredSecrets() ? redactText(text) : text;
}

function sortAndRedact(this: unknown, key: string, value: unknown): unknown {
  if (EXAMPLE_KEYS.has(key) && value !== undefined && !Array.isArray(this)) value = redactValue(value);
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

/** Writes `files` (relative '/' path → JSON value) under `outDir`. */
export async function writeGeneratedFiles(outDir: string, files: Map<string, unknown>): Promise<WriteResult> {
  const paths = [...files.keys()].sort();
  const existing = statOrUndefined(outDir);
  if (!existing) {
    await ensureDir(dirname(outDir));
    return writeFreshDir(outDir, paths, files);
  }
  const previous = readManifest(outDir);
  const sha256: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;
  for (const path of paths) {
    const target = join(outDir, path);
    const bytes = Buffer.from(serializeJson(files.get(path)));
    const hash = (sha256[path] = hashOf(bytes));
    if (isUnchanged(target, bytes, hash === previous.sha256[path], previous.mtimeMs)) {
      unchanged++;
      continue;
    }
    writeAtomicSync(target, bytes);
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
  return { written, unchanged, removed };
}

/** The whole set into a temporary sibling folder, renamed into place: no partial output directory, ever. */
function writeFreshDir(outDir: string, paths: string[], files: Map<string, unknown>): WriteResult {
  const tmp = join(dirname(outDir), `.${basename(outDir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const made = new Set<string>();
  const dirOf = (rel: string): void => {
    if (rel === '.' || made.has(rel)) return;
    dirOf(dirname(rel));
    mkdirSync(join(tmp, rel));
    made.add(rel);
  };
  const sha256: Record<string, string> = {};
  try {
    mkdirSync(tmp);
    for (const path of paths) {
      const bytes = Buffer.from(serializeJson(files.get(path)));
      sha256[path] = hashOf(bytes);
      dirOf(dirname(path));
      writeFileSync(join(tmp, path), bytes);
    }
    writeFileSync(join(tmp, MANIFEST_FILE), manifestText(paths, sha256));
    renameSync(tmp, outDir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { written: paths.length, unchanged: 0, removed: [] };
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
 * same size, not modified since the manifest was written); else the file is read and compared.
 */
function isUnchanged(target: string, bytes: Buffer, hashRecorded: boolean, manifestMtimeMs: number | undefined): boolean {
  const info = statOrUndefined(target);
  if (!info || !info.isFile() || info.size !== bytes.length) return false;
  if (hashRecorded && manifestMtimeMs !== undefined && info.mtimeMs <= manifestMtimeMs) return true;
  return readFileSync(target).equals(bytes);
}

/** Readers see the old content or the new, never half of it. The folder is made when missing. */
function writeAtomicSync(target: string, bytes: Buffer): void {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
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
