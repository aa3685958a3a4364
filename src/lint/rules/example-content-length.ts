import type { LintRule } from '../types.js';
import type { Finding } from '../../model/finding.js';
import type { HttpHeader, HttpRequestExample, HttpResponseExample } from '../../model/page.js';
import { findingAt } from '../report.js';
import { isTruncated } from '../doc-facts.js';
import { widgetFixture } from './fixtures.js';

/**
 * Byte lengths a writer could honestly have meant for a body as shown: the text with LF or CRLF line
 * ends (the seeds' lengths are CRLF counts), with or without a final line end, and minified JSON.
 */
function plausibleLengths(text: string, value: unknown): Set<number> {
  const lf = Buffer.byteLength(text, 'utf8');
  const lineEnds = (text.match(/\n/g) ?? []).length;
  const crlf = lf + lineEnds;
  const out = new Set([lf, lf + 1, crlf, crlf + 2]);
  if (value !== undefined) out.add(Buffer.byteLength(JSON.stringify(value), 'utf8'));
  return out;
}

function contentLength(headers: readonly HttpHeader[]): HttpHeader | undefined {
  return headers.find((h) => h.name.toLowerCase() === 'content-length');
}

const SHORTENED = /truncated|shortened|brevity|readability|abridged/i;

/** The page's prose just above a block (back to the previous heading, at most 15 lines) says it is shortened. */
function proseSaysShortened(lines: readonly string[] | undefined, blockLine: number): boolean {
  if (!lines) return false;
  for (let i = blockLine - 2; i >= 0 && i >= blockLine - 16; i--) {
    if (/^#{1,6}\s/.test(lines[i])) return false;
    if (SHORTENED.test(lines[i])) return true;
  }
  return false;
}

/**
 * A response the page says is abridged (a `truncated` annotation, "might be shortened for readability"
 * above it, `...` elisions or comments in the body) declares the length of the full response, not of
 * what is shown: not judged. Nearly every Graph response carries such a note, so responses are rarely judged.
 */
function abridgedResponse(r: HttpResponseExample, lines: readonly string[] | undefined): boolean {
  return isTruncated(r) || (r.body?.repairs.length ?? 0) > 0 || proseSaysShortened(lines, r.line);
}

function check(what: 'request' | 'response', r: HttpRequestExample | HttpResponseExample): Finding[] {
  const header = contentLength(r.headers);
  if (!header || !/^\d+$/.test(header.value)) return [];
  const declared = Number(header.value);
  // Only a JSON body shows its bytes: a raw body is a placeholder ("[Zip file ...]") or an encoding of
  // them (base64 of a binary download), and a missing one was left out. An elided one is not all there.
  if (!r.body || r.body.parse === 'invalid' || r.body.repairs.includes('... elision')) return [];
  const text = r.body.text;
  const lengths = plausibleLengths(text, r.body.value);
  if (lengths.has(declared)) return [];
  const lf = Buffer.byteLength(text, 'utf8');
  const crlf = lf + (text.match(/\n/g) ?? []).length;
  return [findingAt(rule, header, `${what} example declares Content-Length ${declared}, but its body is ${lf} bytes (${crlf} with CRLF line ends)`,
    { fix: `Content-Length: ${crlf}` })];
}

export const rule: LintRule<'example'> = {
  id: 'example-content-length',
  severity: 'warning',
  purpose: "An example's Content-Length header matches the byte length of the body it shows (abridged responses excepted).",
  given: 'example',
  check({ page, example }, ctx) {
    const out: Finding[] = [];
    if (example.request) out.push(...check('request', example.request));
    // The page's lines are looked at only for a response that declares a length (few do).
    if (example.response && contentLength(example.response.headers) && !abridgedResponse(example.response, ctx.sourceLines(page.file))) {
      out.push(...check('response', example.response));
    }
    return out;
  },
  examples: {
    ok: [
      // The widget request body is 40 bytes with LF, 43 with CRLF (3 line ends).
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/widgets\nContent-Length: 40' }),
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/widgets\nContent-Length: 43' }),
      // Truncated responses declare the full response's length.
      widgetFixture({ statusLine: 'HTTP/1.1 201 Created\nContent-Length: 900' }),
      widgetFixture({ responseAnnotation: 'Note: The response object shown here might be shortened for readability.', statusLine: 'HTTP/1.1 201 Created\nContent-Length: 900' }),
      // A placeholder for a binary body shows no bytes to count.
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/widgets\nContent-Length: 244', requestBody: '[Zip file containing a widget package]' }),
    ],
    notOk: [
      widgetFixture({ requestLine: 'POST https://graph.microsoft.com/v1.0/widgets\nContent-Length: 246' }, 'Content-Length: 246'),
      widgetFixture({ responseAnnotation: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->', statusLine: 'HTTP/1.1 201 Created\nContent-Length: 900' }, 'Content-Length: 900'),
    ],
  },
};
