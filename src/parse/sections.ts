/**
 * Headings and H2 sections. Section titles are matched case-insensitively against the synonyms the
 * docs use (`HTTP request`/`HTTP Request`, `Permissions`/`Prerequisites`, `Example`/`Examples`, ...);
 * sections may come in any order and repeat.
 */
import type { Heading } from '../model/page.js';
import { inlineText, stripMarkdown } from './markdown.js';
import type { PageSource } from './source.js';

export type SectionKind =
  | 'permissions'
  | 'httpRequest'
  | 'requestHeaders'
  | 'optionalRequestHeaders'
  | 'requestBody'
  | 'response'
  | 'errorResponses'
  | 'examples'
  | 'properties'
  | 'relationships'
  | 'jsonRepresentation'
  | 'members'
  | 'functionParameters'
  | 'pathParameters'
  | 'queryParameters'
  | 'methods'
  | 'other';

const SYNONYMS: Array<[RegExp, SectionKind]> = [
  [/^(permissions?|prerequisites?)$/, 'permissions'],
  [/^http requests?$/, 'httpRequest'],
  [/^request headers?$/, 'requestHeaders'],
  [/^optional request headers?$/, 'optionalRequestHeaders'],
  [/^request body$/, 'requestBody'],
  [/^responses?$/, 'response'],
  [/^error responses?$/, 'errorResponses'],
  [/^examples?\b/, 'examples'],
  [/^properties$/, 'properties'],
  [/^relationships$/, 'relationships'],
  [/^json representation$/, 'jsonRepresentation'],
  [/^(enum )?members$/, 'members'],
  [/^(function |method |action )?parameters$/, 'functionParameters'],
  [/^path parameters$/, 'pathParameters'],
  [/^(optional )?query parameters$/, 'queryParameters'],
  [/^methods$/, 'methods'],
];

export function sectionKind(title: string): SectionKind {
  const key = title.toLowerCase().replace(/[:.]+$/, '').replace(/\s+/g, ' ').trim();
  for (const [pattern, kind] of SYNONYMS) if (pattern.test(key)) return kind;
  return 'other';
}

export interface Section {
  kind: SectionKind;
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** Token range of the content: [start, end). */
  start: number;
  end: number;
}

export interface Outline {
  h1s: Heading[];
  /** H2+ headings (tab headings excluded). */
  headings: Heading[];
  sections: Section[];
  /** Token index → heading, for every heading_open (tab headings included, flagged). */
  headingAt: Map<number, Heading & { tab: boolean }>;
}

/** `# [HTTP](#tab/http)`: a docs tab marker, not a heading. */
export function isTabHeading(content: string): boolean {
  return /^\[[^\]]*\]\(#tab\//.test(content.trim());
}

export function readOutline(src: PageSource): Outline {
  const { tokens } = src;
  const h1s: Heading[] = [];
  const headings: Heading[] = [];
  const sections: Section[] = [];
  const headingAt = new Map<number, Heading & { tab: boolean }>();
  let open: Section | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open') continue;
    const level = Number(t.tag.slice(1));
    const content = inlineText(tokens, i + 1);
    const heading: Heading = { file: src.file, line: (t.map?.[0] ?? 0) + 1, level, text: stripMarkdown(content) };
    const tab = isTabHeading(content);
    headingAt.set(i, { file: heading.file, line: heading.line, level, text: heading.text, tab });
    if (tab) continue;
    if (level === 1) h1s.push(heading);
    else headings.push(heading);
    if (level <= 2) {
      if (open) open.end = i;
      open = undefined;
      if (level === 2) {
        open = { kind: sectionKind(heading.text), title: heading.text, line: heading.line, start: i + 3, end: tokens.length };
        sections.push(open);
      }
    }
  }
  return { h1s, headings, sections, headingAt };
}

export function sectionsOf(outline: Outline, kind: SectionKind): Section[] {
  return outline.sections.filter((s) => s.kind === kind);
}

/** The prose of tokens [from, to): paragraph and list item text, tables excluded. */
export function sectionProse(src: PageSource, from: number, to: number): string {
  const parts: string[] = [];
  let inTable = 0;
  for (let i = from; i < to; i++) {
    const t = src.tokens[i];
    if (t.type === 'table_open') inTable++;
    else if (t.type === 'table_close') inTable--;
    else if (t.type === 'inline' && inTable === 0) {
      // A paragraph that is a malformed table is not prose.
      if (t.content.includes('|') && /\n\s*\|?\s*:?-{2,}/.test(t.content)) continue;
      parts.push(t.content);
    }
  }
  return parts.join('\n');
}

/**
 * Sections of `kind` written as H3+ headings (`### Request body` under `## Create an upload session`):
 * each runs to the next heading of the same or a higher level. For pages that have no such H2 section.
 */
export function subsectionsOf(outline: Outline, kind: SectionKind, tokenCount: number): Section[] {
  const headings = [...outline.headingAt.entries()].filter(([, h]) => !h.tab).sort(([a], [b]) => a - b);
  const out: Section[] = [];
  headings.forEach(([index, h], k) => {
    if (h.level < 3 || sectionKind(h.text) !== kind) return;
    const next = headings.slice(k + 1).find(([, n]) => n.level <= h.level);
    out.push({ kind, title: h.text, line: h.line, start: index + 3, end: next?.[0] ?? tokenCount });
  });
  return out;
}
