/** graphpact's own package.json facts. src/util sits two levels below the package root, in src/ and in dist/ alike. */
import { readFileSync } from 'node:fs';

export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
