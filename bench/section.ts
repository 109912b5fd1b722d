/**
 * A bench section: one area's measurements. Add a file in bench/ exporting a BenchSection and list
 * it in SECTIONS in bench/run.ts; each section runs in its own process, so its peak RSS is its own.
 */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** How to show the value (default: up to 2 decimals). */
  digits?: number;
  /** The target, when there is one: `value` must stay at or below `max` (below, when `strict`). */
  target?: { max: number; strict?: boolean };
  /** A short explanation printed after the value, e.g. how a bound was computed. */
  note?: string;
}

export interface BenchSection {
  title: string;
  run(): Promise<Measurement[]>;
}

export function meetsTarget(m: Measurement): boolean {
  if (!m.target) return true;
  return m.target.strict ? m.value < m.target.max : m.value <= m.target.max;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
