/**
 * The pure parts of `npm run bench` (scripts/bench.ts), tested in test/bench/bench-lib.test.ts:
 * argument parsing, medians and spreads, the table.
 */
import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Docs directories (default: the shared corpus). */
  docs: string[];
  /** Timed rounds; every round runs each measured process once, in the same order. */
  runs: number;
  format: 'text' | 'json';
  /** graphpact launchers to time, labelled (`this` = this checkout's bin/graphpact.js). */
  clis: Array<{ label: string; bin: string }>;
  /** Also time the in-process phases (a diagnostic, not the figure). */
  phases: boolean;
  help: boolean;
}

export class BenchUsageError extends Error {}

/** `--docs DIR` (repeatable), `--runs N`, `--format text|json`, `--cli LABEL=PATH` (repeatable), `--no-phases`. */
export function parseBenchArgs(argv: string[], defaults: { docs: string; bin: string }): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        docs: { type: 'string', multiple: true },
        runs: { type: 'string', default: '3' },
        format: { type: 'string', default: 'text' },
        cli: { type: 'string', multiple: true },
        'no-phases': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new BenchUsageError((err as Error).message);
  }
  const v = parsed.values;
  const runs = Number(v.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new BenchUsageError(`--runs must be a whole number ≥ 1 (got ${v.runs})`);
  if (v.format !== 'text' && v.format !== 'json') throw new BenchUsageError(`--format must be text or json (got ${v.format})`);
  const clis = (v.cli ?? [`this=${defaults.bin}`]).map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw new BenchUsageError(`--cli wants LABEL=PATH to a graphpact launcher (got ${spec})`);
    return { label: spec.slice(0, eq), bin: spec.slice(eq + 1) };
  });
  const labels = new Set(clis.map((c) => c.label));
  if (labels.size !== clis.length) throw new BenchUsageError('--cli labels must differ');
  return { docs: v.docs ?? [defaults.docs], runs, format: v.format, clis, phases: !v['no-phases'], help: v.help === true };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How far the runs spread: min, max, and (max − min) / median, the figure to read a ratio against. */
export function spread(values: readonly number[]): { min: number; max: number; relative: number } {
  if (values.length === 0) return { min: Number.NaN, max: Number.NaN, relative: Number.NaN };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const m = median(values);
  return { min, max, relative: m > 0 ? (max - min) / m : 0 };
}

/** One measured process over the rounds. */
export interface Series {
  name: string;
  /** Wall times (ms), one per round. */
  wallMs: number[];
  /** Peak resident set (KiB), one per round. */
  maxRssKb: number[];
  /** User + system CPU (ms), one per round. */
  cpuMs: number[];
  /** Target ratio to the floor, when the issue sets one. */
  target?: number;
}

export interface Row {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  spread: number;
  /** Median wall time / the floor's median wall time. */
  ratio: number;
  /** Median over rounds of (this run / the floor's run in the same round): robust to load that drifts between rounds. */
  roundRatio: number;
  target?: number;
  withinTarget?: boolean;
  cpuMedianMs: number;
  peakRssMedianMb: number;
  peakRssMaxMb: number;
}

export function summarise(floor: Series, series: readonly Series[]): Row[] {
  const floorMedian = median(floor.wallMs);
  return [floor, ...series].map((s) => {
    const m = median(s.wallMs);
    const sp = spread(s.wallMs);
    const ratio = m / floorMedian;
    const perRound = s.wallMs.map((ms, i) => ms / floor.wallMs[i]).filter((r) => Number.isFinite(r));
    return {
      name: s.name,
      medianMs: Math.round(m),
      minMs: Math.round(sp.min),
      maxMs: Math.round(sp.max),
      spread: round2(sp.relative),
      ratio: round2(ratio),
      roundRatio: round2(median(perRound)),
      ...(s.target !== undefined ? { target: s.target, withinTarget: ratio <= s.target } : {}),
      cpuMedianMs: Math.round(median(s.cpuMs)),
      peakRssMedianMb: Math.round(median(s.maxRssKb) / 1024),
      peakRssMaxMb: Math.round(Math.max(...s.maxRssKb) / 1024),
    };
  });
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A fixed-width text table of the rows (times in seconds). */
export function formatTable(rows: readonly Row[]): string {
  const header = ['what', 'median', 'min–max', 'spread', 'x floor', 'x floor/round', 'target', 'CPU', 'peak RSS (median/max)'];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const body = rows.map((r) => [
    r.name,
    s(r.medianMs),
    `${s(r.minMs)}–${s(r.maxMs)}`,
    `${Math.round(r.spread * 100)}%`,
    r.ratio.toFixed(2),
    r.roundRatio.toFixed(2),
    r.target === undefined ? '' : `≤ ${r.target.toFixed(1)} ${r.withinTarget ? 'met' : 'NOT met'}`,
    s(r.cpuMedianMs),
    `${r.peakRssMedianMb}/${r.peakRssMaxMb} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
