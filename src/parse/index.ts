/**
 * The docs parser: markdown pages → ParsedPage (src/model/page.ts). The catalog is built from these.
 *   parsePage(input, ctx?)  one page, pure, never throws (problems become `parse-*` findings)
 *   loadDocs(dirs)          walk, read, index (for links) and parse a docs tree; DocsDirError if a dir is unusable
 *
 * How a page is read (page.ts): front matter (front-matter.ts) → markdown-it tokens, once (markdown.ts) →
 * outline of headings and H2 sections (sections.ts) → code blocks with their annotations (blocks.ts,
 * annotations.ts) → per-concern readers: permissions.ts, http-request.ts, request-body.ts (+ properties.ts,
 * tables.ts, type-ref.ts), response.ts, examples.ts (+ http-block.ts, json-body.ts), resource.ts, links.ts,
 * version.ts.
 */
export { parsePage, type PageInput } from './page.js';
export type { ParseContext } from './links.js';
export { loadDocs, DocsDirError, FileIndex, displayPath, isIncludeFile, type LoadOptions } from './load.js';
export { parseTypeRef, primitiveName } from './type-ref.js';
export { parseJsonBody, parseJsonText } from './json-body.js';
export { parseUrl } from './http-block.js';
export { versionFromPath } from './version.js';
export { annotationFlag, annotationName } from './annotations.js';
