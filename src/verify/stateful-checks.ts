/**
 * Stateful checks: what type matching cannot see. Pact (and a schema) accept `"displayName": null` in answer
 * to a create that sent `"displayName": "x"`; these checks compare what was written with what comes back.
 * Each is a small named pure function over the exchange it judges and what the run knows about the writes
 * before it (CheckContext.stateful); without that context they are not applicable (skip). The runner
 * (generic.ts) sends the follow-up requests: read after write, the list, GET after DELETE.
 */
import { headerValue } from './exchange.js';
import type { Check, CheckResult } from './checks.js';

/** What the run wrote and learnt before the judged exchange. */
export interface StatefulContext {
  /** Body of the create or update (names prefixed with the run id). */
  written?: Record<string, unknown>;
  /** Properties the docs call read-only or computed: the provider may replace what was sent. */
  readOnly?: string[];
  /** Id of the created object. */
  createdId?: string;
  /** Items of every page of the list (after @odata.nextLink), when the exchange is a list. */
  listed?: unknown[];
  /** Pages read and whether the last nextLink had to be abandoned. */
  paging?: { pages: number; truncated: boolean };
  /** The docs show a Location header on the create's response. */
  locationDocumented?: boolean;
}

const skip = (message: string): CheckResult => ({ status: 'skip', message });
const pass = (message: string): CheckResult => ({ status: 'pass', message });

/** Deep equality where objects written must come back with at least what was written (Graph adds defaults). */
export function echoes(written: unknown, got: unknown): boolean {
  if (written === null || typeof written !== 'object') {
    if (typeof written === 'string' && typeof got === 'string') return written === got || sameInstant(written, got);
    return Object.is(written, got);
  }
  if (Array.isArray(written)) {
    return Array.isArray(got) && written.length === got.length && written.every((w, i) => echoes(w, got[i]));
  }
  if (!got || typeof got !== 'object' || Array.isArray(got)) return false;
  const g = got as Record<string, unknown>;
  return Object.entries(written as Record<string, unknown>).every(([k, v]) => k.startsWith('@odata.') || echoes(v, g[k]));
}

/** `2021-01-01T00:00:00Z` and `2021-01-01T00:00:00.0000000Z` are the same value in Graph's answers. */
function sameInstant(a: string, b: string): boolean {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  return iso.test(a) && iso.test(b) && !Number.isNaN(Date.parse(a)) && Date.parse(a) === Date.parse(b);
}

/** Written properties that did not come back as written (read-only ones and OData annotations excepted). */
export function notEchoed(written: Record<string, unknown>, body: unknown, readOnly: string[] = []): string[] {
  const got = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const ignored = new Set(readOnly.map((p) => p.toLowerCase()));
  return Object.keys(written)
    .filter((k) => !k.startsWith('@odata.') && !k.includes('@odata.') && !ignored.has(k.toLowerCase()))
    .filter((k) => !echoes(written[k], got[k]))
    .sort();
}

function compareWritten(what: string, written: Record<string, unknown>, body: unknown, readOnly?: string[]): CheckResult {
  const missing = notEchoed(written, body, readOnly);
  if (missing.length === 0) return pass(`${what} returns every written property as written`);
  const got = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    status: 'fail',
    message: `${what} does not return what was written: ${missing.join(', ')}`,
    expected: JSON.stringify(Object.fromEntries(missing.map((k) => [k, written[k]])), null, 2),
    actual: JSON.stringify(Object.fromEntries(missing.map((k) => [k, got[k] ?? null])), null, 2),
  };
}

/** The create's response holds the writable properties sent, as sent. */
export const create_echoes_request: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'success' || ctx.operationKind !== 'create' || !ctx.stateful?.written) return skip('only for a create with a body');
  if (exchange.response.status !== ctx.successStatus || exchange.response.status === 204) return skip('the create did not answer its documented body');
  return compareWritten('the create response', ctx.stateful.written, exchange.response.body, ctx.stateful.readOnly);
};

/** GET after a create or update returns what was written. */
export const read_after_write: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'read-after-write' || !ctx.stateful?.written) return skip('only for the read after a write');
  if (exchange.response.status !== 200) {
    return { status: 'fail', message: `GET after the write answered ${exchange.response.status}, not 200`, expected: 'HTTP 200 with the written object', actual: `HTTP ${exchange.response.status}` };
  }
  return compareWritten('GET after the write', ctx.stateful.written, exchange.response.body, ctx.stateful.readOnly);
};

/** GET after a successful DELETE is 404. */
export const delete_then_404: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'get-after-delete') return skip('only for the GET after a DELETE');
  const status = exchange.response.status;
  return status === 404
    ? pass('the deleted object is gone (404)')
    : { status: 'fail', message: `GET after DELETE answered ${status}, not 404`, expected: 'HTTP 404', actual: `HTTP ${status}` };
};

/** The list (every page, @odata.nextLink followed) holds the created object. */
export const list_contains_created: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'list-after-create' || !ctx.stateful?.createdId) return skip('only for the list after a create');
  if (exchange.response.status !== 200) return { status: 'fail', message: `the list answered ${exchange.response.status}, not 200`, expected: 'HTTP 200', actual: `HTTP ${exchange.response.status}` };
  const body = exchange.response.body as { value?: unknown } | undefined;
  if (!body || !Array.isArray(body.value)) return { status: 'fail', message: 'the list has no "value" array', expected: '{"value": [...]}', actual: JSON.stringify(body)?.slice(0, 500) ?? '(empty)' };
  const id = ctx.stateful.createdId;
  const items = ctx.stateful.listed ?? body.value;
  const found = items.some((item) => item && typeof item === 'object' && (item as { id?: unknown }).id === id);
  const pages = ctx.stateful.paging?.pages ?? 1;
  if (found) return pass(`the created object ${id} is listed (${pages} page(s) read)`);
  if (ctx.stateful.paging?.truncated) return { status: 'inconclusive', message: `the created object ${id} is not in the first ${pages} pages; paging was stopped there` };
  return { status: 'fail', message: `the created object ${id} is not in the list (${items.length} items, ${pages} page(s) read)`, expected: `an item with "id": "${id}"`, actual: `${items.length} items, none with that id` };
};

/** Where the docs show a Location header on the create's response, the provider sends one. */
export const location_header: Check = (exchange, ctx) => {
  if (ctx.scenario !== 'success' || ctx.operationKind !== 'create' || !ctx.stateful?.locationDocumented) return skip('only for creates whose documented response has a Location header');
  if (exchange.response.status >= 300) return skip('the create failed');
  const value = headerValue(exchange.response.headers, 'location');
  if (!value) return { status: 'fail', message: 'the create response has no Location header, which the docs show', expected: 'Location: <URL of the new object>', actual: '(none)' };
  const id = ctx.stateful.createdId;
  if (id && !value.includes(id) && !value.includes(encodeURIComponent(id))) return { status: 'fail', message: `Location ${value} does not name the created object ${id}`, expected: `a URL naming ${id}`, actual: value };
  return pass(`Location ${value}`);
};
