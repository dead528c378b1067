/** One platform's limits: a window for everything it sends and one per DM or channel. */
import type { Notifier } from '../core/ports.js';
import { createRateWindow, type RateWindow } from './rate-window.js';

export interface Pacer {
  /** Milliseconds until a send to `target` may start: 0 = now, Infinity = when a running send ends. */
  waitMs(target: string): number;
  /** The same, counting only the platform-wide window (what every target waits for). */
  globalWaitMs(): number;
  /** Counts a send to `target` starting now; call the returned function when it has completed. */
  begin(target: string): () => void;
  /** The platform said to wait `ms`: for this target alone, or for everything. */
  pause(scope: 'global' | 'target', target: string, ms: number): void;
}

/** Idle per-target windows are dropped every this many sends, so memory follows the active targets. */
const PRUNE_EVERY = 500;

/** `now` is monotonic real time in ms: limits are the platform's, measured on its clock, not the app's. */
export function createPacer(limits: Notifier['limits'], now: () => number = () => performance.now()): Pacer {
  const global = createRateWindow(limits.global);
  const targets = new Map<string, RateWindow>();
  let sends = 0;

  const windowOf = (target: string): RateWindow => {
    let window = targets.get(target);
    if (!window) {
      window = createRateWindow(limits.perTarget);
      targets.set(target, window);
    }
    return window;
  };

  return {
    waitMs(target) {
      const nowMs = now();
      return Math.max(global.waitMs(nowMs), targets.get(target)?.waitMs(nowMs) ?? 0);
    },
    globalWaitMs: () => global.waitMs(now()),
    begin(target) {
      if (++sends % PRUNE_EVERY === 0) {
        const nowMs = now();
        for (const [key, window] of targets) if (window.idle(nowMs)) targets.delete(key);
      }
      const endGlobal = global.begin();
      const endTarget = windowOf(target).begin();
      return () => {
        const doneMs = now();
        endGlobal(doneMs);
        endTarget(doneMs);
      };
    },
    pause(scope, target, ms) {
      (scope === 'global' ? global : windowOf(target)).pauseUntil(now() + ms);
    },
  };
}
