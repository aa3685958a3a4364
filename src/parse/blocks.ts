/**
 * Code blocks of a page with their surroundings: the annotation comment right before them, the H2
 * section they are in, and the closest subheading (`### Request`, `### Example 2: ...`). One pass over
 * the tokens; examples (examples.ts) and resource pages (resource.ts) read from this list.
 */
import type { Annotation } from '../model/page.js';
import { annotationsInHtml } from './annotations.js';
import type { BlockText } from './http-block.js';
import { contentLine } from './http-request.js';
import type { Outline, SectionKind } from './sections.js';
import type { PageSource } from './source.js';

/** A code block with what surrounds it. */
export interface ContextBlock extends BlockText {
  annotation?: Annotation;
  section: SectionKind;
  /** Text of the closest H3+ heading above it in its section (e.g. `Request`, `Example 2: ...`). */
  subheading?: string;
  /** Closest heading that is not just "Request"/"Response": the example's title. */
  title?: string;
}

export interface PageBlocks {
  blocks: ContextBlock[];
}

const REQUEST_OR_RESPONSE_HEADING = /^(example\s+)?(http\s+)?(request|response)s?\b/i;

/** One pass over the tokens: code blocks with their annotation, section and headings. */
export function collectBlocks(src: PageSource, outline: Outline): PageBlocks {
  const blocks: ContextBlock[] = [];
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
        // `<!-- {request} -->` then `##### Request` then the block: the annotation still applies.
        if (!REQUEST_OR_RESPONSE_HEADING.test(h.text)) pending = undefined;
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
  return { blocks };
}
