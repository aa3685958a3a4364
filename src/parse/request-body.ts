/**
 * Request body section: all property tables, the prose without tables, "none"/"do not supply",
 * and "supply a JSON representation of [x]".
 */
import type { ApiPage, TypeRef } from '../model/page.js';
import { isPropertyTable, propertyRows } from './properties.js';
import { sectionProse, type Section } from './sections.js';
import type { PageSource } from './source.js';
import { referenceLookup } from './source.js';
import { tablesInRange } from './tables.js';
import { parseTypeRef, type ReferenceLookup } from './type-ref.js';

/** "Do not supply a request body", "None.", "does not require any request body", "should be empty"... */
const NO_BODY: RegExp[] = [
  /\bdo(?: not|n't) (?:supply|specify|provide|send|include|submit)\b[^.]*\b(?:request )?body\b/i,
  /\bno request body\b/i,
  /\b(?:does not|doesn't) (?:require|have|take|need) (?:any |a )?request body\b/i,
  /\brequest body (?:is|should be) (?:empty|not (?:necessary|required|needed))\b/i,
  /\bspecifying a request body is not necessary\b/i,
  /^\s*none\.?\s*$/im,
];

export function saysNoBody(prose: string): boolean {
  return NO_BODY.some((pattern) => pattern.test(prose));
}

const GENERIC =
  /^(the|a|an)?\s*(parameters?|properties|property|following|object|objects|fields?|values?|changes?|relevant|structure|references?|ids?|identifiers?|list|array|payload|data|json|body|request|collection)\b/i;

/** "supply a JSON representation of [x](…)" / "of a sideLoadingKey object" → the type. */
export function representationOf(prose: string, lookup?: ReferenceLookup): TypeRef | undefined {
  const m = /\b(?:supply|provide|include|specify)\s+(?:an?\s+|the\s+)?JSON representation\s+(?:of|for)\s+(?:an?\s+|the\s+|new\s+)*(.+)$/im.exec(prose);
  if (!m) return undefined;
  const rest = m[1];
  const link = /^(?:new\s+)?(\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\]))/.exec(rest);
  if (link) return parseTypeRef(link[1], lookup);
  if (GENERIC.test(rest)) return undefined;
  const word = /^\*{0,2}`?([A-Za-z][\w.]*)`?\*{0,2}(?=\s+(?:object|resource|entity)\b|\s*[.,]|\s+to\b|\s+with\b|\s*$)/.exec(rest);
  return word && !GENERIC.test(word[1]) ? parseTypeRef(word[1]) : undefined;
}

export function readRequestBody(src: PageSource, sections: Section[]): ApiPage['requestBody'] {
  if (sections.length === 0) return undefined;
  const lookup = referenceLookup(src);
  const tables = sections.flatMap((s) => tablesInRange(src, s.start, s.end));
  const prose = sections.map((s) => sectionProse(src, s.start, s.end)).join('\n').trim();
  const body: NonNullable<ApiPage['requestBody']> = {
    line: sections[0].line,
    properties: tables.filter(isPropertyTable).flatMap((t) => propertyRows(t, lookup)),
    tables,
    prose,
    none: tables.length === 0 && saysNoBody(prose),
  };
  const rep = representationOf(prose, lookup);
  if (rep) body.representationOf = rep;
  return body;
}
