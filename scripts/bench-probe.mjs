// Loaded with `node --import` into every process `npm run bench` times (scripts/bench.ts): at exit it writes
// the process's own resource usage (peak RSS of all its threads, CPU) where GRAPHPACT_BENCH_PROBE says.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GRAPHPACT_BENCH_PROBE;
if (out && isMainThread) process.on('exit', () => writeFileSync(out, JSON.stringify(process.resourceUsage())));
