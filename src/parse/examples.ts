/**
 * Examples: request and response blocks, found by annotation (`blockType: request|response`) anywhere,
 * or — unannotated, as on all Intune pages — by position under Example(s) sections (`### Request` /
 * `### Response` at any depth) and by first line (`METHOD URL`, `HTTP/1.1 NNN`). Requests are paired
 * with the response that follows them; tab headings (`# [HTTP](#tab/http)`) do not break pairing.
 */
import type { Example, HttpRequestExample, HttpResponseExample, JsonBody } from '../model/page.js';
import { annotationName } from './annotations.js';
import type { ContextBlock } from './blocks.js';
import { classifyBlockText, parseRequestBlock, parseResponseBlock } from './http-block.js';
import { addFinding, type PageSource } from './source.js';

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
    addFinding(src, 'parse-json-invalid', 'warning', body.errorLine ?? body.line, `${what} body could not be parsed: ${body.error ?? 'invalid JSON'}`);
  }
}

function noteFraming(src: PageSource, example: HttpRequestExample | HttpResponseExample): void {
  for (const repair of example.repairs) {
    addFinding(src, 'parse-http-framing', 'info', example.line, `${example.kind} example: ${repair}`);
  }
}

/** An example block parsed, with its annotation, and its framing repairs and body problems reported. */
function readBlock(src: PageSource, block: ContextBlock, kind: 'request' | 'response'): HttpRequestExample | HttpResponseExample {
  const parsed = kind === 'request' ? parseRequestBlock(block) : parseResponseBlock(block);
  if (block.annotation) parsed.annotation = block.annotation;
  noteFraming(src, parsed);
  noteBody(src, parsed.body, kind);
  return parsed;
}

/** A new example opened by `part`'s block, named and titled after it. */
function newExample(src: PageSource, block: ContextBlock, part: { request: HttpRequestExample } | { response: HttpResponseExample }): Example {
  const example: Example = { file: src.file, line: 'request' in part ? part.request.line : part.response.line, ...part };
  const name = annotationName(block.annotation);
  if (name) example.name = name;
  if (block.title) example.title = block.title;
  return example;
}

export function readExamples(src: PageSource, blocks: ContextBlock[]): Example[] {
  const examples: Example[] = [];
  let open: Example | undefined;
  for (const block of blocks) {
    const kind = classifyBlock(block);
    if (!kind) continue;
    const parsed = readBlock(src, block, kind);
    if (parsed.kind === 'request') {
      open = newExample(src, block, { request: parsed });
      examples.push(open);
      continue;
    }
    if (open && !open.response) {
      open.response = parsed;
      if (!open.name) {
        const name = annotationName(block.annotation);
        if (name) open.name = name;
      }
    } else {
      examples.push(newExample(src, block, { response: parsed }));
    }
    open = undefined;
  }
  return examples;
}
