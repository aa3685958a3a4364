/** How busy the machine's CPUs are: for deciding whether a worker thread would have a CPU of its own. */
import { cpus } from 'node:os';

/** The machine's CPU times (ms, all CPUs summed): idle and in all. */
export interface CpuSample {
  idle: number;
  total: number;
  cpus: number;
}

export function cpuSample(): CpuSample {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cpus: all.length };
}

/**
 * How many CPUs were idle on average since `since` (0 when too little time passed to tell: the kernel
 * counts in 10 ms ticks, so at least 50 ms per CPU are needed).
 */
export function idleCpusSince(since: CpuSample, now: CpuSample = cpuSample()): number {
  const elapsedPerCpu = (now.total - since.total) / Math.max(1, now.cpus);
  if (elapsedPerCpu < 50) return 0;
  return (now.idle - since.idle) / elapsedPerCpu;
}
