/**
 * The input fingerprint of a build: one SHA-256 over everything a build's outputs depend on, so that a
 * build whose fingerprint matches the one recorded beside its outputs (write.ts) can skip all work.
 *
 * - every docs file's text (the snapshot the build then parses, hashed as UTF-8), named as the outputs name it: relative
 *   to the project root (a read error counts too: that build cannot have succeeded);
 * - the docs folders, in order (errata are read folder by folder), and each folder's errata files;
 * - graphpact's own code, dependencies and Node version (codeFingerprint), and the errata schema.
 * `--format` and the thread count do not change the outputs and are not part of it.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceNamer, type DocsSnapshot } from '../parse/load.js';
import { ERRATA_FOLDER, ERRATA_SCHEMA_FILE } from '../errata/load.js';
import { codeFingerprint } from '../util/package.js';

/** Bumped when what goes into the fingerprint changes. */
const FORMAT = 'graphpact build inputs 2';

/** `code` defaults to this graphpact's own (codeFingerprint). */
export function buildFingerprint(dirs: readonly string[], snapshot: DocsSnapshot, root: string, code: string = codeFingerprint()): string {
  const hash = createHash('sha256');
  // Named as the outputs name their sources (sourceName), worked out folder by folder: path.relative for
  // each of the corpus's files was ~60 ms.
  const name = sourceNamer(root);
  hash.update(`${FORMAT}\0${code}\0`);
  addFile(hash, 'errata schema', ERRATA_SCHEMA_FILE);
  for (const dir of dirs) {
    hash.update(`docs folder\0${name(dir)}\0`);
    const folder = join(dir, ERRATA_FOLDER);
    const listed = errataFiles(folder);
    if (typeof listed === 'string') hash.update(`errata folder ${listed}\0`);
    else for (const file of listed) addFile(hash, name(join(folder, file)), join(folder, file));
  }
  snapshot.files.forEach((file, i) => {
    const content = snapshot.contents[i];
    if (!content) throw new Error(`${file}: fingerprinted after it was parsed`);
    hash.update(`file\0${name(file)}\0`);
    // The length in UTF-16 units: what matters is only that it marks where the text ends.
    if ('text' in content) hash.update(`${content.text.length}\0`).update(content.text);
    else hash.update(`unreadable ${content.error}`);
    hash.update('\0');
  });
  return hash.digest('hex');
}

/** The errata files loadErrata reads (`*.yaml`, `*.yml`), or the error code that kept the folder from being listed. */
function errataFiles(folder: string): string[] | string {
  try {
    return readdirSync(folder).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'unlistable';
  }
}

function addFile(hash: Hash, label: string, path: string): void {
  hash.update(`file\0${label}\0`);
  try {
    const bytes = readFileSync(path);
    hash.update(`${bytes.length}\0`).update(bytes);
  } catch (err) {
    hash.update(`unreadable ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  hash.update('\0');
}
