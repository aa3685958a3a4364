/** File output: atomic (write to a temp file in the same directory, then rename), deterministic JSON. */
import { mkdir, rename, stat, writeFile, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The error code of a failed file operation (`ENOENT`, `EACCES`, ...), else its message. */
export function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message;
}

/** Writes a file atomically: readers see the old content or the new, never half of it. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await ensureDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(dir, { recursive: true })` never settles where mkdir
 * answers ENOENT under an existing parent (e.g. under /proc), which would hang the CLI instead of failing.
 */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw Object.assign(new Error(`${dir} exists and is not a directory`), { code: 'ENOTDIR' });
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw err;
    await ensureDir(parent);
  }
  try {
    await mkdir(dir);
  } catch (err) {
    // Made meanwhile by someone else: fine, if it is a directory.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw err;
  }
}

/** JSON with sorted object keys where asked, 2-space indent and a final newline: same input, same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Recursively sorts object keys (arrays keep their order). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
