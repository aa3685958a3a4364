/**
 * JSON bodies of examples and JSON representations: strict JSON.parse first, then a lenient pass
 * (json5 after our own repairs of raw control characters and `...` elisions), else 'invalid' with the
 * line of the problem. A small scanner maps every key's JSON pointer to its file line.
 */
import JSON5 from 'json5';
import type { JsonBody, JsonParseStatus } from '../model/page.js';
import { pointerSegment } from '../util/json-pointer.js';

export interface JsonScan {
  /** JSON pointer of every key → 0-based line offset within the text. */
  pointers: Record<string, number>;
  /** What a lenient parser would have to accept (empty for strict JSON). */
  repairs: string[];
  /** The text with raw control characters in strings escaped and `...` elisions blanked. */
  repairedText: string;
}

interface Frame {
  kind: 'object' | 'array';
  pointer: string;
  key?: string;
  index: number;
  expectKey: boolean;
}

/** Characters of an unquoted key or literal (`true`, `12.5`, `displayName`). */
function isIdentCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || c === 43 || c === 45
  );
}

const CONTROL = /[\u0000-\u001f]/;

/**
 * One pass over JSON-ish text: tracks the container stack and line, records each key's pointer,
 * notes repairs (trailing commas, comments, unquoted keys, single quotes, control characters, elisions).
 * Written as a plain loop over char codes with string contents skipped by indexOf: it runs on every
 * example body of the corpus.
 */
export function scanJson(text: string): JsonScan {
  return new JsonScanner(text).run();
}

