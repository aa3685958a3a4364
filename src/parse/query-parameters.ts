/**
 * The Optional query parameters (or Query parameters) section of an API page: which OData system query
 * options the operation supports, and a function's own query parameters. Graph names them in prose
 * ("supports the `$select`, `$filter` and `$top` OData query parameters") or in a table
 * (`| $deltatoken | string | ... |`, `| startDateTime | String | ... |`).
 */
import type { ApiPage, QueryParameter } from '../model/page.js';
import { stripMarkdown } from './markdown.js';
import { sectionsOf, type Outline } from './sections.js';
import { referenceLookup, type PageSource } from './source.js';
import { columnIndex, tablesInRange } from './tables.js';
import { parseTypeRef } from './type-ref.js';

/** OData system query options, keyed by lower case, in the spelling of the OData standard. */
const ODATA_OPTIONS = new Map(
  ['$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$format', '$skiptoken', '$deltatoken', '$apply', '$levels', '$compute', '$index']
    .map((name) => [name.toLowerCase(), name]),
);

const NAME_COLUMNS = ['name', 'parameter', 'query parameter', 'parameter name', 'query option', 'option'];
const TYPE_COLUMNS = ['type', 'value'];
const DESCRIPTION_COLUMNS = ['description'];

export function readQueryParameters(src: PageSource, outline: Outline): ApiPage['queryParameters'] {
  const sections = sectionsOf(outline, 'queryParameters');
  if (sections.length === 0) return undefined;
  const parameters = new Map<string, QueryParameter>();
  const add = (parameter: QueryParameter) => {
    const key = parameter.name.toLowerCase();
    const known = parameters.get(key);
    // A table row says more than a mention in prose: it replaces one.
    if (!known || (parameter.description !== undefined && known.description === undefined)) parameters.set(key, parameter);
  };
  let prose = '';
  const lookup = referenceLookup(src);
  for (const section of sections) {
    let inTable = 0;
    for (let i = section.start; i < section.end; i++) {
      const t = src.tokens[i];
      if (t.type === 'table_open') inTable++;
      else if (t.type === 'table_close') inTable--;
      else if (t.type === 'inline' && inTable === 0 && !t.content.includes('|')) {
        const text = stripMarkdown(t.content);
        prose += `${text}\n`;
        // "$filter is not supported here" names an option the operation does NOT take; "does not support
        // OData query parameters other than `$filter`" names one it does.
        for (const sentence of sentencesOf(text)) {
          const supported = isNegative(sentence) ? (/\b(?:other than|except)\b(.*)$/i.exec(sentence)?.[1] ?? '') : sentence;
          for (const name of odataOptionsIn(supported)) add({ file: src.file, line: (t.map?.[0] ?? 0) + 1, name });
        }
      }
    }
    for (const table of tablesInRange(src, section.start, section.end)) {
      const nameAt = columnIndex(table, NAME_COLUMNS);
      if (nameAt < 0) continue;
      const typeAt = columnIndex(table, TYPE_COLUMNS);
      const descriptionAt = columnIndex(table, DESCRIPTION_COLUMNS);
      for (const row of table.rows) {
        const name = parameterName(row.cells[nameAt] ?? '');
        if (!name) continue;
        const typeCell = typeAt >= 0 ? row.cells[typeAt]?.trim() : undefined;
        const description = descriptionAt >= 0 ? stripMarkdown(row.cells[descriptionAt] ?? '').trim() : '';
        add({
          file: src.file,
          line: row.line,
          name,
          ...(typeCell && table.header[typeAt] === 'type' ? { type: parseTypeRef(typeCell, lookup) } : {}),
          description,
        });
      }
    }
  }
  const list = [...parameters.values()].sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
  const allRequired = /\brequired query parameters?\b/i.test(prose);
  for (const p of list) {
    const description = p.description ?? '';
    const required = !p.name.startsWith('$') && (allRequired || /(^|\.\s+)Required\.(\s|$)/.test(description)) && !/\boptional\b/i.test(description);
    if (required) p.required = true;
  }
  return { line: sections[0].line, support: odataSupport(prose, list), parameters: list };
}

/**
 * What the section says about OData options. A sentence that supports "the OData query parameters" without
 * naming one allows them all, even when another sentence shows one in use ("Use `$expand` to ...");
 * a table of the function's own parameters says nothing about them either.
 */
function odataSupport(prose: string, parameters: QueryParameter[]): NonNullable<ApiPage['queryParameters']>['support'] {
  const sentences = sentencesOf(prose);
  // "supports the following OData query parameters:" introduces a list: it names them (in the table).
  const unnamed = (s: string) => /\bsupports?\b.*\bOData query param/i.test(s) && !isNegative(s) && odataOptionsIn(s).length === 0 &&
    !/\b(following|only)\b/i.test(s) && !/:\s*$/.test(s);
  if (sentences.some(unnamed)) return 'unspecified';
  if (parameters.some((p) => p.name.startsWith('$'))) return 'named';
  return sentences.some(isNegative) ? 'none' : 'unspecified';
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n/).filter((s) => s.trim() !== '');
}

/** "does not support", "is not supported", "doesn't support". */
function isNegative(sentence: string): boolean {
  return /\b(not|n't)\b[^.]*\bsupport/i.test(sentence) || /\bsupport\w*\b[^.]*\bnot\b/i.test(sentence) || /n't support/i.test(sentence);
}

/** `$select`, `$orderBy`, `[$top](/graph/query-parameters#top-parameter)` → canonical names, in order, once each. */
export function odataOptionsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w$])\$([A-Za-z]+)\b/g)) {
    const name = ODATA_OPTIONS.get(`$${match[1].toLowerCase()}`);
    if (name && !found.includes(name)) found.push(name);
  }
  return found;
}

/** The name in a parameters table's first cell: an OData option canonicalised, or an identifier; else undefined. */
function parameterName(cell: string): string | undefined {
  const text = stripMarkdown(cell).trim().replace(/^`|`$/g, '');
  const option = ODATA_OPTIONS.get(text.toLowerCase());
  if (option) return option;
  return /^[A-Za-z_][\w.-]*$/.test(text) ? text : undefined;
}
