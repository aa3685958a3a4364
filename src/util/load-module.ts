/** Loading a module of this project when it is first needed, as the same copy its static imports load. */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Whether this project runs as CommonJS: under the test runner (mocha + tsx) modules are transpiled to
 * CommonJS as they are required, and there an `import()` would load a second copy of every module the
 * loaded one uses (two exit-code holders, two UsageError classes, two sets of registered secrets), so
 * modules are required instead. The ESM build (and tsx's ESM loader) has no module `__filename`.
 */
const COMMON_JS = typeof __filename === 'string' && __filename === fileURLToPath(import.meta.url);

/** The module at `specifier`, relative to the module at `from` (its import.meta.url). */
export async function loadModule<T>(from: string, specifier: string): Promise<T> {
  return COMMON_JS ? (createRequire(from)(specifier) as T) : ((await import(new URL(specifier, from).href)) as T);
}
