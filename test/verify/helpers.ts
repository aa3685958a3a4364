/**
 * Test helpers for verify: providers that misbehave on purpose (in front of the embedded one, or on their
 * own), contract directories, output capture.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');

/** The committed consumer contracts (written by the consumer specs / `graphpact contracts`). */
export function contractsDir(): string {
  return join(PACKAGE_ROOT, 'contracts');
}

/** A copy of the contracts in `dir` (a temporary directory the test removes) keeping only interactions whose description matches. */
export async function filteredContracts(keep: (description: string) => boolean, dir: string): Promise<string> {
  const source = contractsDir();
  for (const name of (await readdir(source)).filter((n) => n.endsWith('.json'))) {
    const pact = JSON.parse(await readFile(join(source, name), 'utf8')) as { interactions: { description: string }[] };
    pact.interactions = pact.interactions.filter((i) => keep(i.description));
    if (pact.interactions.length) await writeFile(join(dir, name), JSON.stringify(pact));
  }
  return dir;
}

export interface RunningServer {
  url: string;
  /** Requests received. */
  count(): number;
  /** Requests received per route (`METHOD /path` with GUIDs as {id}); front providers only. */
  routes?(): Map<string, number>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closer(server: Server): () => Promise<void> {
  return () => new Promise((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });
}

/**
 * What a front provider does with one request: answer itself, hang, stream an endless JSON body
 * (`streamEndlessJson`), or undefined to forward it.
 */
export type Intercept = (req: IncomingMessage, route: string, seen: number) => { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'endless' | undefined;

/**
 * A 200 JSON body that never ends (`{"value":[{...},{...},...`), written as fast as the reader takes it, until
 * the reader hangs up or `maxMs` passes (the stream is bounded in time, the test's provider stops by itself).
 */
export function streamEndlessJson(res: ServerResponse, maxMs = 30_000): void {
  const deadline = Date.now() + maxMs;
  const item = Buffer.from(`{"id":"${'0'.repeat(8)}-0000-4000-8000-000000000000","displayName":"${'x'.repeat(900)}"},`);
  const chunk = Buffer.concat(Array.from({ length: 64 }, () => item));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"value":[');
  const pump = (): void => {
    while (!res.destroyed && Date.now() < deadline) {
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('{}]}');
  };
  res.on('error', () => undefined);
  pump();
}

/**
 * A provider in front of another: forwards every request unless `intercept` answers it. `route` is
 * METHOD + path with GUIDs replaced by {id}; `seen` counts earlier requests to that route.
 */
export async function startFrontProvider(target: string, intercept: Intercept): Promise<RunningServer> {
  const seen = new Map<string, number>();
  let count = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    count++;
    const route = `${req.method} ${(req.url ?? '').split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')}`;
    const n = seen.get(route) ?? 0;
    seen.set(route, n + 1);
    const answer = intercept(req, route, n);
    if (answer === 'hang') return; // the connection stays open, unanswered, until the server closes
    if (answer === 'endless') {
      req.resume();
      return streamEndlessJson(res);
    }
    if (answer) {
      req.resume();
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
      return;
    }
    const upstream = httpRequest(target + req.url, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  const url = await listen(server);
  return { url, count: () => count, routes: () => new Map(seen), close: closer(server) };
}

/** A provider that accepts connections and never answers. */
export async function startHangingProvider(): Promise<RunningServer> {
  let count = 0;
  const server = createServer(() => { count++; });
  const url = await listen(server);
  return { url, count: () => count, close: closer(server) };
}

/** A URL nobody listens on (a port just freed). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await closer(server)();
  return url;
}

export { captureOutput } from '../helpers/cli.js';

/** Every file under a directory (recursive), with its text. */
export async function readTree(dir: string): Promise<{ path: string; text: string }[]> {
  if (!existsSync(dir)) return [];
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(path)));
    else out.push({ path, text: await readFile(path, 'utf8') });
  }
  return out;
}
