/** Latency summaries from raw hrtime samples (nanoseconds). */

export interface Summary {
  p50: number; // µs
  p99: number; // µs
  max: number; // µs
}

/** Nearest-rank percentile: always a latency that was actually observed, never an interpolation. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samplesNs: readonly bigint[]): Summary {
  // Microseconds as floats: one call is well under 2^53 ns, so Number() loses nothing that matters.
  const sorted = samplesNs.map((ns) => Number(ns) / 1000).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
