/**
 * Load benchmark of the embedded provider (`npm run bench:provider [-- --duration 10 --connections 50]`):
 * N concurrent connections create sideLoadingKeys for D seconds against an in-process provider
 * (autocannon), then every id a 201 returned is read back over HTTP. Prints requests/s, p99 latency,
 * the 5xx count and the lost count; exits 1 when either is not 0.
 *
 * With `--docs DIR [--runs 3] [--probe /v1.0/users]` it first measures the emulator's start-up as users
 * feel it: a whole `graphpact serve --docs DIR` process from spawn to its first successful request (the
 * probe), against a floor process (a bare markdown-it pass over the same files) in the same run, medians
 * and peak memory; then the load runs against a provider emulating DIR.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Pool, request } from 'undici';
import { startProvider } from '../src/provider/index.js';
import { loadCatalog } from '../src/schema/pipeline.js';

const TOKEN = 'bench-token';
const PATH = '/beta/deviceAppManagement/sideLoadingKeys';

function stringOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`bench-provider: --${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<number> {
  const duration = option('duration', 10);
  const connections = option('connections', 50);
  const docs = stringOption('docs');
  if (docs !== undefined) await startupBench(docs, option('runs', 3), stringOption('probe') ?? '/v1.0/users');
  const provider = await startProvider(docs === undefined ? {} : { catalog: (await loadCatalog([docs])).catalog });
  const ids: string[] = [];
  let created = 0;
  try {
    const result = await autocannon({
      url: provider.url,
      connections,
      duration,
      requests: [{
        method: 'POST',
        path: PATH,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', displayName: 'graphpact-bench', description: 'load', totalActivation: 5 }),
        onResponse: (status, body) => {
          if (status !== 201) return;
          created += 1;
          try {
            const id = (JSON.parse(body) as { id?: unknown }).id;
            if (typeof id === 'string') ids.push(id);
          } catch {
            // An unreadable 201 body: its key cannot be read back, so it counts as lost below.
          }
        },
      }],
    });
    const readable = await countReadable(provider.url, ids, connections);
    const report = {
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP99Ms: result.latency.p99,
      latencyAverageMs: result.latency.average,
      created,
      status5xx: result['5xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      lost: created - readable,
    };
    process.stdout.write(
      `provider bench: ${connections} connections, ${duration} s of POST ${PATH}\n` +
      `  requests/s ${report.requestsPerSecond} (${report.requests} requests), p99 latency ${report.latencyP99Ms} ms (avg ${report.latencyAverageMs} ms)\n` +
      `  created ${created}, 5xx ${report.status5xx}, non-2xx ${report.non2xx}, errors ${report.errors}, timeouts ${report.timeouts}, lost ${report.lost}\n` +
      JSON.stringify(report) + '\n',
    );
    return report.status5xx === 0 && report.lost === 0 && report.errors === 0 ? 0 : 1;
  } finally {
    await provider.close();
  }
}

const BIN = fileURLToPath(new URL('../bin/graphpact.js', import.meta.url));

/** Whole-process start-up of `serve --docs` (spawn → first 200 of the probe) against a markdown-it floor process. */
async function startupBench(docs: string, runs: number, probe: string): Promise<void> {
  const serve: number[] = [];
  const floor: number[] = [];
  let servePeak = 0;
  let floorPeak = 0;
  for (let run = 0; run < runs; run++) {
    const s = await timeServe(docs, probe);
    serve.push(s.ms);
    servePeak = Math.max(servePeak, s.peakKb);
    const f = await timeFloor(docs);
    floor.push(f.ms);
    floorPeak = Math.max(floorPeak, f.peakKb);
  }
  const report = {
    docs, runs, probe,
    serveToFirstRequestMedianMs: median(serve), serveRunsMs: serve, servePeakRssMb: Math.round(servePeak / 1024),
    markdownItFloorMedianMs: median(floor), floorRunsMs: floor, floorPeakRssMb: Math.round(floorPeak / 1024),
    ratioToFloor: Number((median(serve) / median(floor)).toFixed(2)),
  };
  process.stdout.write(`emulator start-up: graphpact serve --docs ${docs} → first 200 of GET ${probe}: median ${report.serveToFirstRequestMedianMs} ms (peak RSS ${report.servePeakRssMb} MB); markdown-it floor ${report.markdownItFloorMedianMs} ms; ratio ${report.ratioToFloor}\n${JSON.stringify(report)}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

/** Peak resident memory of a running process, from /proc (0 where there is none). */
function peakKb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function timeServe(docs: string, probe: string): Promise<{ ms: number; peakKb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--docs', docs, '--port', '0', '--format', 'json'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line && out.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`graphpact serve exited ${code} before listening`)));
    });
    const res = await request(`${url}${probe}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET ${probe} answered ${res.statusCode}: choose another --probe`);
    const ms = performance.now() - started;
    return { ms, peakKb: peakKb(child.pid) };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The floor: a child process that reads every .md file under docs and parses it with a bare markdown-it. */
async function timeFloor(docs: string): Promise<{ ms: number; peakKb: number }> {
  const script = `
    import { readdirSync, readFileSync } from 'node:fs';
    import { join } from 'node:path';
    import MarkdownIt from 'markdown-it';
    const md = new MarkdownIt();
    const walk = (dir) => { for (const e of readdirSync(dir, { withFileTypes: true })) { const p = join(dir, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith('.md')) md.parse(readFileSync(p, 'utf8'), {}); } };
    walk(${JSON.stringify(docs)});
    process.stdout.write(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\\s+(\\d+)/)[1]);
  `;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('..', import.meta.url)) });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the markdown-it floor process exited ${code}`);
  return { ms: performance.now() - started, peakKb: Number(out) };
}

/** GETs every id (over HTTP, `connections` at a time); how many answered 200 with the same id. */
async function countReadable(url: string, ids: string[], connections: number): Promise<number> {
  const pool = new Pool(url, { connections });
  let readable = 0;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const res = await pool.request({ method: 'GET', path: `${PATH}/${id}`, headers: { authorization: `Bearer ${TOKEN}` } });
      const body = await res.body.text();
      if (res.statusCode === 200 && (JSON.parse(body) as { id?: string }).id === id) readable += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.close();
  return readable;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`bench-provider: could not run: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
