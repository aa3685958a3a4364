/**
 * Permissions: the table form (2 or 3 columns, permission type in either column) and the old prose
 * form (`*A; B; C*`). Placeholders such as `TODO: Determine scopes` are kept as written.
 */
import type { Permission, Table } from '../model/page.js';
import { stripMarkdown } from './markdown.js';
import type { Section } from './sections.js';
import type { PageSource } from './source.js';
import { tablesInRange } from './tables.js';

/** Scopes of one cell or prose list: split on commas/semicolons; "Not supported." gives none. */
export function splitScopes(text: string): string[] {
  const plain = stripMarkdown(text);
  if (/^(not supported|not applicable|none|n\/a)\.?$/i.test(plain)) return [];
  return plain
    .split(/[,;]|\s+and\s+/)
    .map((s) => s.trim().replace(/\.$/, '').trim())
    .filter((s) => s !== '' && !/^(not supported|not applicable)$/i.test(s));
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
