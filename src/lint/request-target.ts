/**
 * What an example calls, and the request body an example rule checks: only an example that calls the
 * operation its page documents is judged against that operation. Other examples are judged by what
 * they are: a request to another service (a bot's notification URL, the upload URL an upload session
 * returned) is not Graph's to judge, and an example walking through an operation documented on another
 * page of the same version is not a mismatch of this one.
 */
import type { Operation } from '../model/catalog.js';
import type { HttpRequestExample, JsonBody } from '../model/page.js';
import { annotationFlag, pageVersionOf } from './doc-facts.js';
import { firstSegmentKey, pathMatches } from './paths.js';
import type { ExampleSubject, LintContext } from './types.js';

/** Hosts that serve Microsoft Graph (global and national clouds, canary). */
const GRAPH_HOST = /^((canary\.)?graph\.microsoft\.(com|us|de)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)(:\d+)?$/i;

/**
 * False for a request that does not go to Graph: marked `"opaqueUrl": true` (a URL Graph handed out,
 * such as an upload session's uploadUrl), an absolute URL on another host (`https://bot.contoso.com/api`,
 * `https://sn3302.up.1drv.com/up/...`), or a URL whose host is a placeholder (`{uploadUrl}`, `<notificationUrl>`).
 */
export function goesToGraph(request: Pick<HttpRequestExample, 'url' | 'annotation'>): boolean {
  if (annotationFlag(request.annotation, 'opaqueUrl') === true) return false;
  const url = request.url.trim();
  const absolute = /^https?:\/\/([^/?#\s]+)/i.exec(url);
  if (absolute) return GRAPH_HOST.test(absolute[1]);
  // `{uploadUrl}` or `<notification-url>` standing for the whole URL (not `/{id}` inside a path), unless
  // it names Graph's own root (`{graph-endpoint}/v1.0/me`).
  const placeholder = /^[{<]([^}>/]*)[}>]/.exec(url);
  return !placeholder || /graph/i.test(placeholder[1]);
}

/**
 * - `not-graph`: the request goes to another service (see goesToGraph);
 * - `documented`: the request calls a METHOD path the page documents (or the example has no request);
 * - `other-operation`: it calls an operation documented on another page of the same version;
 * - `undocumented`: neither (example-path-mismatch reports it).
 */
export type ExampleCallKind = 'not-graph' | 'documented' | 'other-operation' | 'undocumented';

export interface ExampleCall {
  kind: ExampleCallKind;
  /** For `other-operation`: the operation it calls. */
  other?: Operation;
}

const calls = new WeakMap<object, ExampleCall>();

export function exampleCall(subject: ExampleSubject, ctx: LintContext): ExampleCall {
  const r = subject.example.request;
  if (!r) return { kind: 'documented' };
  let call = calls.get(r);
  if (!call) calls.set(r, (call = classify(subject, r, ctx)));
  return call;
}

function classify({ page, operation }: ExampleSubject, r: HttpRequestExample, ctx: LintContext): ExampleCall {
  if (!goesToGraph(r)) return { kind: 'not-graph' };
  const method = r.method.toUpperCase();
  if (page.httpRequests.length === 0 && !operation) return { kind: 'documented' };
  const own = [...page.httpRequests, ...(operation?.paths ?? [])];
  if (own.some((d) => d.method.toUpperCase() === method && pathMatches(r.path, d.path))) return { kind: 'documented' };
  const other = operationCalled(ctx, pageVersionOf(page, operation), method, r.path, page.file);
  return other ? { kind: 'other-operation', other } : { kind: 'undocumented' };
}

/** The operation of another page in `version` that documents `METHOD path` (first in catalog order). */
export function operationCalled(ctx: LintContext, version: string, method: string, path: string, exceptFile?: string): Operation | undefined {
  const index = pathIndexOf(ctx, version).get(method);
  if (!index) return undefined;
  for (const i of candidates(index, firstSegmentKey(path))) {
    const op = index.operations[i];
    if (exceptFile && op.sources.every((s) => s.file === exceptFile)) continue;
    if (op.paths.some((d) => d.method.toUpperCase() === method && pathMatches(path, d.path))) return op;
  }
  return undefined;
}

/**
 * The operations of one version and method, numbered in catalog order, by the first segment of their
 * paths (firstSegmentKey): an example's path is tried only against operations that can match it, not
 * against every operation of its version (about 3,000 per version on the corpus).
 */
interface PathIndex {
  operations: readonly Operation[];
  /** Numbers of the operations with a path of this first segment, ascending. */
  byFirst: Map<string, number[]>;
  /** Numbers of the operations with a path whose first segment may match anything (a placeholder), ascending. */
  any: number[];
  /** Every number. */
  all: number[];
}

/** The numbers of the operations that may match a path with this key, in catalog order. */
function candidates(index: PathIndex, key: string | undefined): number[] {
  if (key === undefined) return index.all;
  const keyed = index.byFirst.get(key) ?? [];
  if (index.any.length === 0) return keyed;
  return [...new Set([...keyed, ...index.any])].sort((a, b) => a - b);
}

const pathIndexes = new WeakMap<object, Map<string, Map<string, PathIndex>>>();
function pathIndexOf(ctx: LintContext, version: string): Map<string, PathIndex> {
  let byVersion = pathIndexes.get(ctx.catalog);
  if (!byVersion) pathIndexes.set(ctx.catalog, (byVersion = new Map()));
  let byMethod = byVersion.get(version);
  if (byMethod) return byMethod;
  byMethod = new Map();
  const operations = ctx.catalog.operations.filter((op) => op.version === version);
  const add = (list: number[], i: number) => {
    if (list.at(-1) !== i) list.push(i);
  };
  operations.forEach((op, i) => {
    for (const d of op.paths) {
      const method = d.method.toUpperCase();
      let index = byMethod!.get(method);
      if (!index) byMethod!.set(method, (index = { operations, byFirst: new Map(), any: [], all: [] }));
      add(index.all, i);
      const key = firstSegmentKey(d.path);
      if (key === undefined) add(index.any, i);
      else {
        const list = index.byFirst.get(key);
        if (list) add(list, i);
        else index.byFirst.set(key, [i]);
      }
    }
  });
  byVersion.set(version, byMethod);
  return byMethod;
}

/** True when an example is judged against its page's operation: it calls it, or nothing documented at all. */
export function judgedAgainstPage(subject: ExampleSubject, ctx: LintContext): boolean {
  const kind = exampleCall(subject, ctx).kind;
  return kind === 'documented' || kind === 'undocumented';
}

export interface RequestTarget {
  operation: Operation;
  body: JsonBody;
  value: unknown;
}

export function requestTarget(subject: ExampleSubject, ctx: LintContext): RequestTarget | undefined {
  const { example, operation } = subject;
  const request = example.request;
  const body = request?.body;
  if (!operation || !body || body.value === undefined) return undefined;
  // Another method's example (a GET beside the POST) is not judged against this operation's body.
  if (request.method.toUpperCase() !== operation.method.toUpperCase()) return undefined;
  if (!judgedAgainstPage(subject, ctx)) return undefined;
  return { operation, body, value: body.value };
}