class JsonScanner {
  private readonly pointers: Record<string, number> = {};
  private readonly repairs = new Set<string>();
  private readonly edits: Array<[number, number, string]> = [];
  private readonly stack: Frame[] = [];
  private line = 0;
  private readonly n: number;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  run(): JsonScan {
    const { text, n } = this;
    let pos = 0;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        this.line++;
        pos++;
      } else if (c === 32 || c === 9 || c === 13) pos++;
      else if (c === 34 /* " */ || c === 39 /* ' */ || c === 0x201c || c === 0x201d) pos = this.string(pos, c);
      else if (c === 123 /* { */ || c === 91 /* [ */) {
        const kind = c === 123 ? 'object' : 'array';
        this.stack.push({ kind, pointer: this.childPointer(), index: 0, expectKey: kind === 'object' });
        pos++;
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        this.stack.pop();
        this.valueDone();
        pos++;
      } else if (c === 44 /* , */) {
        const f = this.top();
        if (f?.kind === 'object') f.expectKey = true;
        else if (f) f.index++;
        const next = this.peek(pos + 1);
        if (next === '}' || next === ']') this.repairs.add('trailing comma');
        pos++;
      } else if (c === 58 /* : */) {
        const f = this.top();
        if (f?.kind === 'object') f.expectKey = false;
        pos++;
      } else if (c === 47 /* / */ && (text[pos + 1] === '/' || text[pos + 1] === '*')) pos = this.comment(pos);
      else if (c === 46 /* . */ && text.startsWith('...', pos)) pos = this.elision(pos);
      else if (c === 0x2026 /* … */) {
        this.repairs.add('... elision');
        this.edits.push([pos, 1, ' ']);
        pos++;
      } else if (isIdentCode(c)) pos = this.word(pos);
      else pos++;
    }
    return { pointers: this.pointers, repairs: [...this.repairs], repairedText: applyEdits(text, this.edits) };
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private childPointer(): string {
    const f = this.top();
    if (!f) return '';
    return f.kind === 'object' ? `${f.pointer}/${pointerSegment(f.key ?? '')}` : `${f.pointer}/${f.index}`;
  }

  /** Next significant character at or after `from`, skipping whitespace and comments. */
  private peek(from: number): string {
    const { text, n } = this;
    let p = from;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 10 || c === 9 || c === 13) p++;
      else if (c === 47 && text[p + 1] === '/') {
        const end = text.indexOf('\n', p);
        p = end < 0 ? n : end;
      } else if (c === 47 && text[p + 1] === '*') {
        const end = text.indexOf('*/', p + 2);
        p = end < 0 ? n : end + 2;
      } else return text[p];
    }
    return '';
  }

  /** After a value, a key may follow even without a comma (a missing comma still maps the next key). */
  private valueDone(): void {
    const f = this.top();
    if (f?.kind === 'object') f.expectKey = true;
  }

  private noteKey(key: string, keyLine: number): void {
    const f = this.top();
    if (!f || f.kind !== 'object') return;
    f.key = key;
    f.expectKey = false;
    const pointer = `${f.pointer}/${pointerSegment(key)}`;
    if (!(pointer in this.pointers)) this.pointers[pointer] = keyLine;
  }

  /** A quoted string at `pos`; returns the position after it. Notes it as a key when one is expected. */
  private string(pos: number, quote: number): number {
    const { text, n } = this;
    const close = quote === 0x201c ? '\u201d' : String.fromCharCode(quote);
    if (quote !== 34) this.repairs.add(quote === 39 ? 'single quotes' : 'smart quotes');
    let end = text.indexOf(close, pos + 1);
    while (end > 0 && isEscaped(text, end)) end = text.indexOf(close, end + 1);
    if (end < 0) end = n;
    const raw = text.slice(pos + 1, end);
    const startLine = this.line;
    if (CONTROL.test(raw)) this.controlCharacters(pos + 1, end);
    const f = this.top();
    if (f?.kind === 'object' && f.expectKey && this.peek(end + 1) === ':') this.noteKey(unescapeKey(raw), startLine);
    else this.valueDone();
    return end + 1;
  }

  /** Raw newlines/tabs inside a string: counted as lines and escaped in the repaired text. */
  private controlCharacters(from: number, to: number): void {
    this.repairs.add('control character in string');
    for (let p = from; p < to; p++) {
      const code = this.text.charCodeAt(p);
      if (code >= 32) continue;
      if (code === 10) this.line++;
      const escaped = code === 10 ? '\\n' : code === 9 ? '\\t' : code === 13 ? '\\r' : `\\u${code.toString(16).padStart(4, '0')}`;
      this.edits.push([p, 1, escaped]);
    }
  }

  private comment(pos: number): number {
    const { text, n } = this;
    if (text[pos + 1] === '/') {
      this.repairs.add('// comment');
      const end = text.indexOf('\n', pos);
      return end < 0 ? n : end;
    }
    this.repairs.add('/* comment */');
    const end = text.indexOf('*/', pos + 2);
    const stop = end < 0 ? n : end + 2;
    for (let p = text.indexOf('\n', pos); p >= 0 && p < stop; p = text.indexOf('\n', p + 1)) this.line++;
    return stop;
  }

  /** `...` standing for omitted content: blanked out (with a comma right after it). */
  private elision(pos: number): number {
    const { text } = this;
    this.repairs.add('... elision');
    let len = 3;
    while (text[pos + len] === '.') len++;
    this.edits.push([pos, len, ' '.repeat(len)]);
    if (this.peek(pos + len) === ',') this.edits.push([text.indexOf(',', pos + len), 1, ' ']);
    return pos + len;
  }

  /** An unquoted word: a key (repair) when followed by `:` where a key is expected, else a literal. */
  private word(pos: number): number {
    const { text, n } = this;
    let p = pos + 1;
    while (p < n && isIdentCode(text.charCodeAt(p))) p++;
    const f = this.top();
    if (f?.kind === 'object' && f.expectKey && this.peek(p) === ':') {
      this.repairs.add('unquoted key');
      this.noteKey(text.slice(pos, p), this.line);
    } else this.valueDone();
    return p;
  }
}

/** Is the character at `at` preceded by an odd number of backslashes? */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  for (let p = at - 1; p >= 0 && text.charCodeAt(p) === 92; p--) count++;
  return count % 2 === 1;
}

function unescapeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw.replace(/\\(.)/g, '$1');
  }
}

function applyEdits(text: string, edits: Array<[number, number, string]>): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [pos, len, replacement] of edits) {
    if (pos < at) continue;
    out += text.slice(at, pos) + replacement;
    at = pos + len;
  }
  return out + text.slice(at);
}

