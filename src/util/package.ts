/** graphpact's own package.json facts. src/util sits two levels below the package root, in src/ and in dist/ alike. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root folder (apidocs/, schemas/, contracts/ and lint-baseline.json live there). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
