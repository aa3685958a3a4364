/**
 * loadDocs: walk docs directories for `*.md` (sorted), index every file case-insensitively for link
 * resolution, read and parse each page. Unreadable files are findings; a missing directory is a
 * DocsDirError (the CLI exits 2).
 */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../model/finding.js';
import type { ParsedPage } from '../model/page.js';
import type { ParseContext } from './links.js';
import { parsePage } from './page.js';

export class DocsDirError extends Error {
  constructor(
    message: string,
    readonly dir: string,
  ) {
    super(message);
    this.name = 'DocsDirError';
  }
}

/** '/'-separated, relative to the current directory when the file is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(file);
  const rel = path.relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}

/** Case-insensitive index of the docs files, for resolving `.md` links (`\` separators accepted). */
export class FileIndex implements ParseContext {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();
  /** Pages of one folder link the same targets over and over: (folder, target) → answer. */
  private readonly cache = new Map<string, { resolved?: string; caseMismatch?: boolean }>();

  /** Include files (`includes/…/*.md`) by normalised path: fragments pages pull in, not pages. */
  private readonly includes = new Map<string, string>();

  addInclude(file: string, text: string): void {
    this.includes.set(normalisePath(file), text);
  }

  readInclude(fromFile: string, target: string): { file: string; text: string } | undefined {
    const { resolved } = this.resolveLink(fromFile, target);
    const text = resolved === undefined ? undefined : this.includes.get(resolved);
    return text === undefined || resolved === undefined ? undefined : { file: resolved, text };
  }

  constructor(files: Iterable<string>) {
    for (const f of files) {
      const norm = normalisePath(f);
      this.exact.add(norm);
      if (!this.folded.has(norm.toLowerCase())) this.folded.set(norm.toLowerCase(), norm);
    }
  }

  resolveLink(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean } {
    const slash = Math.max(fromFile.lastIndexOf('/'), fromFile.lastIndexOf('\\'));
    const key = `${fromFile.slice(0, slash + 1)}\0${target}`;
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.resolveUncached(fromFile, target);
      this.cache.set(key, answer);
    }
    return answer;
  }

  private resolveUncached(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean } {
    const clean = target.split('#')[0].split('?')[0].trim();
    if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return {};
    const withSlashes = clean.replace(/\\/g, '/');
    // Site-absolute links (`/graph/...`) are not files of the docs tree.
    if (withSlashes.startsWith('/')) return {};
    const joined = normalisePath(path.posix.join(path.posix.dirname(normalisePath(fromFile)), decodeSafe(withSlashes)));
    if (this.exact.has(joined)) return withSlashes === clean ? { resolved: joined } : { resolved: joined, caseMismatch: true };
    const found = this.folded.get(joined.toLowerCase());
    return found ? { resolved: found, caseMismatch: true } : {};
  }
}

function normalisePath(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/'));
}

function decodeSafe(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

/** The .md files under `dir` that loadDocs reads, in directory order (bench.ts lists its baseline with it too). */
export async function markdownFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, out);
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const isMd = entry.name.toLowerCase().endsWith('.md');
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && isMd) out.push(full);
    // A symlinked page is read through its link; a dangling one is reported as unreadable, not skipped.
    // Symlinked folders are not followed (no cycles).
    else if (entry.isSymbolicLink() && isMd) {
      const target = await stat(full).catch(() => undefined);
      if (!target || target.isFile()) out.push(full);
    }
  }
}

/** A file under an `includes` folder: a fragment docfx pulls into pages (`[!INCLUDE …]`), not a page of its own. */
export function isIncludeFile(file: string): boolean {
  return file.split(/[\\/]/).slice(0, -1).some((segment) => segment.toLowerCase() === 'includes');
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Progress is reported, and the event loop given a turn (progress bars redraw), every this many files. */
const BATCH = 64;

/** A file's text, or the error code that kept it from being read. */
function readText(file: string): { text: string } | { error: string } {
  try {
    // Synchronous on purpose: for ~10,000 small files it is several times faster than fs.promises.
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code ?? e.message };
  }
}

export async function loadDocs(dirs: string[], opts: LoadOptions = {}): Promise<{ pages: ParsedPage[]; findings: Finding[] }> {
  const files: string[] = [];
  for (const dir of dirs) {
    let info;
    try {
      info = await stat(dir);
    } catch (err) {
      throw new DocsDirError(`docs directory ${dir} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, dir);
    }
    if (!info.isDirectory()) throw new DocsDirError(`docs path ${dir} is not a directory`, dir);
    try {
      await walk(dir, files);
    } catch (err) {
      throw new DocsDirError(`docs directory ${dir} cannot be listed: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, dir);
    }
  }
  const shown = [...new Set(files.map((f) => displayPath(f)))].sort();
  const index = new FileIndex(shown);
  const findings: Finding[] = [];
  for (const file of shown.filter(isIncludeFile)) {
    const read = readText(file);
    if ('error' in read) findings.push({ ruleId: 'parse-unreadable-file', severity: 'error', file, line: 1, message: `cannot read ${file}: ${read.error}` });
    else index.addInclude(file, read.text);
  }
  const pages: ParsedPage[] = [];
  for (let i = 0; i < shown.length; i++) {
    const file = shown[i];
    // Include files were read above, before any page needed them (`api/` sorts before `includes/`).
    const read = isIncludeFile(file) ? undefined : readText(file);
    if (read && 'error' in read) {
      findings.push({ ruleId: 'parse-unreadable-file', severity: 'error', file, line: 1, message: `cannot read ${file}: ${read.error}` });
    } else if (read) {
      pages.push(parsePage({ file, text: read.text }, index)); // the version comes from the path (detectVersion)
    }
    if ((i + 1) % BATCH === 0 || i + 1 === shown.length) {
      opts.onProgress?.(i + 1, shown.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { pages, findings };
}