export interface JsonValueResult {
  parse: JsonParseStatus;
  value?: unknown;
  repairs: string[];
  /** 1-based line within the text of the problem, for 'invalid'. */
  errorLine?: number;
  error?: string;
  /** The scan, when strict parsing failed (strict bodies are scanned only when their pointers are read). */
  scan?: JsonScan;
}

/**
 * Far deeper than any real Graph body (the shared corpus peaks at 39, an Intune settings tree).
 * Later stages (redaction, schema validation, stable serialisation) recurse over values, so a
 * pathological body must stop here.
 */
export const MAX_JSON_DEPTH = 100;

/** Does `value` nest containers deeper than `limit`? Stops descending once it knows. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (nestsDeeperThan(child, limit - 1)) return true;
  return false;
}

/** Strict, else lenient, else invalid; a value nested deeper than MAX_JSON_DEPTH is invalid. Never throws. */
export function parseJsonText(text: string): JsonValueResult {
  const result = parseJsonSyntax(text);
  if (result.parse === 'invalid' || !nestsDeeperThan(result.value, MAX_JSON_DEPTH)) return result;
  return { parse: 'invalid', repairs: result.repairs, error: `nested deeper than ${MAX_JSON_DEPTH} levels`, scan: result.scan };
}

/** Strict, else lenient (json5 over the repaired text), else invalid. */
function parseJsonSyntax(text: string): JsonValueResult {
  try {
    return { parse: 'strict', value: JSON.parse(text), repairs: [] };
  } catch (strictError) {
    const scan = scanJson(text);
    try {
      const value: unknown = JSON5.parse(scan.repairedText);
      const repairs = scan.repairs.length > 0 ? scan.repairs : ['json5 syntax'];
      return { parse: 'lenient', value, repairs, scan };
    } catch (lenientError) {
      const e = lenientError as { lineNumber?: number; message?: string };
      const errorLine = typeof e.lineNumber === 'number' ? e.lineNumber : undefined;
      const message = (e.message ?? String(lenientError)).replace(/^JSON5: /, '').replace(/ at (\d+):(\d+)$/, ' (column $2)');
      return { parse: 'invalid', repairs: scan.repairs, errorLine, error: message || (strictError as Error).message, scan };
    }
  }
}

/** Pointer offsets (0-based lines within the body) → file lines. */
function toFileLines(offsets: Record<string, number>, line: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pointer in offsets) out[pointer] = line + offsets[pointer];
  return out;
}

/**
 * A JSON body found at `line` (1-based file line of its first text line) of `file`.
 * Pointer lines and the error line are file lines. For strict bodies `pointers` is computed on first
 * read (an enumerable property that replaces itself): most bodies never need a line lookup, and
 * scanning every body of the corpus would cost as much as parsing it.
 */
export function parseJsonBody(text: string, file: string, line: number): JsonBody {
  const result = parseJsonText(text);
  const body: JsonBody = { file, line, text, parse: result.parse, repairs: result.repairs };
  if (result.parse !== 'invalid') body.value = result.value;
  else {
    body.errorLine = result.errorLine !== undefined ? line + result.errorLine - 1 : line;
    body.error = result.error;
  }
  if (result.scan) body.pointers = toFileLines(result.scan.pointers, line);
  else withLazyPointers(body);
  return body;
}

/**
 * Gives a strict body its `pointers` as a property computed on first read from its text and line. Also
 * used by loadDocs for bodies parsed in a worker thread, which cross without it (a structured clone
 * would read, so build, every body's pointers).
 */
export function withLazyPointers(body: JsonBody): JsonBody {
  const { text, line } = body;
  Object.defineProperty(body, 'pointers', {
    enumerable: true,
    configurable: true,
    get(this: JsonBody) {
      const pointers = toFileLines(scanJson(text).pointers, line);
      Object.defineProperty(this, 'pointers', { value: pointers, enumerable: true, configurable: true, writable: true });
      return pointers;
    },
    set(this: JsonBody, value: Record<string, number> | undefined) {
      Object.defineProperty(this, 'pointers', { value, enumerable: true, configurable: true, writable: true });
    },
  });
  return body;
}

