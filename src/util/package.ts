/** graphpact's own package.json facts. src/util sits two levels below the package root, in src/ and in dist/ alike. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (apidocs/, schemas/, contracts/ and lint-baseline.json live there). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The folder of graphpact's own code: src/ under the test runner (TypeScript), dist/ when built. */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));

let codeHash: string | undefined;

/**
 * SHA-256 over what decides graphpact's behaviour besides its inputs: every file of its own code (so an
 * edited or rebuilt checkout counts as another version, whatever package.json says) but source maps
 * (they never run, and were half of dist's bytes), its package.json, the installed version of each runtime
 * dependency (a markdown-it or ajv upgrade can change outputs) and the Node version. Computed once per
 * process (~1 MB of code, ~10 ms). `dir`: another code folder (tests).
 */
export function codeFingerprint(dir: string = CODE_DIR): string {
  if (dir === CODE_DIR && codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(dir, file))).update('\0');
  const manifest = readFileSync(join(PACKAGE_ROOT, 'package.json'));
  hash.update(manifest);
  const dependencies = Object.keys((JSON.parse(manifest.toString('utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
  for (const name of dependencies) hash.update(`\0${name}@${installedVersion(name) ?? 'missing'}`);
  const digest = hash.digest('hex');
  if (dir === CODE_DIR) codeHash = digest;
  return digest;
}

/** The version of a package as Node would find it from graphpact's root (the nearest node_modules that has it). */
function installedVersion(name: string): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}
