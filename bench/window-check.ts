/**
 * Checks a drain against a platform's sliding-window limit from the arrival times the fake
 * recorded: the most arrivals any window of `perMs` held, overall or per key (a DM, a channel).
 * Every window that starts at an arrival is looked at, which finds the fullest one.
 */

export interface Arrival {
  key: string;
  atMs: number;
}

export interface WindowPeak {
  count: number;
  /** Where the fullest window starts, and for per-key checks, whose it is. */
  atMs: number;
  key?: string;
}

/** Arrivals in [t, t + perMs) for the t that holds the most. */
export function peakInWindow(times: readonly number[], perMs: number): WindowPeak {
  const sorted = [...times].sort((a, b) => a - b);
  let peak: WindowPeak = { count: 0, atMs: Number.NaN };
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + perMs) end++;
    if (end - start > peak.count) peak = { count: end - start, atMs: sorted[start]! };
  }
  return peak;
}

export function peakPerKey(arrivals: readonly Arrival[], perMs: number): WindowPeak {
  const byKey = new Map<string, number[]>();
  for (const { key, atMs } of arrivals) {
    const times = byKey.get(key);
    if (times) times.push(atMs);
    else byKey.set(key, [atMs]);
  }
  let peak: WindowPeak = { count: 0, atMs: Number.NaN };
  for (const [key, times] of byKey) {
    const found = peakInWindow(times, perMs);
    if (found.count > peak.count) peak = { ...found, key };
  }
  return peak;
}
