/**
 * Sweeping leftovers of earlier crashed runs: applications (and sideLoadingKeys, where the provider lists
 * them) whose displayName starts with the run prefix and that are older than a threshold.
 * Selection is pure (`selectLeftovers`); `sweepLeftovers` lists and deletes through the Graph client.
 */
import { deleteObject, responseTooLargeMessage, type GraphClient, type GraphObjectKind } from '../client/index.js';
import { redactText } from '../util/redact.js';

export type LeftoverKind = GraphObjectKind;

export interface ListedObject {
  kind: LeftoverKind;
  id: string;
  displayName?: string;
  /** createdDateTime (applications) or lastUpdatedDateTime (sideLoadingKeys), as listed. */
  timestamp?: string;
}

export interface Candidate extends ListedObject {
  /** When it was made: the listed timestamp, else the time in the run id of its name. */
  madeAt: string;
  ageMs: number;
}

export interface Selection {
  candidates: Candidate[];
  /** Prefixed objects kept: too young, or age unknown. */
  kept: { object: ListedObject; reason: string }[];
}

/** `1h`, `30m`, `90s`, `2d`, `500ms`, or `0`: milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m || (m[2] === undefined && Number(m[1]) !== 0)) throw new RangeError(`--older-than must be a duration like 1h, 30m, 90s or 2d (got "${text}")`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms').toLowerCase() as 'ms'];
  return Number(m[1]) * unit;
}

/** The prefix must be specific enough that a sweep cannot touch objects that are not ours. */
export function checkPrefix(prefix: string): string {
  if (prefix.trim().length < 4) throw new RangeError(`--prefix must have at least 4 characters (got "${prefix}"): an empty or short prefix could delete objects that are not graphpact's`);
  return prefix;
}

/** `graphpact-20261122t000512-3fa9-app` → 2026-11-22T00:05:12Z (the run id verify names objects with). */
export function runIdTime(displayName: string | undefined): string | undefined {
  const m = /-(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})-[0-9a-f]{4}(?:-|$)/i.exec(displayName ?? '');
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

export function selectLeftovers(objects: ListedObject[], prefix: string, olderThanMs: number, now: Date): Selection {
  const selection: Selection = { candidates: [], kept: [] };
  for (const object of objects) {
    if (!object.displayName?.startsWith(prefix)) continue;
    const madeAt = validTime(object.timestamp) ?? runIdTime(object.displayName);
    if (!madeAt) {
      selection.kept.push({ object, reason: 'age unknown (no timestamp, no run id in the name)' });
      continue;
    }
    const ageMs = now.getTime() - Date.parse(madeAt);
    if (ageMs >= olderThanMs) selection.candidates.push({ ...object, madeAt, ageMs });
    else selection.kept.push({ object, reason: `younger than the threshold (made ${madeAt})` });
  }
  return selection;
}

function validTime(value: string | undefined): string | undefined {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;
}

export interface SweepOptions {
  prefix: string;
  olderThanMs: number;
  dryRun: boolean;
  now?: Date;
}

export interface SweepResult {
  listed: { applications: number; sideLoadingKeys: number | 'not listable' };
  deleted: Candidate[];
  /** Dry run: what would be deleted. */
  wouldDelete: Candidate[];
  kept: Selection['kept'];
  failed: { object: Candidate; reason: string }[];
  notes: string[];
}

/** The listing failed in a way that means the sweep cannot run (401/403 on applications, 5xx). */
export class SweepCouldNotRun extends Error {}

export async function sweepLeftovers(client: GraphClient, options: SweepOptions): Promise<SweepResult> {
  const notes: string[] = [];
  const apps = await listAll(client, `/applications?$filter=${encodeURIComponent(`startswith(displayName,'${options.prefix.replace(/'/g, "''")}')`)}`, 'applications');
  const applications: ListedObject[] = apps.map((a) => ({ kind: 'application', id: String(a.id), displayName: str(a.displayName), timestamp: str(a.createdDateTime) }));

  let keys: ListedObject[] = [];
  let keyCount: number | 'not listable' = 'not listable';
  try {
    const listed = await listAll(client, '/deviceAppManagement/sideLoadingKeys', 'sideLoadingKeys');
    keys = listed.map((k) => ({ kind: 'sideLoadingKey', id: String(k.id), displayName: str(k.displayName), timestamp: str(k.lastUpdatedDateTime) }));
    keyCount = keys.length;
  } catch (err) {
    if (!(err instanceof SweepCouldNotRun)) throw err;
    notes.push(`sideLoadingKeys not swept: ${err.message}`);
  }

  const selection = selectLeftovers([...applications, ...keys], options.prefix, options.olderThanMs, options.now ?? new Date());
  const result: SweepResult = { listed: { applications: applications.length, sideLoadingKeys: keyCount }, deleted: [], wouldDelete: [], kept: selection.kept, failed: [], notes };
  if (options.dryRun) {
    result.wouldDelete = selection.candidates;
    return result;
  }
  for (const object of selection.candidates) {
    try {
      const { gone, result: res } = await deleteObject(client, object.kind, object.id);
      if (gone) result.deleted.push(object);
      else result.failed.push({ object, reason: `HTTP ${res.response.status}${graphErrorCode(res.response.body)}` });
    } catch (err) {
      result.failed.push({ object, reason: redactText(err instanceof Error ? err.message : String(err)) });
    }
  }
  return result;
}

/** Every page of a collection (following @odata.nextLink below the same base URL). */
async function listAll(client: GraphClient, firstPath: string, what: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let path: string | undefined = firstPath;
  for (let page = 0; path && page < 100; page++) {
    const exchange = await client.send({ method: 'GET', path });
    const status = exchange.response.status;
    if (status < 200 || status > 299) throw new SweepCouldNotRun(`listing ${what} answered HTTP ${status}${graphErrorCode(exchange.response.body)}`);
    const body = exchange.response.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
    if (exchange.response.tooLarge !== undefined) throw new SweepCouldNotRun(`listing ${what}: ${responseTooLargeMessage(exchange.response.tooLarge)}`);
    if (!body || !Array.isArray(body.value)) throw new SweepCouldNotRun(`listing ${what} did not return a collection ({"value": [...]})`);
    out.push(...body.value.filter((v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string'));
    const next = body['@odata.nextLink'];
    path = typeof next === 'string' && next.startsWith(client.baseUrl) ? next.slice(client.baseUrl.length) : undefined;
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function graphErrorCode(body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? ` ${code}` : '';
}
