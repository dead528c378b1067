/**
 * The timer around the core's planner: a sweep at start-up and then every `sweepIntervalMs`, and a
 * drainer that runs whenever something is due (woken by a sweep that enqueued, and by a timer set
 * for the outbox's next due message, a sweep interval on at the latest). Neither ever overlaps
 * itself. `sweep()` and `drain()` can be called directly (tests, benchmarks) without `start()`.
 */
import type { Clock, Logger, Notifier, SchedulerStore } from '../core/ports.js';
import { createDrainer, type DrainStats } from './drain-outbox.js';
import { sweep as runSweep, type SweepDeps, type SweepStats } from './sweep.js';

export interface SchedulerOptions {
  schedulerStore: SchedulerStore;
  store: SweepDeps['store'];
  notifiers: readonly Notifier[];
  clock: Clock;
  logger: Logger;
  sweepIntervalMs: number;
  /** Zone for members who have set none (default UTC). */
  defaultTz?: string;
  /** Monotonic real time in ms for pacing sends (default performance.now). */
  monotonicNow?: () => number;
}

export interface Scheduler {
  /** Returns interrupted sends to the outbox, sweeps at once, then keeps sweeping and draining. */
  start(): void;
  /** Clears the timers, ends a sweep between pages and waits for sends in flight. */
  stop(): Promise<void>;
  sweep(): Promise<SweepStats>;
  drain(): Promise<DrainStats>;
}

/** Right after a drain, a message already due again (a failing store) waits at least this long. */
const MIN_DRAIN_DELAY_MS = 250;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { schedulerStore, clock, logger } = options;
  const drainer = createDrainer({
    schedulerStore, clock, logger, notifiers: options.notifiers,
    ...(options.defaultTz ? { defaultTz: options.defaultTz } : {}),
    ...(options.monotonicNow ? { monotonicNow: options.monotonicNow } : {}),
  });
  let started = false;
  let stopped = false;
  let sweeping: Promise<SweepStats> | undefined;
  let draining: Promise<DrainStats> | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let drainTimer: NodeJS.Timeout | undefined;

  function sweep(): Promise<SweepStats> {
    sweeping ??= runSweep({ schedulerStore, store: options.store, clock, logger, defaultTz: options.defaultTz ?? 'UTC', shouldStop: () => stopped })
      .then((stats) => {
        logger[stats.enqueued > 0 ? 'info' : 'debug']({ ...stats, longestStepMs: round(stats.longestStepMs), durationMs: round(stats.durationMs) }, 'sweep done');
        if (stats.enqueued > 0 && started) kickDrain();
        return stats;
      })
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  }

  function kickDrain(): void {
    if (stopped) return;
    clearTimeout(drainTimer);
    if (draining) {
      drainer.wake();
      return;
    }
    draining = drainer.drain()
      .then((stats) => {
        if (stats.sent + stats.retried + stats.failed > 0) logger.info({ ...stats }, 'outbox drained');
        return stats;
      })
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? { message: error.message } : { message: String(error) } }, 'outbox drain failed');
        return { sent: 0, retried: 0, failed: 0 };
      })
      .finally(() => {
        draining = undefined;
        planNextDrain();
      });
  }

  /**
   * Wakes the drainer when the next pending message falls due, and one sweep interval on at the
   * latest: also when nothing is pending here, for another process on the same file (a console
   * run) may plan messages this one delivers, and when the outbox could not be read.
   */
  function planNextDrain(): void {
    if (stopped || !started) return;
    let dueAt: string | undefined;
    try {
      dueAt = schedulerStore.nextDueAt(options.notifiers.map((n) => n.platform));
    } catch (error) {
      logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'outbox: could not read the next due time');
    }
    const dueInMs = dueAt === undefined ? Infinity : Date.parse(dueAt) - clock.now().getTime();
    const inMs = Math.min(options.sweepIntervalMs, Math.max(MIN_DRAIN_DELAY_MS, dueInMs));
    clearTimeout(drainTimer);
    drainTimer = setTimeout(kickDrain, inMs);
  }

  const logFailure = (what: string) => (error: unknown) =>
    logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } }, what);

  return {
    start() {
      if (started || stopped) return;
      started = true;
      const requeued = schedulerStore.requeueInterrupted();
      if (requeued > 0) logger.warn({ requeued }, 'outbox: sends interrupted by a stop or crash will be retried (at most one duplicate each)');
      sweep().catch(logFailure('sweep failed'));
      kickDrain();
      sweepTimer = setInterval(() => {
        if (!sweeping) sweep().catch(logFailure('sweep failed'));
      }, options.sweepIntervalMs);
    },
    async stop() {
      stopped = true;
      clearInterval(sweepTimer);
      clearTimeout(drainTimer);
      await sweeping?.catch(() => undefined);
      await drainer.stop();
      await draining;
    },
    sweep,
    drain: () => drainer.drain(),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
