/**
 * Response section prose: status codes in order (`201 Created`, `` `200 OK` ``, `200, OK`), the returned
 * type (the first type link, or "a sideLoadingKey object"), and whether a collection is returned.
 */
import type { ApiPage, TypeRef } from '../model/page.js';
import { sectionProse, sectionsOf, type Outline, type Section } from './sections.js';
import { referenceLookup, type PageSource } from './source.js';
import { parseTypeRef, type ReferenceLookup } from './type-ref.js';

const REASONS =
  'OK|Created|Accepted|No Content|Non-Authoritative Information|Reset Content|Partial Content|Multi-Status|Found|Moved Permanently|See Other|Not Modified|Temporary Redirect|Permanent Redirect|Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Gone|Precondition Failed|Unprocessable Entity|Too Many Requests|Internal Server Error|Service Unavailable';
/** A status code: in a code span, followed by a reason phrase, or followed by "response"/"status". */
const STATUS = new RegExp(
  '`\\s*([1-5]\\d\\d)\\b[^`]*`|\\b([1-5]\\d\\d)(?=,?\\s+(?:' + REASONS + ')\\b|\\s+(?:response|status|code)\\b)',
  'gi',
);

export function statusCodes(text: string): number[] {
  const out: number[] = [];
  STATUS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STATUS.exec(text)) !== null) {
    const code = Number(m[1] ?? m[2]);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

const TYPE_LINK = /\[([^\]]+)\]\(([^)\s]+\.md)(?:#[^)]*)?\)|\[([^\]]+)\]\[([^\]]*)\]/g;

/**
 * Links that are references, not the returned type: after "see" / "refer to" ("For more information, see
 * [Security API error responses](../resources/security-error-codes.md)"), to an error-codes or overview
 * page, or labelled with a phrase and leading outside the resources folder ("[get the status of the copy
 * operation](onenoteoperation-get.md)", an API page).
 */
function isReferenceLink(before: string, label: string, target: string): boolean {
  if (/\b(?:see|refer to)\s+(?:the\s+)?$/i.test(before)) return true;
  const file = target.replace(/#.*$/, '').split('/').pop() ?? '';
  if (/(?:^|[-_])(?:errors?|error-?codes?|overview)\.md$/i.test(file)) return true;
  return label.trim().split(/\s+/).length >= 3 && !/(^|\/)resources\//i.test(target);
}

/**
 * A link inside an expansion clause names the part expanded into the returned object, not the returned
 * object: "the requested resource instance, expanded with the matching [x](…) object", "the specified
 * instance with the expanded [x](…)". The clause runs from "expanded with"/"with … expanded" to the link,
 * within one sentence; "returns the expanded [x](…) object" (no "with") stays the returned type.
 */
const EXPANSION_CLAUSE = /(?:\bexpanded\s+(?:with|by)\b|\bwith\s+(?:(?:the|a|an|its|their)\s+)?expanded\b)[^.;[\]]*$/i;

/** Whether the prose names a type only as a part expanded into the returned object (see EXPANSION_CLAUSE). */
export function isExpansionLink(before: string): boolean {
  return EXPANSION_CLAUSE.test(before);
}

/** The first link to a type page (a `.md` link not under concepts/overview folders, not a reference, not an expanded part). */
export function returnType(text: string, lookup?: ReferenceLookup): TypeRef | undefined {
  TYPE_LINK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TYPE_LINK.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (isExpansionLink(text.slice(Math.max(0, m.index - 120), m.index))) continue;
    if (m[1] !== undefined) {
      const target = m[2];
      if (/^(https?:|\/)/.test(target) || /(^|\/)(concepts|includes|overview)\//i.test(target) || isReferenceLink(before, m[1], target)) continue;
      return parseTypeRef(`[${m[1]}](${target})`);
    }
    const label = m[4] || m[3];
    const target = lookup?.(label);
    if (target && /\.md(#|$)/.test(target) && !/^(https?:|\/)/.test(target) && !isReferenceLink(before, m[3], target)) return parseTypeRef(`[${m[3]}](${target})`);
  }
  return unlinkedReturnType(text);
}

/** The first type linked inside an expansion clause (the part expanded into the returned object), if any. */
export function expandedPart(text: string): TypeRef | undefined {
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+\.md)(?:#[^)]*)?\)/g)) {
    if (isExpansionLink(text.slice(Math.max(0, (m.index ?? 0) - 120), m.index))) return parseTypeRef(`[${m[1]}](${m[2]})`);
  }
  return undefined;
}

/** Words that sit where a type name would but are not types. */
const NOT_TYPES =
  /^(json|response|new|updated|single|empty|value|values|location|request|http|status|this|that|same|following|an?|the|true|false|null|objects?|resources?|entity|entities|items?|data|content|anything|nothing|body|list|array|collection|string of|requested|specified|matching|corresponding|expanded|parent|given)$/i;

/**
 * Unlinked return types: "a sideLoadingKey object", "a Stream in the response body", "the updated
 * **teamsTab** resource", "String collection object", "a JSON collection of **recentNotebooks**".
 */
export function unlinkedReturnType(text: string): TypeRef | undefined {
  const name = '\\*{0,2}`?([A-Za-z][\\w.]*)`?\\*{0,2}';
  const marked = '(?:\\*\\*|`)([A-Za-z][\\w.]*)(?:\\*\\*|`)';
  const patterns = [
    new RegExp(`\\bcollection of\\s+(?:an?\\s+|the\\s+)?${marked}`, 'i'),
    new RegExp(`(?:\\b(?:an?|the|new|updated|and)\\s+)+${name}(\\s+collection)?\\s+(?:objects?|resources?|entity|entities|value|in the (?:response )?body)\\b`, 'i'),
  ];
  for (const [i, pattern] of patterns.entries()) {
    const m = pattern.exec(text);
    if (m && !NOT_TYPES.test(m[1])) {
      const ref = parseTypeRef(m[1]);
      return i === 0 || m[2] ? { ...ref, raw: m[0], collection: true } : { ...ref, raw: m[0] };
    }
  }
  return undefined;
}

/**
 * "an [accessPackage](…) containing a collection of [x](…) objects", "A **meetingTimeSuggestionsResult**
 * includes a collection of …", "a [x](…) object with a list of …": a clause after a named type says what
 * that one object holds, not that a collection is returned. Cut such clauses (to the end of the sentence; a
 * dot inside a link target does not end it)
 * before reading collection wording. "a `200 OK` that contains a collection" (after a status) stays.
 */
const CONTENT_CLAUSE =
  /(\]\([^)]*\)|\]\[[^\]]*\]|\*\*[A-Za-z][\w.]*\*\*|`[A-Za-z][\w.]*`)(\s+(?:object|resource|entity))?\s+(?:containing|including|with|(?:that |which )?(?:contains|includes|has|holds)|whose\s+[^.]*?\b(?:is|contains))\b(?:[^.]|\.(?!\s|$))*/gi;

