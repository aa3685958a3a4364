/**
 * parsePage: one markdown file → ParsedPage. Pure and never throws: the page is tokenised once, each
 * extractor works on those tokens and source lines, and an extractor that fails only costs its own part
 * (recorded as a `parse-internal-error` finding).
 */
import type { Finding } from '../model/finding.js';
import type { ApiPage, ParsedPage } from '../model/page.js';
import { collectBlocks, type PageBlocks } from './blocks.js';
import { readExamples } from './examples.js';
import { splitFrontMatter } from './front-matter.js';
import { readHttpRequests } from './http-request.js';
import { readLinks, type ParseContext } from './links.js';
import { readPermissions, readPermissionsInclude } from './permissions.js';
import { readRequestBody } from './request-body.js';
import { readResource } from './resource.js';
import { readResponse } from './response.js';
import { readOutline, sectionsOf, subsectionsOf, type Outline } from './sections.js';
import { readQueryParameters } from './query-parameters.js';
import { addFinding, guarded, pageSource, type PageSource } from './source.js';
import { tablesInRange } from './tables.js';
import { detectVersion, kindFromPath } from './version.js';

export type { ParseContext };

export interface PageInput {
  file: string;
  text: string;
  /** API version from the caller (the folder), when known. */
  version?: string;
  /**
   * false: the page's links are not read (`links: []`), nor the inline markdown they are read from. For
   * callers that never look at links (the build: only lint rules do); every other fact is the same.
   */
  links?: boolean;
}

export function parsePage(input: PageInput, ctx?: ParseContext): ParsedPage {
  const file = String(input?.file ?? '');
  const findings: Finding[] = [];
  try {
    return buildPage(file, typeof input.text === 'string' ? input.text : '', input.version, input.links !== false, ctx, findings);
  } catch (err) {
    findings.push({ ruleId: 'parse-internal-error', severity: 'error', file, line: 1, message: `could not parse page: ${(err as Error)?.message ?? String(err)}` });
    return emptyPage(file, kindFromPath(file) ?? 'resource', findings);
  }
}

function emptyPage(file: string, kind: 'api' | 'resource', findings: Finding[]): ParsedPage {
  const base = { file, frontMatter: {}, headings: [], links: [], findings };
  if (kind === 'api') return { ...base, kind, permissions: [], httpRequests: [], requestHeaders: { line: 0 }, examples: [] };
  return { ...base, kind, typeKind: 'unknown', properties: [], relationships: [] };
}

/** BOM removed, line endings normalised (markdown-it does the same, so lines and maps agree). */
function normalise(text: string): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s;
}

function buildPage(file: string, rawText: string, version: string | undefined, links: boolean, ctx: ParseContext | undefined, findings: Finding[]): ParsedPage {
  const text = normalise(rawText);
  const front = splitFrontMatter(text);
  if (front.error) findings.push({ ruleId: 'parse-front-matter-invalid', severity: 'warning', file, line: front.error.line, message: `front matter is not valid YAML: ${front.error.message}` });
  const src = pageSource(file, text, front.lines, findings, { links });

  const outline = readOutline(src);
  const h1 = outline.h1s[0];
  if (outline.h1s.length > 1) {
    // Not judged here (lint does); noted so that the chosen H1 is explainable.
    addFinding(src, 'parse-several-h1', 'info', outline.h1s[1].line, `page has ${outline.h1s.length} H1 headings; the first is used`);
  }
  const blocks = guarded<PageBlocks>(src, 'code blocks', 1, { blocks: [] }, () => collectBlocks(src, outline));
  const kind = kindFromPath(file) ?? (sectionsOf(outline, 'httpRequest').length > 0 ? 'api' : 'resource');

  // Built field by field (not by spreads: copying each page's fields twice was a tenth of the page model's
  // time); the keys come in the same order either way.
  const page = { file, frontMatter: front.data } as ParsedPage;
  if (front.line !== undefined) page.frontMatterLine = front.line;
  if (typeof front.data.title === 'string') page.title = front.data.title;
  if (typeof front.data.description === 'string') page.description = front.data.description;
  if (h1) page.h1 = h1;
  page.headings = outline.headings;
  page.links = links ? guarded(src, 'links', 1, [], () => readLinks(src, ctx)) : [];
  page.findings = findings;

  if (kind === 'api') {
    const api = Object.assign(page, { kind: 'api' as const }, readApi(src, outline, blocks, ctx));
    const v = detectVersion(file, version, api.examples);
    if (v) api.version = v;
    return api;
  }
  const facts = guarded(src, 'resource', 1, { typeKind: 'unknown' as const, properties: [], relationships: [] }, () => readResource(src, outline, blocks.blocks, h1));
  const resource = Object.assign(page, { kind: 'resource' as const }, facts);
  const v = detectVersion(file, version, []);
  if (v) resource.version = v;
  return resource;
}

/** The API-specific part of an ApiPage. */
type ApiFacts = Pick<ApiPage, 'permissions' | 'httpRequests' | 'requestHeaders' | 'examples'> &
  Partial<Pick<ApiPage, 'permissionsLine' | 'permissionsInclude' | 'requestBody' | 'response' | 'queryParameters'>>;

function readApi(src: PageSource, outline: Outline, blocks: PageBlocks, ctx: ParseContext | undefined): ApiFacts {
  const permissionSections = sectionsOf(outline, 'permissions');
  const facts: ApiFacts = {
    permissions: guarded(src, 'permissions', permissionSections[0]?.line ?? 1, [], () => readPermissions(src, permissionSections)),
    httpRequests: guarded(src, 'HTTP request section', 1, [], () => readHttpRequests(src, outline)),
    requestHeaders: guarded(src, 'request headers', 1, { line: 0 }, () => readRequestHeaders(src, outline)),
    examples: guarded(src, 'examples', 1, [], () => readExamples(src, blocks.blocks)),
  };
  if (permissionSections.length > 0) facts.permissionsLine = permissionSections[0].line;
  const included = guarded(src, 'permissions include', permissionSections[0]?.line ?? 1, undefined, () => readPermissionsInclude(src, permissionSections, ctx));
  if (included) {
    facts.permissionsInclude = included.include;
    facts.permissions.push(...included.permissions);
    facts.permissionsLine ??= included.include.line;
  }
  const h2Bodies = sectionsOf(outline, 'requestBody');
  const bodySections = h2Bodies.length > 0 ? h2Bodies : subsectionsOf(outline, 'requestBody', src.tokens.length);
  const requestBody = guarded(src, 'request body', bodySections[0]?.line ?? 1, undefined, () => readRequestBody(src, bodySections));
  if (requestBody) facts.requestBody = requestBody;
  const response = guarded(src, 'response section', 1, undefined, () => readResponse(src, outline));
  if (response) facts.response = response;
  const queryParameters = guarded(src, 'query parameters', 1, undefined, () => readQueryParameters(src, outline));
  if (queryParameters) facts.queryParameters = queryParameters;
  return facts;
}

function readRequestHeaders(src: PageSource, outline: Outline): ApiPage['requestHeaders'] {
  const sections = [...sectionsOf(outline, 'requestHeaders'), ...sectionsOf(outline, 'optionalRequestHeaders')];
  if (sections.length === 0) return { line: 0 };
  for (const s of sections) {
    const table = tablesInRange(src, s.start, s.end)[0];
    if (table) return { line: sections[0].line, table };
  }
  return { line: sections[0].line };
}
