/** Raw lines of docs files, for the steps that look at lines the parsed pages do not keep (lint rules, errata anchors). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Lines of a file named relative to `root`, read once on first use; undefined when unreadable.
 * On the corpus this reads each file a second time (about 0.3 s): parsed pages do not keep their text.
 */
export function lineReader(root: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let lines: string[] | undefined;
      try {
        lines = readFileSync(resolve(root, file), 'utf8').split(/\r?\n/);
      } catch {
        lines = undefined;
      }
      cache.set(file, lines);
    }
    return cache.get(file);
  };
}