export function withoutContentClauses(text: string): string {
  return text.replace(CONTENT_CLAUSE, (_m, type: string, noun: string | undefined) => type + (noun ?? ''));
}

/**
 * "collection of", "a collection", "`value` ... collection" (not in a clause about a single object's content),
 * and a link whose label is the plural of the type page it links ("the [identityProviders](identityprovider.md)";
 * not after "a"/"an"/"one").
 */
export function mentionsCollection(text: string): boolean {
  const own = withoutContentClauses(text);
  // The plural label counts unless a singular article says otherwise ("an [accessReviewHistoryInstances](…)": a typo for one).
  return /collection of\b|\ba collection\b|`value`[^.]*collection|\bcollection\b[^.]*`value`|\blist of\b/i.test(own) || /(?<!\b(?:an?|one)\s+)\[`?([A-Za-z]+?)(?:s|es)`?\]\((?:[^)\s]*\/)?\1\.md\b/i.test(own);
}

/** `HTTP/1.1 201 Created` lines of code blocks in the section (pages that show the success there, not in prose). */
function fencedStatusCodes(src: PageSource, sections: readonly Section[]): number[] {
  const out: number[] = [];
  for (const s of sections) {
    for (let i = s.start; i < s.end; i++) {
      const t = src.tokens[i];
      if (t.type !== 'fence' && t.type !== 'code_block') continue;
      for (const m of t.content.matchAll(/^\s*HTTP\/\d(?:\.\d)?\s+([1-5]\d\d)\b/gm)) out.push(Number(m[1]));
    }
  }
  return out;
}

/** The Response section(s): prose, status codes, returned type, collection wording. */
export function readResponse(src: PageSource, outline: Outline): ApiPage['response'] {
  const sections = sectionsOf(outline, 'response');
  if (sections.length === 0) return undefined;
  const text = sections.map((s) => sectionProse(src, s.start, s.end)).join('\n').trim();
  const response: NonNullable<ApiPage['response']> = {
    line: sections[0].line,
    text,
    statusCodes: [...new Set([...statusCodes(text), ...fencedStatusCodes(src, sections)])],
    collection: mentionsCollection(text),
  };
  const type = returnType(text, referenceLookup(src));
  if (type) response.returnType = type;
  const expanded = expandedPart(text);
  if (expanded) response.expandedPart = expanded;
  return response;
}
