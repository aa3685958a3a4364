/**
 * Examples: request and response blocks, found by annotation (`blockType: request|response`) anywhere,
 * or — unannotated, as on all Intune pages — by position under Example(s) sections (`### Request` /
 * `### Response` at any depth) and by first line (`METHOD URL`, `HTTP/1.1 NNN`). Requests are paired
 * with the response that follows them; tab headings (`# [HTTP](#tab/http)`) do not break pairing.
 */
import type { Annotation, Example, HttpRequestExample, HttpResponseExample, JsonBody } from '../model/page.js';
import { annotationName, annotationsInHtml } from './annotations.js';
import { classifyBlockText, parseRequestBlock, parseResponseBlock, type BlockText } from './http-block.js';
import { contentLine } from './http-request.js';
import { jsonErrorLine } from './json-body.js';
import type { Outline, SectionKind } from './sections.js';
import { addFinding, type PageSource } from './source.js';

/** A code block with what surrounds it. */
export interface ContextBlock extends BlockText {
  tokenIndex: number;
  annotation?: Annotation;
  section: SectionKind;
  /** Text of the closest H3+ heading above it in its section (e.g. `Request`, `Example 2: ...`). */
  subheading?: string;
  /** Closest heading that is not just "Request"/"Response": the example's title. */
  title?: string;
}

export interface PageBlocks {
  blocks: ContextBlock[];
  /** Every JSON annotation of the page, in order (including ones not followed by a block). */
  annotations: Annotation[];
}

const REQUEST_OR_RESPONSE_HEADING = /^(example\s+)?(http\s+)?(request|response)s?\b/i;

/** One pass over the tokens: code blocks with their annotation, section and headings. */
export function collectBlocks(src: PageSource, outline: Outline): PageBlocks {
  const blocks: ContextBlock[] = [];
  const annotations: Annotation[] = [];
  const sectionStarts = outline.sections.map((s) => s.start - 3);
  let sectionIndex = -1;
  let pending: Annotation | undefined;
  let subheading: string | undefined;
  let title: string | undefined;
  for (let i = 0; i < src.tokens.length; i++) {
    const t = src.tokens[i];
    while (sectionIndex + 1 < sectionStarts.length && i >= sectionStarts[sectionIndex + 1]) {
      sectionIndex++;
      subheading = undefined;
      title = outline.sections[sectionIndex].title;
    }
    const section = sectionIndex >= 0 && i < outline.sections[sectionIndex].end ? outline.sections[sectionIndex].kind : 'other';
    switch (t.type) {
      case 'heading_open': {
        const h = outline.headingAt.get(i);
        if (!h || h.tab) break;
        pending = undefined;
        if (h.level >= 3) {
          subheading = h.text;
          if (!REQUEST_OR_RESPONSE_HEADING.test(h.text)) title = h.text;
        } else if (h.level === 1) {
          subheading = undefined;
          title = undefined;
        }
        break;
      }
      case 'html_block': {
        const found = annotationsInHtml(src, t.content, (t.map?.[0] ?? 0) + 1);
        annotations.push(...found);
        const last = found.filter((a) => a.data.type !== '#page.annotation').pop();
        if (last) pending = last;
        break;
      }
      case 'paragraph_open':
        pending = undefined;
        break;
      case 'fence':
      case 'code_block': {
        const block: ContextBlock = {
          file: src.file,
          content: t.content,
          line: contentLine(t),
          fence: t.type === 'fence' ? t.info.trim() : '',
          tokenIndex: i,
          section,
        };
        if (pending) block.annotation = pending;
        if (subheading !== undefined) block.subheading = subheading;
        if (title !== undefined) block.title = title;
        blocks.push(block);
        pending = undefined;
        break;
      }
      default:
        break;
    }
  }
  return { blocks, annotations };
}

/** What an example block is: by annotation, else by first line, else by its `Request`/`Response` heading. */
export function classifyBlock(block: ContextBlock): 'request' | 'response' | undefined {
  const type = block.annotation?.blockType;
  if (type === 'request' || type === 'response') return type;
  if (block.annotation && type !== undefined) return undefined; // ignored, resource, example, samples...
  if (block.section !== 'examples' && block.section !== 'other') return undefined;
  const byText = classifyBlockText(block.content);
  if (byText) return byText;
  if (block.section !== 'examples') return undefined;
  const first = block.content.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  if (block.subheading && /\bresponse\b/i.test(block.subheading)) return 'response';
  if (block.subheading && /\brequest\b/i.test(block.subheading)) return 'request';
  return undefined;
}

function noteBody(src: PageSource, body: JsonBody | undefined, what: string): void {
  if (!body) return;
  if (body.parse === 'lenient') {
    addFinding(src, 'parse-json-lenient', 'info', body.line, `${what} body is not strict JSON (${body.repairs.join(', ')})`, 'make the body strict JSON');
  } else if (body.parse === 'invalid') {
    addFinding(src, 'parse-json-invalid', 'warning', jsonErrorLine(body), `${what} body could not be parsed: ${body.error ?? 'invalid JSON'}`);
  }
}

function noteFraming(src: PageSource, example: HttpRequestExample | HttpResponseExample): void {
  for (const repair of example.repairs) {
    addFinding(src, 'parse-http-framing', 'info', example.line, `${example.kind} example: ${repair}`);
  }
}

export function readExamples(src: PageSource, blocks: ContextBlock[]): Example[] {
  const examples: Example[] = [];
  let open: Example | undefined;
  for (const block of blocks) {
    const kind = classifyBlock(block);
    if (!kind) continue;
    if (kind === 'request') {
      const request = parseRequestBlock(block);
      if (block.annotation) request.annotation = block.annotation;
      noteFraming(src, request);
      noteBody(src, request.body, 'request');
      open = { file: src.file, line: request.line, request };
      const name = annotationName(block.annotation);
      if (name) open.name = name;
      if (block.title) open.title = block.title;
      examples.push(open);
    } else {
      const response = parseResponseBlock(block);
      if (block.annotation) response.annotation = block.annotation;
      noteFraming(src, response);
      noteBody(src, response.body, 'response');
      if (open && !open.response) {
        open.response = response;
        if (!open.name) {
          const name = annotationName(block.annotation);
          if (name) open.name = name;
        }
      } else {
        const example: Example = { file: src.file, line: response.line, response };
        const name = annotationName(block.annotation);
        if (name) example.name = name;
        if (block.title) example.title = block.title;
        examples.push(example);
      }
      open = undefined;
    }
  }
  return examples;
}
