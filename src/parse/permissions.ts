/**
 * Permissions: the table form (2 or 3 columns, permission type in either column) and the old prose
 * form (`*A; B; C*`). Placeholders such as `TODO: Determine scopes` are kept as written.
 */
import type { ApiPage, Permission, Table } from '../model/page.js';
import { splitFrontMatter } from './front-matter.js';
import { parseJsonText } from './json-body.js';
import type { ParseContext } from './links.js';
import { stripMarkdown } from './markdown.js';
import type { Section } from './sections.js';
import { pageSource, type PageSource } from './source.js';
import { tablesInRange } from './tables.js';

/** Scopes of one cell or prose list: split on commas/semicolons; "Not supported." gives none. */
export function splitScopes(text: string): string[] {
  const plain = stripMarkdown(text);
  if (/^(not supported|not applicable|not available|none|n\/a)\.?$/i.test(plain)) return [];
  return plain
    .split(/[,;]|\s+and\s+/)
    .map((s) => s.trim().replace(/\.$/, '').trim())
    .filter((s) => s !== '' && !/^(not supported|not applicable|not available)$/i.test(s));
}

export function permissionsFromTable(table: Table): Permission[] {
  const typeCol = Math.max(0, table.header.findIndex((h) => h.includes('type')));
  const out: Permission[] = [];
  for (const row of table.rows) {
    const type = stripMarkdown(row.cells[typeCol] ?? '');
    if (!type) continue;
    const scopeCells = row.cells.filter((_, i) => i !== typeCol);
    const scopes = scopeCells.flatMap(splitScopes);
    out.push({ file: row.file, line: row.line, type, scopes, raw: scopeCells.join(' | ') });
  }
  return out;
}

/** The prose form: a paragraph wholly in emphasis listing scope names (`*A.Read; B.ReadWrite*`). */
export function permissionsFromProse(src: PageSource, section: Section): Permission[] {
  const out: Permission[] = [];
  for (let i = section.start; i < section.end; i++) {
    const t = src.tokens[i];
    if (t.type !== 'inline' || src.tokens[i - 1]?.type !== 'paragraph_open') continue;
    const lines = t.content.split('\n');
    lines.forEach((text, k) => {
      const m = /^\s*(\*{1,2}|_)([^*_].*?)\1\s*$/.exec(text);
      if (!m || !/[A-Za-z]+\.[A-Za-z]/.test(m[2]) && !/TODO/i.test(m[2])) return;
      out.push({ file: src.file, line: (t.map?.[0] ?? 0) + 1 + k, type: 'Scopes', scopes: splitScopes(m[2]), raw: text.trim() });
    });
  }
  return out;
}

export function readPermissions(src: PageSource, sections: Section[]): Permission[] {
  const out: Permission[] = [];
  for (const section of sections) {
    const tables = tablesInRange(src, section.start, section.end);
    for (const table of tables) out.push(...permissionsFromTable(table));
    if (tables.length === 0) out.push(...permissionsFromProse(src, section));
  }
  return out;
}

/** `[!INCLUDE [permissions-table](../includes/permissions/x-permissions.md)]` (docfx include syntax). */
const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]/i;

function isPermissionsInclude(label: string, target: string): boolean {
  return /permission/i.test(label) || /(^|[\\/])permissions[\\/]|-permissions\.md$/i.test(target);
}

/**
 * Today's permissions format (microsoft-graph-docs-contrib since 2023): a `blockType: permissions`
 * annotation and an include of the generated permissions table, in the Permissions section (else anywhere
 * on the page). The include is read when the docs tree has it; its rows are the page's permissions.
 */
export function readPermissionsInclude(src: PageSource, sections: Section[], ctx: ParseContext | undefined): { include: NonNullable<ApiPage['permissionsInclude']>; permissions: Permission[] } | undefined {
  const ranges = sections.length > 0 ? sections.map((s) => [s.start, s.end]) : [[0, src.tokens.length]];
  let include: NonNullable<ApiPage['permissionsInclude']> | undefined;
  for (const [from, to] of ranges) {
    for (let i = from; i < to && !include?.target; i++) {
      const t = src.tokens[i];
      const line = (t.map?.[0] ?? 0) + 1;
      if (t.type === 'html_block' && t.content.includes('blockType') && /"permissions"/.test(t.content)) {
        const name = annotationOfPermissions(t.content);
        if (name !== undefined) include = { ...include, line: include?.line ?? line, ...(name ? { name } : {}), read: false };
      } else if (t.type === 'inline' && t.content.includes('[!INCLUDE')) {
        t.content.split('\n').forEach((text, k) => {
          const m = INCLUDE.exec(text);
          if (m && !include?.target && isPermissionsInclude(m[1], m[2])) include = { ...include, line: include?.line ?? line + k, target: m[2], read: false };
        });
      }
    }
  }
  if (!include) return undefined;
  const permissions: Permission[] = [];
  const got = include.target ? ctx?.readInclude?.(src.file, include.target) : undefined;
  if (got) {
    include.resolved = got.file;
    include.read = true;
    permissions.push(...permissionsOfInclude(got.file, got.text, src.findings));
  }
  return { include, permissions };
}

/** The `name` of a `blockType: permissions` annotation ('' when it has none), undefined when the comment is not one. */
function annotationOfPermissions(html: string): string | undefined {
  const m = /<!--([\s\S]*?)-->/.exec(html);
  const data = m ? parseJsonText(m[1].trim()).value : undefined;
  if (!data || typeof data !== 'object' || (data as Record<string, unknown>).blockType !== 'permissions') return undefined;
  const name = (data as Record<string, unknown>).name;
  return typeof name === 'string' ? name : '';
}

/** The permission rows of an include file's table(s); positions are in the include file. */
export function permissionsOfInclude(file: string, text: string, findings: PageSource['findings']): Permission[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const src = pageSource(file, normalised, splitFrontMatter(normalised).lines, findings);
  return tablesInRange(src, 0, src.tokens.length).flatMap(permissionsFromTable);
}
