/** Raw lines of docs files, for the steps that look at lines the parsed pages do not keep (lint rules, errata anchors). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Lines of a file named relative to `root`; undefined when unreadable. A file whose text is in `texts`
 * (as loadDocs read it: LoadOptions.texts) is not read again, and its lines are split when asked for and
 * not kept (only the last file's): kept for every file they were ~930,000 strings that lived to the end
 * of a corpus lint (~30 MB more peak RSS), and splitting a page again costs microseconds. Others (an
 * errata file) are read from disk once.
 */
export function lineReader(root: string, texts?: ReadonlyMap<string, string>): (file: string) => readonly string[] | undefined {
  const read = new Map<string, readonly string[] | undefined>();
  // Callers often ask for one file several times in a row (findings come sorted by file).
  let last: { file: string; lines: readonly string[] } | undefined;
  return (file) => {
    if (last?.file === file) return last.lines;
    const text = texts?.get(file);
    if (text !== undefined) {
      last = { file, lines: splitLines(text) };
      return last.lines;
    }
    if (!read.has(file)) {
      let lines: string[] | undefined;
      try {
        lines = splitLines(readFileSync(resolve(root, file), 'utf8'));
      } catch {
        lines = undefined;
      }
      read.set(file, lines);
    }
    return read.get(file);
  };
}

/** text.split(/\r?\n/), several times faster: split on '\n', then drop the '\r' before each '\n'. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.includes('\r')) {
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i];
      if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
    }
  }
  return lines;
}
