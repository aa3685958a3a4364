/**
 * The `$filter` subset the provider understands on collections, enough for a cleanup sweeper:
 *   startswith(prop,'text')   prop eq 'text'   (joined by `and`)
 * String comparisons are case-insensitive, as in the directory. Anything else is 400 Request_UnsupportedQuery.
 */
import { GraphError, CODES } from './errors.js';

export type Predicate = (item: Record<string, unknown>) => boolean;

const CLAUSE = /^\s*(?:startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)|([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)')\s*$/i;

export function parseFilter(filter: string | null, filterable: readonly string[]): Predicate {
  if (filter === null || filter.trim() === '') return () => true;
  const predicates = splitAnd(filter).map((clause) => parseClause(clause, filterable));
  return (item) => predicates.every((p) => p(item));
}

function parseClause(clause: string, filterable: readonly string[]): Predicate {
  const match = CLAUSE.exec(clause);
  if (!match) throw unsupported(`Unsupported or invalid query filter clause: ${clause.trim()}`);
  const [, swProp, swText, eqProp, eqText] = match;
  const property = swProp ?? eqProp;
  if (!filterable.includes(property)) throw unsupported(`Unsupported or invalid query filter clause specified for property '${property}'.`);
  const text = (swText ?? eqText).replace(/''/g, "'").toLowerCase();
  const valueOf = (item: Record<string, unknown>) => (typeof item[property] === 'string' ? (item[property] as string).toLowerCase() : undefined);
  return swProp !== undefined ? (item) => valueOf(item)?.startsWith(text) === true : (item) => valueOf(item) === text;
}

/** Splits on ` and ` outside quotes. */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") inQuote = !inQuote;
    else if (!inQuote && /^\sand\s/i.test(filter.slice(i, i + 5))) {
      parts.push(filter.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(filter.slice(start));
  return parts;
}

function unsupported(message: string): GraphError {
  return new GraphError(400, CODES.directoryUnsupportedQuery, message);
}
