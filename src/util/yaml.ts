/**
 * The yaml package, loaded the first time YAML is read beyond the parser's own front-matter reader
 * (parseSimpleYaml reads every front matter of the corpus's 9,111 pages) or an errata file is read:
 * loading it (72 modules) took ~45 ms of every build and lint start.
 */
import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

export function yaml(): typeof import('yaml') {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
