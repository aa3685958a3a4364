/**
 * Load benchmark of the embedded provider (`npm run bench:provider [-- --duration 10 --connections 50]`):
 * N concurrent connections create sideLoadingKeys for D seconds against an in-process provider
 * (autocannon), then every id a 201 returned is read back over HTTP. Prints requests/s, p99 latency,
 * the 5xx count and the lost count; exits 1 when either is not 0.
 */
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { startProvider } from '../src/provider/index.js';

const TOKEN = 'bench-token';
const PATH = '/beta/deviceAppManagement/sideLoadingKeys';

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
  const provider = await startProvider();
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
