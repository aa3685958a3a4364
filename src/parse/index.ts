/**
 * The docs parser: markdown pages → ParsedPage (src/model/page.ts). The catalog is built from these.
 *   parsePage(input, ctx?)  one page, pure, never throws
 *   loadDocs(dirs)          walk, read, index (for links) and parse a docs tree
 */
export { parsePage, type PageInput } from './page.js';
export type { ParseContext } from './links.js';
export { loadDocs, DocsDirError, FileIndex, displayPath, type LoadOptions } from './load.js';
export { parseTypeRef, primitiveName } from './type-ref.js';
export { parseJsonBody, parseJsonText } from './json-body.js';
export { parseUrl } from './http-block.js';
