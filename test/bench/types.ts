/**
 * A benchmark case: measures ours and, where one exists, a baseline doing the same work
 * the plainest way, in the same run on the same machine. Ratios, not absolute times,
 * are what we compare against targets. Each case runs in its own process so its peak RSS
 * is its own.
 */
export type BenchSize = 'smoke' | 'full';

export interface BenchResult {
  /** Median milliseconds of ours. */
  ms: number;
  /** Median milliseconds of the baseline, when the case has one. */
  baselineMs?: number;
  /** Anything worth a footnote (rows, sizes). */
  note?: string;
  /** Peak RSS of the process that did ours, when the case runs it in a child of its own (else the case's process is measured). */
  peakRssMb?: number;
}

export interface BenchCase {
  name: string;
  /** The target in words, as the issue states it. */
  target: string;
  maxMs?: number;
  maxRatio?: number;
  maxRssMb?: number;
  run(size: BenchSize): Promise<BenchResult>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs fn `runs` times (after one warm-up when warm is set) and returns the median ms. */
export async function timeIt(fn: () => unknown, runs: number, warm = true): Promise<number> {
  if (warm) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export { seeded as rng } from '../../shared/seeded';
