/**
 * HTTP example blocks: request line / status line, headers, blank line, body. Real docs bend the
 * framing (a blank line before the headers, no blank line before the body, no request or status line);
 * each bend is read anyway and recorded in `repairs`.
 */
import type { HttpHeader, HttpRequestExample, HttpResponseExample, JsonBody } from '../model/page.js';
import { parseJsonBody } from './json-body.js';

/** `METHOD target [HTTP/1.1]`; target may contain spaces (they occur in the docs). */
export const REQUEST_LINE = /^\s*(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)(?:\s+|(?=\/))(\S.*?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/i;
export const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*?))?\s*$/i;
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s?(.*)$/;

/** Where a block's text sits in the file. */
export interface BlockText {
  file: string;
  /** Block content (fence content, no fence lines). */
  content: string;
  /** 1-based file line of the content's first line. */
  line: number;
  /** Fence info string ('' for none / indented code). */
  fence: string;
}

export interface ParsedUrl {
  path: string;
  query?: string;
  version?: string;
}

/**
 * Splits an example URL into path (after host and version segment), query and version.
 * Graph hosts (`graph.microsoft.com`, national clouds) carry the version as first segment; relative URLs
 * may start with one (`/v1.0/me`).
 */
export function parseUrl(url: string): ParsedUrl {
  let rest = url.trim();
  let version: string | undefined;
  const absolute = /^https?:\/\/([^/?#\s]+)(.*)$/i.exec(rest);
  if (absolute) {
    rest = absolute[2];
    if (/graph|chinacloudapi/i.test(absolute[1])) {
      // The version is a token (`v1.0`, `beta`, `localtest`); what follows it up to `/` is path (docs typos).
      const m = /^\/([A-Za-z0-9._-]+)(.*)$/.exec(rest);
      if (m) {
        version = m[1];
        rest = m[2];
      }
    }
  } else {
    const m = /^\/?(v1\.0|beta)(?=[/?]|$)(.*)$/.exec(rest);
    if (m) {
      version = m[1];
      rest = m[2];
    }
  }
  let query: string | undefined;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) rest = '/' + rest;
  const out: ParsedUrl = { path: rest };
  if (query !== undefined) out.query = query;
  if (version !== undefined) out.version = version;
  return out;
}

interface Framed {
  headers: HttpHeader[];
  body?: JsonBody;
  rawBody?: string;
  repairs: string[];
}

/** Reads headers and body from `lines[i..]` (after the request/status line). */
function readHeadersAndBody(block: BlockText, lines: string[], start: number, repairs: string[], hadStartLine: boolean): Framed {
  const headers: HttpHeader[] = [];
  let i = start;
  // A blank line before the headers (the docs' most common framing bend).
  if (i < lines.length && lines[i].trim() === '' && isHeader(lines[i + 1])) {
    let j = i;
    while (j < lines.length && lines[j].trim() === '') j++;
    if (isHeader(lines[j])) {
      repairs.push('blank line before headers');
      i = j;
    }
  }
  while (i < lines.length && isHeader(lines[i])) {
    const m = HEADER_LINE.exec(lines[i])!;
    headers.push({ file: block.file, line: block.line + i, name: m[1], value: m[2].trim() });
    i++;
  }
  if (i < lines.length && lines[i].trim() !== '' && (headers.length > 0 || hadStartLine)) repairs.push('no blank line before body');
  while (i < lines.length && lines[i].trim() === '') i++;
  const framed: Framed = { headers, repairs };
  if (i >= lines.length) return framed;
  const bodyText = lines.slice(i).join('\n').trimEnd();
  const first = bodyText.trimStart()[0];
  if (first === '{' || first === '[') framed.body = parseJsonBody(bodyText, block.file, block.line + i);
  else framed.rawBody = bodyText;
  return framed;
}

function isHeader(line: string | undefined): boolean {
  if (line === undefined) return false;
  const t = line.trimStart();
  return t !== '' && t[0] !== '{' && t[0] !== '[' && t[0] !== '"' && HEADER_LINE.test(line) && !/^https?:/i.test(t);
}

function contentLines(content: string): string[] {
  const lines = content.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** First non-blank line index, or lines.length. */
function firstContentLine(lines: string[]): number {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  return i;
}

/**
 * The part both example kinds share: the block's first content line must match `startLine` (else the
 * `missing` repair), then headers and body follow. `line` is the file line of that first content line.
 */
function frameBlock(block: BlockText, startLine: RegExp, missing: string): { line: number; start: RegExpExecArray | null; framed: Framed } {
  const lines = contentLines(block.content);
  const first = firstContentLine(lines);
  const line = block.line + Math.min(first, Math.max(lines.length - 1, 0));
  const start = first < lines.length ? startLine.exec(lines[first]) : null;
  const repairs = start ? [] : [missing];
  const framed = readHeadersAndBody(block, lines, start ? first + 1 : first, repairs, start !== null);
  return { line, start, framed };
}

export function parseRequestBlock(block: BlockText): HttpRequestExample {
  const { line, start, framed } = frameBlock(block, REQUEST_LINE, 'no request line');
  const method = start ? start[1].toUpperCase() : '';
  const url = start ? start[2].trim() : '';
  const parsed = parseUrl(url);
  const request: HttpRequestExample = {
    kind: 'request',
    file: block.file,
    line,
    method,
    url,
    path: url ? parsed.path : '',
    headers: framed.headers,
    fence: block.fence,
    repairs: framed.repairs,
  };
  if (parsed.query !== undefined) request.query = parsed.query;
  if (parsed.version !== undefined) request.version = parsed.version;
  if (framed.body) request.body = framed.body;
  if (framed.rawBody !== undefined) request.rawBody = framed.rawBody;
  return request;
}

export function parseResponseBlock(block: BlockText): HttpResponseExample {
  const { line, start, framed } = frameBlock(block, STATUS_LINE, 'no status line');
  const response: HttpResponseExample = {
    kind: 'response',
    file: block.file,
    line,
    headers: framed.headers,
    fence: block.fence,
    repairs: framed.repairs,
  };
  if (start) response.status = Number(start[1]);
  if (start?.[2]) response.reason = start[2];
  if (framed.body) response.body = framed.body;
  if (framed.rawBody !== undefined) response.rawBody = framed.rawBody;
  return response;
}

/** What a block's first line says it is. */
export function classifyBlockText(content: string): 'request' | 'response' | undefined {
  const lines = contentLines(content);
  const first = lines[firstContentLine(lines)];
  if (first === undefined) return undefined;
  if (REQUEST_LINE.test(first)) return 'request';
  if (STATUS_LINE.test(first)) return 'response';
  return undefined;
}
