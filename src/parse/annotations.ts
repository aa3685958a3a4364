/**
 * HTML-comment JSON annotations (`<!-- { "blockType": "request", ... } -->`), which tag the code block
 * that follows them. Parsed strictly, else leniently (trailing commas, unquoted keys, raw newlines).
 */
import type { Annotation } from '../model/page.js';
import { parseJsonText } from './json-body.js';
import { addFinding, type PageSource } from './source.js';

const COMMENT = /<!--([\s\S]*?)-->/g;

/** The JSON annotations in an html_block starting at 1-based `line`; other comments are skipped. */
export function annotationsInHtml(src: PageSource, html: string, line: number): Annotation[] {
  if (!html.includes('<!--')) return [];
  const out: Annotation[] = [];
  COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT.exec(html)) !== null) {
    const body = m[1].trim();
    if (!body.startsWith('{')) continue;
    const at = line + countNewlines(html, m.index);
    out.push(readAnnotation(src, body, at));
  }
  return out;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function readAnnotation(src: PageSource, raw: string, line: number): Annotation {
  const result = parseJsonText(raw);
  const value = result.value;
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (result.parse === 'lenient') {
    addFinding(src, 'parse-annotation-lenient', 'info', line, `annotation is not strict JSON (${result.repairs.join(', ')})`, 'make the annotation strict JSON');
  } else if (result.parse === 'invalid') {
    const at = result.errorLine !== undefined ? line + result.errorLine - 1 : line;
    addFinding(src, 'parse-annotation-invalid', 'warning', at, `annotation could not be parsed as JSON: ${result.error}`);
  }
  const annotation: Annotation = { file: src.file, line, raw, data, parse: result.parse };
  if (typeof data.blockType === 'string') annotation.blockType = data.blockType;
  return annotation;
}

/** Annotation values are sometimes strings ("true"): true for `true` or "true". */
export function annotationFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** `name` may be a string or a list of strings: the first one. */
export function annotationName(annotation: Annotation | undefined): string | undefined {
  const name = annotation?.data.name;
  if (typeof name === 'string') return name;
  if (Array.isArray(name) && typeof name[0] === 'string') return name[0];
  return undefined;
}
