/**
 * A platform's pace, kept per scope (one for the whole platform, one per DM or channel): at most
 * `count` sends in any `perMs` window, plus pauses a platform asked for (429 Retry-After).
 *
 * A send is counted from its start until it completes, then stamped with its completion time. The
 * platform sees each request arrive somewhere in between, so no window of arrivals can hold more
 * than `count`, whatever the network latency (a token bucket would allow bursts of up to twice that).
 */
import type { RateLimit } from '../core/ports.js';

/** Measured arrival times at the platform carry some jitter; stay this far inside the window. */
const MARGIN_MS = 10;

export interface RateWindow {
  /** Milliseconds until a send may start; Infinity when only a running send's completion frees a slot. */
  waitMs(nowMs: number): number;
  /** Counts a send starting now; call the returned function when it has completed. */
  begin(): (doneMs: number) => void;
  /** No send until `untilMs` (a platform's Retry-After). */
  pauseUntil(untilMs: number): void;
  /** True when nothing is running, counted or paused any more: the window can be forgotten. */
  idle(nowMs: number): boolean;
}

export function createRateWindow(limit: RateLimit): RateWindow {
  const windowMs = limit.perMs + MARGIN_MS;
  const done: number[] = []; // completion stamps, ascending
  let running = 0;
  let pausedUntil = 0;

  const prune = (nowMs: number) => {
    while (done.length > 0 && done[0]! <= nowMs - windowMs) done.shift();
  };

  return {
    waitMs(nowMs) {
      prune(nowMs);
      const paused = Math.max(0, pausedUntil - nowMs);
      const over = done.length + running - limit.count + 1;
      if (over <= 0) return paused;
      if (over > done.length) return Infinity;
      return Math.max(paused, done[over - 1]! + windowMs - nowMs);
    },
    begin() {
      running += 1;
      let ended = false;
      return (doneMs) => {
        if (ended) return;
        ended = true;
        running -= 1;
        // Completions can be reported out of order; keep the stamps sorted.
        let at = done.length;
        while (at > 0 && done[at - 1]! > doneMs) at -= 1;
        done.splice(at, 0, doneMs);
      };
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
    idle(nowMs) {
      prune(nowMs);
      return running === 0 && done.length === 0 && pausedUntil <= nowMs;
    },
  };
}
