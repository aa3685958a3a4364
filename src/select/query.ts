/**
 * The query string of a documented example request (`$select=displayName,id&$top=5`), kept so the Pact
 * request and the live request ask for what the docs ask for. Docs write queries unencoded
 * (`$filter=displayName eq 'x'`): parameters are read leniently and written back percent-encoded. Pure.
 */

/** Name/value pairs in order; a value-less `$count` is `['$count', '']`. */
export type QueryPairs = [string, string][];

/** Decodes what is percent-encoded; a lone `%` (docs prose) stays as written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `a=1&b=x y` → [['a', '1'], ['b', 'x y']] (empty parts dropped; a leading `?` ignored). */
export function parseQuery(query: string | undefined): QueryPairs {
  if (!query) return [];
  return query.replace(/^\?/, '').split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
  });
}

/** Pairs → `?a=1&b=x%20y` (empty string when there are none). `$` and `,` stay readable, as Graph writes them. */
export function queryString(pairs: QueryPairs): string {
  if (pairs.length === 0) return '';
  const enc = (s: string) => encodeURIComponent(s).replace(/%24/g, '$').replace(/%2C/gi, ',');
  return '?' + pairs.map(([name, value]) => (value === '' ? enc(name) : `${enc(name)}=${enc(value)}`)).join('&');
}

/** Pairs → Pact's query template (`{ name: [values...] }`, repeated names kept in order). */
export function pactQuery(pairs: QueryPairs): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of pairs) (out[name] ??= []).push(value);
  return out;
}
