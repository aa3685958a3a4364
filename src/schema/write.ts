/**
 * Writes a generated schema set: every file atomically, deterministic bytes (sorted keys, '\n' end),
 * through redaction. A manifest lists what this build wrote so that the next build can remove its own
 * stale files — after the new ones are in place — and never touches files it did not generate.
 */
import { readFile, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sortKeys, stableJson, writeFileAtomic } from '../util/fs.js';
import { redactText } from '../util/redact.js';

export const MANIFEST_FILE = 'build-manifest.json';

interface Manifest {
  generator: 'graphpact build';
  files: string[];
}

/** The bytes a schema file is written as. */
export function serializeJson(value: unknown): string {
  return redactText(stableJson(sortKeys(value)));
}

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: string[];
}

/** Writes `files` (relative '/' path → JSON value) under `outDir`. */
export async function writeGeneratedFiles(outDir: string, files: Map<string, unknown>): Promise<WriteResult> {
  const previous = await readManifest(outDir);
  const paths = [...files.keys()].sort();
  let written = 0;
  let unchanged = 0;
  for (const path of paths) {
    const target = join(outDir, path);
    const content = serializeJson(files.get(path));
    if ((await readIfExists(target)) === content) {
      unchanged++;
      continue;
    }
    await writeFileAtomic(target, content);
    written++;
  }
  const manifest: Manifest = { generator: 'graphpact build', files: paths };
  await writeFileAtomic(join(outDir, MANIFEST_FILE), serializeJson(manifest));

  const keep = new Set(paths);
  const removed = previous.filter((p) => !keep.has(p) && isInside(p));
  for (const path of removed) {
    await rm(join(outDir, path), { force: true });
    await removeEmptyParents(outDir, dirname(path));
  }
  return { written, unchanged, removed };
}

async function readManifest(outDir: string): Promise<string[]> {
  const text = await readIfExists(join(outDir, MANIFEST_FILE));
  if (text === undefined) return [];
  try {
    const manifest = JSON.parse(text) as Partial<Manifest>;
    return Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return []; // a damaged manifest only means stale files stay
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
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
