/**
 * Operation selection (`--operations SEL`): a comma-separated list of
 *   operationId globs   `applications.*`, `users.messages.list`   (`.` separates segments: `*` stays within one, `**` crosses)
 *   path globs          `/education/**`, `/groups/{id}/threads`   (start with `/`; placeholders match any placeholder name)
 *   `@file`             one term per line (blank lines and `#` comments ignored)
 *   `!term`             excludes what term matches
 * Matching is case-insensitive (Graph paths are) and uses picomatch, so glob syntax is the usual one.
 * Pure except for reading `@file` (the reader is injectable).
 */
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { normalizePath } from '../catalog/operation-id.js';
import { errorCode } from '../util/fs.js';

/** What a selection looks at: an operation's id, its first path and every documented path. */
export interface Selectable {
  id: string;
  path: string;
  paths?: { path: string }[];
}

export interface Selection {
  /** The terms as given (after `@file` expansion), for reports and errors. */
  terms: string[];
  matches(operation: Selectable): boolean;
}

/** Bad selection text (empty, unreadable @file): a usage error, exit 2. */
export class SelectionError extends Error {}

/** Splits SEL into terms, reading `@file` terms (one per line). */
export function parseSelectionTerms(text: string, readText: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const terms: string[] = [];
  for (const raw of text.split(',')) {
    const term = raw.trim();
    if (!term) continue;
    if (term.startsWith('@')) {
      const file = term.slice(1);
      let content: string;
      try {
        content = readText(file);
      } catch (err) {
        throw new SelectionError(`--operations ${term}: cannot read ${file}: ${errorCode(err)}`);
      }
      content.split(/\r?\n/).forEach((line) => {
        const t = line.replace(/#.*$/, '').trim();
        if (t) terms.push(t);
      });
    } else {
      terms.push(term);
    }
  }
  if (terms.length === 0) throw new SelectionError(`--operations "${text}" selects nothing: give operation ids, path globs or @file`);
  if (terms.every((t) => t.startsWith('!'))) terms.unshift('**');
  return terms;
}

/** Placeholders compare by position, not name: `{id}`, `{group-id}` and `{group_id}` are the same segment. */
function anonymisePlaceholders(path: string): string {
  return path.replace(/\{[^{}/]*\}/g, '{}');
}

type Matcher = (operation: Selectable) => boolean;

function termMatcher(term: string): Matcher {
  if (term.startsWith('/')) {
    // nobrace: `{id}` in a path glob is a placeholder, not brace expansion.
    const isMatch = picomatch(anonymisePlaceholders(normalizePath(term)), { nocase: true, nobrace: true, dot: true });
    return (op) => {
      const all = [op.path, ...(op.paths ?? []).map((p) => normalizePath(p.path))];
      return all.some((p) => isMatch(anonymisePlaceholders(p)));
    };
  }
  // Operation ids: dots are segments, so `applications.*` is one level and `applications.**` every depth.
  const isMatch = picomatch(term.split('.').join('/'), { nocase: true, dot: true });
  return (op) => isMatch(op.id.split('.').join('/'));
}

/** Compiles terms into a selection: selected when some positive term matches and no `!` term does. */
export function compileSelection(terms: string[]): Selection {
  const include = terms.filter((t) => !t.startsWith('!')).map(termMatcher);
  const exclude = terms.filter((t) => t.startsWith('!')).map((t) => termMatcher(t.slice(1)));
  return {
    terms,
    matches: (op) => include.some((m) => m(op)) && !exclude.some((m) => m(op)),
  };
}

/** `--operations SEL` → Selection; undefined SEL selects everything (the defaults of each command). */
export function selectionOf(text: string | undefined, readText?: (file: string) => string): Selection {
  if (text === undefined) return { terms: ['**'], matches: () => true };
  return compileSelection(parseSelectionTerms(text, readText));
}

/**
 * `--shard i/n`: the i-th of n deterministic slices (1-based) of a sorted list, by position, so every
 * operation is in exactly one shard and shards are balanced within one.
 */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new SelectionError(`--shard must be i/n with 1 ≤ i ≤ n (got "${text}")`);
  return { index, count };
}

export function inShard<T>(items: T[], shard: Shard | undefined): T[] {
  if (!shard || shard.count === 1) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
