/** Raw lines of docs files, for the steps that look at lines the parsed pages do not keep (lint rules, errata anchors). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Lines of a file named relative to `root`, split on first use; undefined when unreadable. A file whose
 * text is in `texts` (as loadDocs read it: LoadOptions.texts) is not read again; others (an errata file)
 * are read from disk.
 */
export function lineReader(root: string, texts?: ReadonlyMap<string, string>): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text = texts?.get(file);
      if (text === undefined) {
        try {
          text = readFileSync(resolve(root, file), 'utf8');
        } catch {
          text = undefined;
        }
      }
      cache.set(file, text?.split(/\r?\n/));
    }
    return cache.get(file);
  };
}
