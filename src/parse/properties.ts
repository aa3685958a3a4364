/**
 * Property/parameter tables → PropertyRow (request body, resource Properties/Relationships, function
 * parameters). Columns are found by header name, whatever the variant (`Property|Type|Description`,
 * `Parameter|Type|Required?|Description`, `Name|Value|Description`, bold headers...).
 */
import type { PropertyRow, Table } from '../model/page.js';
import { stripMarkdown } from './markdown.js';
import { columnIndex } from './tables.js';
import { parseTypeRef, type ReferenceLookup } from './type-ref.js';

const NAME_HEADERS = ['property', 'parameter', 'name', 'property name', 'parameter name', 'relationship', 'field', 'key'];
export const TYPE_HEADERS = ['type', 'data type', 'value type', 'return type'];
const DESCRIPTION_HEADERS = ['description', 'notes', 'remarks'];
const REQUIRED_HEADERS = ['required', 'required?', 'is required', 'optional'];

/** Does this table look like a property table (a name column and a type column)? */
export function isPropertyTable(table: Table): boolean {
  // `Member|Value|Description` tables list enum values (often of another type, under `### x values`).
  if (table.header[0] === 'member' || table.header[0] === 'members') return false;
  // `Type|Description` with no name column lists types (a base page's "Derived types"), not properties.
  if (TYPE_HEADERS.includes(table.header[0]) && columnIndex(table, NAME_HEADERS) < 0) return false;
  return columnIndex(table, TYPE_HEADERS) >= 0 || (columnIndex(table, ['value']) >= 0 && columnIndex(table, NAME_HEADERS) >= 0);
}

/** Name with markdown stripped: `` `displayName` `` / `**displayName**` / `[x](…)` → the name. */
export function propertyName(cell: string): string {
  const name = stripMarkdown(cell).replace(/\s*\((optional|required|deprecated)\)\s*$/i, '').trim();
  // `_id`, `_score (deprecated)`: a leading underscore that nothing closes is part of the name (search
  // hits' JSON keys), not emphasis.
  const lead = /^[`*\s]*(_+)[A-Za-z]/.exec(cell)?.[1];
  return lead && !name.startsWith('_') && !/_[^\w]*$/.test(cell.trim()) ? lead + name : name;
}

/** What a description states: "Required."/"Optional.", "Read-only.", "Nullable."/"Not nullable.". */
export function descriptionFacts(description: string): Pick<PropertyRow, 'required' | 'readOnly' | 'nullable'> {
  const facts: Pick<PropertyRow, 'required' | 'readOnly' | 'nullable'> = {};
  // Most descriptions state none of these: skip the regexes unless a keyword is present at all.
  if (!/required|optional|read|nullable/i.test(description)) return facts;
  const text = stripMarkdown(description);
  if (/(^|[.;]\s*|\()required\b/i.test(text)) facts.required = true;
  else if (/(^|[.;]\s*|\()optional\b/i.test(text)) facts.required = false;
  if (/\bread-?\s?only\b/i.test(text)) facts.readOnly = true;
  if (/\b(not|non)[\s-]?nullable\b/i.test(text)) facts.nullable = false;
  else if (/\bnullable\b/i.test(text)) facts.nullable = true;
  return facts;
}

function requiredCell(cell: string): boolean | undefined {
  const v = stripMarkdown(cell).toLowerCase();
  if (/^(yes|true|required|y)\b/.test(v)) return true;
  if (/^(no|false|optional|n)\b/.test(v)) return false;
  return undefined;
}

/** `| **Certificates and secrets** | | |`: a bold label grouping the rows below it, not a property. */
export function isSectionRow(cells: string[], nameCol: number): boolean {
  return /^(\*\*|__)[^*_|]+\1$/.test((cells[nameCol] ?? '').trim()) && cells.every((c, i) => i === nameCol || c.trim() === '');
}

export function propertyRows(table: Table, lookup?: ReferenceLookup): PropertyRow[] {
  let nameCol = columnIndex(table, NAME_HEADERS);
  if (nameCol < 0) nameCol = 0;
  let typeCol = columnIndex(table, TYPE_HEADERS);
  if (typeCol < 0) typeCol = columnIndex(table, ['value']);
  if (typeCol < 0 && table.header.length >= 3) typeCol = 1;
  let descCol = columnIndex(table, DESCRIPTION_HEADERS);
  if (descCol < 0) descCol = table.header.length - 1;
  const reqCol = columnIndex(table, REQUIRED_HEADERS);
  const rows: PropertyRow[] = [];
  for (const row of table.rows) {
    if (isSectionRow(row.cells, nameCol)) continue;
    const name = propertyName(row.cells[nameCol] ?? '');
    if (!name) continue;
    const description = descCol !== nameCol && descCol !== typeCol ? (row.cells[descCol] ?? '') : '';
    const type = parseTypeRef(typeCol >= 0 ? (row.cells[typeCol] ?? '') : '', lookup);
    const facts = descriptionFacts(description);
    if (reqCol >= 0) {
      const required = requiredCell(row.cells[reqCol] ?? '');
      if (required !== undefined) facts.required = required;
    }
    rows.push({ file: row.file, line: row.line, name, type, description, ...facts });
  }
  return rows;
}
