/**
 * JSON bodies of examples and JSON representations: strict JSON.parse first, then a lenient pass
 * (json5 after our own repairs of raw control characters and `...` elisions), else 'invalid' with the
 * line of the problem. A small scanner maps every key's JSON pointer to its file line.
 */
import JSON5 from 'json5';
import type { JsonBody, JsonParseStatus } from '../model/page.js';

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

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const IDENT_CHAR = /[A-Za-z0-9_$.+\-]/;

/**
 * One pass over JSON-ish text: tracks the container stack and line, records each key's pointer,
 * notes repairs (trailing commas, comments, unquoted keys, single quotes, control characters, elisions).
 */
export function scanJson(text: string): JsonScan {
  const pointers: Record<string, number> = {};
  const repairs = new Set<string>();
  const edits: Array<[number, number, string]> = [];
  const stack: Frame[] = [];
  let line = 0;
  let pos = 0;
  const n = text.length;

  const top = (): Frame | undefined => stack[stack.length - 1];
  const childPointer = (): string => {
    const f = top();
    if (!f) return '';
    return f.kind === 'object' ? `${f.pointer}/${pointerSegment(f.key ?? '')}` : `${f.pointer}/${f.index}`;
  };
  /** Next significant character after `from`, skipping whitespace and comments. */
  const peek = (from: number): string => {
    let p = from;
    while (p < n) {
      const c = text[p];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') p++;
      else if (c === '/' && text[p + 1] === '/') {
        while (p < n && text[p] !== '\n') p++;
      } else if (c === '/' && text[p + 1] === '*') {
        const end = text.indexOf('*/', p + 2);
        p = end < 0 ? n : end + 2;
      } else return c;
    }
    return '';
  };
  const noteKey = (key: string, keyLine: number): void => {
    const f = top();
    if (!f || f.kind !== 'object') return;
    f.key = key;
    f.expectKey = false;
    const pointer = `${f.pointer}/${pointerSegment(key)}`;
    if (!(pointer in pointers)) pointers[pointer] = keyLine;
  };

  while (pos < n) {
    const c = text[pos];
    switch (c) {
      case '\n':
        line++;
        pos++;
        break;
      case '"':
      case "'":
      case '\u201c':
      case '\u201d': {
        const startLine = line;
        const close = c === '\u201c' ? '\u201d' : c;
        if (c !== '"') repairs.add(c === "'" ? 'single quotes' : 'smart quotes');
        let p = pos + 1;
        let raw = '';
        while (p < n && text[p] !== close) {
          const ch = text[p];
          if (ch === '\\') {
            raw += text.slice(p, p + 2);
            p += 2;
            continue;
          }
          if (ch < ' ') {
            if (ch === '\n') line++;
            repairs.add('control character in string');
            edits.push([p, 1, ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`]);
          }
          raw += ch;
          p++;
        }
        pos = p + 1;
        const f = top();
        if (f?.kind === 'object' && f.expectKey && peek(pos) === ':') noteKey(unescapeKey(raw), startLine);
        break;
      }
      case '{':
      case '[': {
        const pointer = childPointer();
        stack.push({ kind: c === '{' ? 'object' : 'array', pointer, index: 0, expectKey: c === '{' });
        pos++;
        break;
      }
      case '}':
      case ']':
        stack.pop();
        pos++;
        break;
      case ',': {
        const f = top();
        if (f?.kind === 'object') f.expectKey = true;
        else if (f) f.index++;
        const next = peek(pos + 1);
        if (next === '}' || next === ']') repairs.add('trailing comma');
        pos++;
        break;
      }
      case ':': {
        const f = top();
        if (f?.kind === 'object') f.expectKey = false;
        pos++;
        break;
      }
      case '/':
        if (text[pos + 1] === '/') {
          repairs.add('// comment');
          while (pos < n && text[pos] !== '\n') pos++;
        } else if (text[pos + 1] === '*') {
          repairs.add('/* comment */');
          const end = text.indexOf('*/', pos + 2);
          const stop = end < 0 ? n : end + 2;
          for (let p = pos; p < stop; p++) if (text[p] === '\n') line++;
          pos = stop;
        } else pos++;
        break;
      default:
        if (c === '.' && text.startsWith('...', pos)) {
          repairs.add('... elision');
          let len = 3;
          while (text[pos + len] === '.') len++;
          edits.push([pos, len, ' '.repeat(len)]);
          // `[..., x]`: a comma right after an elision would leave `[ , x]`.
          if (peek(pos + len) === ',') edits.push([text.indexOf(',', pos + len), 1, ' ']);
          pos += len;
          break;
        }
        if (c === '\u2026') {
          repairs.add('... elision');
          edits.push([pos, 1, ' ']);
          pos++;
          break;
        }
        if (IDENT_CHAR.test(c)) {
          let p = pos + 1;
          while (p < n && IDENT_CHAR.test(text[p])) p++;
          const word = text.slice(pos, p);
          const f = top();
          if (f?.kind === 'object' && f.expectKey && peek(p) === ':') {
            repairs.add('unquoted key');
            noteKey(word, line);
          }
          pos = p;
        } else pos++;
    }
  }
  return { pointers, repairs: [...repairs], repairedText: applyEdits(text, edits) };
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
  scan: JsonScan;
}

/** Strict, else lenient (json5 over the repaired text), else invalid. Never throws. */
export function parseJsonText(text: string): JsonValueResult {
  const scan = scanJson(text);
  try {
    return { parse: 'strict', value: JSON.parse(text), repairs: [], scan };
  } catch (strictError) {
    try {
      const value: unknown = JSON5.parse(scan.repairedText);
      const repairs = scan.repairs.length > 0 ? scan.repairs : ['json5 syntax'];
      return { parse: 'lenient', value, repairs, scan };
    } catch (lenientError) {
      const e = lenientError as { lineNumber?: number; message?: string };
      const errorLine = typeof e.lineNumber === 'number' ? e.lineNumber : undefined;
      const message = (e.message ?? String(lenientError)).replace(/^JSON5: /, '');
      return { parse: 'invalid', repairs: scan.repairs, errorLine, error: message || (strictError as Error).message, scan };
    }
  }
}

/**
 * A JSON body found at `line` (1-based file line of its first text line) of `file`.
 * Pointer lines and the error line are file lines.
 */
export function parseJsonBody(text: string, file: string, line: number): JsonBody {
  const result = parseJsonText(text);
  const pointers: Record<string, number> = {};
  for (const [pointer, offset] of Object.entries(result.scan.pointers)) pointers[pointer] = line + offset;
  const body: JsonBody = { file, line, text, parse: result.parse, repairs: result.repairs, pointers };
  if (result.parse !== 'invalid') body.value = result.value;
  else {
    const at = result.errorLine !== undefined ? line + result.errorLine - 1 : line;
    body.error = `invalid JSON at ${file}:${at}: ${result.error}`;
  }
  return body;
}

/** File line of an invalid body's error (for findings), else the body's line. */
export function jsonErrorLine(body: JsonBody): number {
  const m = body.error ? /:(\d+): /.exec(body.error) : null;
  return m ? Number(m[1]) : body.line;
}
