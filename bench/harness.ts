import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One figure of a benchmark, with the baseline measured in the same run. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** What the baseline measured, in the same unit, or null where no baseline applies. */
  readonly baseline: number | null;
  readonly baselineName: string | null;
  /** value / baseline (or baseline / value for "lower is better" units), null without a baseline. */
  readonly ratio: number | null;
  /** A human statement of the target, e.g. ">= 1,000,000/s and >= 100x baseline". */
  readonly target: string;
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly name: string;
  readonly machine: { readonly cpus: number; readonly node: string };
  readonly figures: readonly Figure[];
}

/**
 * How fast something ran: per second of the machine's clock, and per second of CPU time this process
 * used (user + system, all its threads). On a machine that other work shares, the clock figure falls
 * with its load while the CPU figure stays what one core gives this code.
 */
export interface Rate {
  readonly perSecond: number;
  readonly perCpuSecond: number;
}

function rate(ops: number, wallMs: number, cpu: NodeJS.CpuUsage): Rate {
  return { perSecond: (ops * 1000) / wallMs, perCpuSecond: (ops * 1e6) / Math.max(1, cpu.user + cpu.system) };
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up batch) and returns its rate. */
export async function opsPerSecond(fn: (iteration: number) => unknown, ms = 2000, batch = 1000): Promise<Rate> {
  for (let i = 0; i < batch; i++) await fn(i); // warm-up
  let ops = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) await fn(ops + i);
    ops += batch;
    now = performance.now();
  }
  return rate(ops, now - start, process.cpuUsage(cpu));
}

/** Same as opsPerSecond for synchronous code, without the per-call await. */
export function opsPerSecondSync(fn: (iteration: number) => unknown, ms = 2000, batch = 10_000): Rate {
  for (let i = 0; i < batch; i++) fn(i);
  let ops = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) fn(ops + i);
    ops += batch;
    now = performance.now();
  }
  return rate(ops, now - start, process.cpuUsage(cpu));
}

export function figure(f: Omit<Figure, 'ratio' | 'met'> & { lowerIsBetter?: boolean; meets?: (value: number, ratio: number | null) => boolean }): Figure {
  const ratio = f.baseline === null || f.baseline === 0 ? null : f.lowerIsBetter ? f.baseline / f.value : f.value / f.baseline;
  return {
    name: f.name, value: f.value, unit: f.unit, baseline: f.baseline, baselineName: f.baselineName,
    ratio, target: f.target, met: f.meets ? f.meets(f.value, ratio) : null,
  };
}

const fmt = (n: number | null): string => n === null ? '—' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 3);

export function printReport(report: BenchReport): void {
  const rows = report.figures.map((f) => [f.name, `${fmt(f.value)} ${f.unit}`, f.baselineName ? `${fmt(f.baseline)} (${f.baselineName})` : '—', f.ratio === null ? '—' : `${f.ratio.toFixed(2)}x`, f.target, f.met === null ? '' : f.met ? 'met' : 'NOT MET']);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${report.name} — ${report.machine.cpus} CPUs, Node ${report.machine.node}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function writeReport(report: BenchReport): string {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${report.name}.json`;
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
