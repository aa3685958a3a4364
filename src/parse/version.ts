/**
 * API version of a page: from the folder (`/v1.0/` or `/beta/` path segment), else from the first
 * example URL (`https://graph.microsoft.com/<version>/...`), else undefined.
 */
import type { Example, ParsedPage } from '../model/page.js';

const FOLDER_VERSIONS = ['v1.0', 'beta'];

export function versionFromPath(file: string): string | undefined {
  const segments = file.split(/[\\/]/);
  for (let i = segments.length - 2; i >= 0; i--) if (FOLDER_VERSIONS.includes(segments[i])) return segments[i];
  return undefined;
}

export function detectVersion(file: string, given: string | undefined, examples: Example[]): ParsedPage['version'] {
  if (given) return { value: given, source: 'folder', line: 1 };
  const fromPath = versionFromPath(file);
  if (fromPath) return { value: fromPath, source: 'folder', line: 1 };
  for (const example of examples) {
    if (example.request?.version) return { value: example.request.version, source: 'example-url', line: example.request.line };
  }
  return undefined;
}

/** Is this path in an `api` or `resources` folder? */
export function kindFromPath(file: string): 'api' | 'resource' | undefined {
  const segments = file.split(/[\\/]/).slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (segments[i] === 'api') return 'api';
    if (segments[i] === 'resources') return 'resource';
  }
  return undefined;
}
