/**
 * The drainer: claims due outbox messages and hands each to its platform's notifier, never faster
 * than the platform allows (overall and per DM or channel). The outbox hands out one message per
 * target at a time, so a member's messages due keep their order, and one held for later (a retry's
 * backoff, the member's hours) does not hold back the next; a message waiting on its own target's
 * window (a Retry-After for that DM) stays in memory without taking a claim slot, or goes back to
 * the outbox until the window opens, so other targets go on. Every outcome is
 * written back: sent, retry (backoff, or the platform's Retry-After, which also pauses that target
 * or the whole platform and is not counted as an attempt), or failed (a DM's member is marked
 * unreachable only when the platform says they cannot be reached; a channel post the bot may not
 * make is kept for the admin who set the digest there). A DM to a member goes only in
 * their hours: a retry, a pause or a backlog that ends outside them waits for their next start
 * (retry-policy.ts, `sendableAt`).
 *
 * A member who changes anything while their DM is claimed (a pause, nudges off, a log that closes
 * the gap) changes their data version: checked just before the send, and before a retry or a
 * return to the outbox, the DM is then withdrawn unsent and the sweep plans afresh from what holds.
 *
 * A crash between a send and its mark leaves the row "sending"; `requeueInterrupted` at the next
 * start sends it again: at most one duplicate, nothing lost. An outcome the outbox cannot take just
 * then (another process holds the file's lock past the busy timeout, a full disk) is written again
 * on later passes, so neither does the row stay "sending", holding back its DM's later messages
 * until a restart sends it again.
 */
import type { Clock, DeliveryResult, Logger, Notifier, OutboxMessage, SchedulerStore } from '../core/ports.js';
import { scrubTokens } from '../adapters/format.js';
import { createPacer, type Pacer } from './pacer.js';
import { decide, sendableAt } from './retry-policy.js';

export interface DrainerDeps {
  schedulerStore: SchedulerStore;
  notifiers: readonly Notifier[];
  clock: Clock;
  logger: Logger;
  /** Monotonic real time in ms for pacing; the platforms count on their clocks, not on `clock`. */
  monotonicNow?: () => number;
  /** Zone for members who have set none, as the planner's (default UTC). */
  defaultTz?: string;
}

export interface DrainStats {
  sent: number;
  retried: number;
  failed: number;
}

export interface Drainer {
  /** Sends everything due now within the limits; a call while a drain runs joins it. */
  drain(): Promise<DrainStats>;
  /** Something new was enqueued: a running drain looks for it. */
  wake(): void;
  /** Lets sends in flight finish; claimed messages not yet sent go back to the outbox. */
  stop(): Promise<void>;
}

/** Claimed at most at once; small, so a crash or a stop strands little in "sending". */
const CLAIM_BATCH = 50;
/** Sends in flight at once, across all targets and platforms. */
const CONCURRENCY = 8;
/** Claimed messages kept in memory at most (most of them waiting on their own DM's window). */
const MAX_QUEUED = 1_000;
/** A message for a platform that is not running here waits this long before it is looked at again. */
const NO_NOTIFIER_RETRY_MS = 3_600_000;
/**
 * A claimed message whose target or platform is paused longer than this goes back to the outbox
 * until the pause ends, so it does not hold a claim slot other platforms' messages could use.
 */
const HOLD_AT_MOST_MS = 5_000;
const MAX_NAP_MS = 60_000;

interface Platform {
  notifier: Notifier;
  pacer: Pacer;
}

export function createDrainer(deps: DrainerDeps): Drainer {
  const { schedulerStore: outbox, clock, logger } = deps;
  const monotonicNow = deps.monotonicNow ?? (() => performance.now());
  const defaultTz = deps.defaultTz ?? 'UTC';
  const platforms = new Map<string, Platform>(deps.notifiers.map((n) => [n.platform, { notifier: n, pacer: createPacer(n.limits, monotonicNow) }]));
  // Messages for a platform this process does not run stay in the outbox for one that does.
  const runningPlatforms = deps.notifiers.map((n) => n.platform);
  let running: Promise<DrainStats> | undefined;
  let stopping = false;
  // Claimed and not yet settled or put back. A claim can hand one out again while it is in flight
  // here (another process's start-up requeued it): that copy is not sent a second time.
  const holding = new Set<number>();
  // Outcomes and returns the outbox could not take yet (see the top), oldest first.
  const unwritten: Array<() => void> = [];
  let more = false;
  let poke: (() => void) | undefined;

  const wake = () => {
    more = true;
    poke?.();
  };

  /** Sleeps up to `ms`, or until poked (a send finished, new work, stop). */
  const nap = (ms: number) => new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      if (poke === done) poke = undefined;
      resolve();
    };
    const timer = setTimeout(done, Math.max(1, Math.ceil(Math.min(ms, MAX_NAP_MS))));
    poke = done;
  });

  async function run(): Promise<DrainStats> {
    const stats: DrainStats = { sent: 0, retried: 0, failed: 0 };
    const queue: OutboxMessage[] = [];
    const busy = new Set<string>();
    const inFlight = new Set<Promise<void>>();
    let exhausted = false;
    // Messages waiting on their own DM or channel (its window, a send still running, an earlier
    // message): kept in order, but they do not use up the claim batch, so other targets go on.
    let heldByTarget = 0;
    // When a target's own window next opens (monotonic ms), so a held message costs a lookup a pass.
    const blockedUntil = new Map<string, number>();

    for (;;) {
      writeUnwritten();
      if (more) {
        more = false;
        exhausted = false;
      }
      const ready = queue.length - heldByTarget;
      const room = Math.min(CLAIM_BATCH - ready - inFlight.size, MAX_QUEUED - queue.length);
      if (!stopping && !exhausted && room > 0 && (ready === 0 || room >= CLAIM_BATCH / 2)) {
        const claimed = claim(room);
        for (const message of claimed) {
          if (holding.has(message.id)) continue;
          holding.add(message.id);
          queue.push(message);
        }
        exhausted = claimed.length < room;
      }
      let soonestMs = Infinity;
      heldByTarget = 0;
      // Per platform, computed once a pass until a send starts (a pass may look at a thousand messages).
      const globalWaits = new Map<Platform, number>();
      const passMs = monotonicNow();
      for (let i = 0; !stopping && i < queue.length;) {
        const message = queue[i]!;
        const platform = platforms.get(message.platform);
        if (!platform) {
          queue.splice(i, 1);
          putBack(message, NO_NOTIFIER_RETRY_MS);
          continue;
        }
        const target = targetOf(message);
        let globalWaitMs = globalWaits.get(platform);
        if (globalWaitMs === undefined) globalWaits.set(platform, (globalWaitMs = platform.pacer.globalWaitMs()));
        // The outbox hands out one message per target at a time, so nothing here can overtake an
        // earlier message to the same DM or channel; `busy` only guards that promise.
        const blocked = blockedUntil.get(target);
        const waitMs = busy.has(target) ? Infinity : blocked !== undefined && blocked > passMs ? blocked - passMs : platform.pacer.waitMs(target);
        if (waitMs > globalWaitMs && Number.isFinite(waitMs)) blockedUntil.set(target, passMs + waitMs);
        if (waitMs > HOLD_AT_MOST_MS && Number.isFinite(waitMs)) {
          // A long pause (Retry-After): back to the outbox until it ends.
          queue.splice(i, 1);
          putBack(message, waitMs);
          continue;
        }
        if (waitMs > 0 || inFlight.size >= CONCURRENCY) {
          if (waitMs > globalWaitMs) heldByTarget += 1;
          if (waitMs > 0) soonestMs = Math.min(soonestMs, waitMs);
          i += 1;
          continue;
        }
        const now = clock.now();
        if (openAt(message, now).getTime() > now.getTime()) {
          // Held back past the member's hours (a backlog, a pause): back until their next start.
          queue.splice(i, 1);
          putBack(message, 0);
          continue;
        }
        queue.splice(i, 1);
        // It may have waited here a while (its DM's window, a running send): is it still wanted?
        if (!stillStands(message)) continue;
        busy.add(target);
        blockedUntil.delete(target);
        globalWaits.delete(platform);
        const end = platform.pacer.begin(target);
        const sending: Promise<void> = send(platform.notifier, message)
          .then((result) => {
            end();
            busy.delete(target);
            record(message, result, platform.pacer, target, stats);
            // The outbox hands out one message per target at a time: the next may be claimable now.
            more = true;
          })
          .finally(() => {
            inFlight.delete(sending);
            poke?.();
          });
        inFlight.add(sending);
      }
      if (stopping) {
        await Promise.all(inFlight);
        for (const message of queue) putBack(message, 0);
        return stats;
      }
      if (queue.length === 0 && inFlight.size === 0) {
        if (exhausted && !more) return stats;
        continue;
      }
      await nap(soonestMs);
    }
  }

  function claim(limit: number): OutboxMessage[] {
    try {
      return outbox.claimDue(clock.now().toISOString(), limit, runningPlatforms);
    } catch (error) {
      logger.error({ err: describeThrown(error) }, 'outbox: could not claim due messages');
      return [];
    }
  }

  async function send(notifier: Notifier, message: OutboxMessage): Promise<DeliveryResult> {
    try {
      return await notifier.send(message);
    } catch (error) {
      const err = describeThrown(error);
      logger.warn({ outboxId: message.id, platform: message.platform, err }, 'notifier threw; treated as a transient failure');
      return { ok: false, permanent: false, reason: `threw: ${err.message}` };
    }
  }

  /** `from`, or for a DM the start of its member's next hours; a zone that cannot be read holds nothing. */
  function openAt(message: OutboxMessage, from: Date): Date {
    try {
      return sendableAt(message, from, defaultTz);
    } catch (error) {
      logger.warn({ outboxId: message.id, err: describeThrown(error) }, "outbox: could not work out the member's hours; not holding the message");
      return from;
    }
  }

  /** When a message may next go, `afterMs` from now at the earliest. */
  function nextAttemptAt(message: OutboxMessage, afterMs: number): string {
    return openAt(message, new Date(clock.now().getTime() + afterMs)).toISOString();
  }

  /** Never sent: back to the outbox, due again after `afterMs`, the claim not counted as an attempt. */
  function putBack(message: OutboxMessage, afterMs: number): void {
    holding.delete(message.id);
    if (!stillStands(message)) return;
    const retryAt = nextAttemptAt(message, afterMs);
    persist(() => outbox.release(message.id, retryAt), { outboxId: message.id }, 'return a message');
    // Held for later, it no longer holds back its DM's next message, which may go now (an urgent
    // reminder behind a routine one waiting for Monday). Not a loop: it is back not due yet.
    more = true;
  }

  /**
   * Whether a claimed message still stands (`confirmClaim`): false once its member changed since the
   * claim (it is withdrawn) or it was settled elsewhere. When the outbox cannot say just then, it
   * stands, as before the check: the send goes, or the outcome is written.
   */
  function stillStands(message: OutboxMessage): boolean {
    try {
      if (outbox.confirmClaim(message)) return true;
    } catch (error) {
      logger.warn({ outboxId: message.id, err: describeThrown(error) }, 'outbox: could not check a claimed message; going on with it');
      return true;
    }
    holding.delete(message.id);
    // The DM's next message, if any, may be claimable now.
    more = true;
    logger.info({ outboxId: message.id, platform: message.platform, tenantId: message.tenantId, kind: message.kind }, 'outbox: not sent: its member changed since it was claimed, or it was settled elsewhere');
    return false;
  }

  /** Writes to the outbox, or keeps the write for a later pass when the outbox cannot take it now. */
  function persist(write: () => void, facts: Record<string, unknown>, what: string): void {
    try {
      write();
    } catch (error) {
      logger.error({ ...facts, err: describeThrown(error) }, `outbox: could not ${what}; will try again`);
      unwritten.push(write);
    }
  }

  /** What could not be written before, oldest first; the first that fails again stops it (the file is still locked). */
  function writeUnwritten(): void {
    while (unwritten.length > 0) {
      try {
        unwritten[0]!();
      } catch {
        return;
      }
      unwritten.shift();
    }
  }

  function record(message: OutboxMessage, result: DeliveryResult, pacer: Pacer, target: string, stats: DrainStats): void {
    const decision = decide(message, result);
    if (decision.kind === 'retry' && decision.pause) {
      pacer.pause(decision.pause, target, decision.afterMs);
      const facts = { outboxId: message.id, platform: message.platform, retryAfterMs: decision.afterMs, scope: decision.pause, reason: result.ok ? '' : result.reason };
      // A refused token is an operator's problem, not a rate limit: say so loudly.
      if (!result.ok && /token/.test(result.reason)) logger.error(facts, 'platform refused the bot; deliveries paused');
      else logger.info(facts, 'platform asked to wait');
    }
    settle(message, decision, result.ok ? '' : result.reason, stats);
  }

  function settle(message: OutboxMessage, decision: ReturnType<typeof decide>, reason: string, stats: DrainStats): void {
    holding.delete(message.id);
    // Not sent, and planned from data that has changed since: neither retried nor kept as a note.
    if (decision.kind !== 'sent' && !stillStands(message)) return;
    const nowAt = clock.now().toISOString();
    const facts = { outboxId: message.id, platform: message.platform, tenantId: message.tenantId, kind: message.kind, attempts: message.attempts };
    if (decision.kind === 'sent') {
      stats.sent += 1;
      persist(() => outbox.markSent(message.id, nowAt), facts, 'record a delivery');
    } else if (decision.kind === 'retry') {
      const retryAt = nextAttemptAt(message, decision.afterMs);
      stats.retried += 1;
      if (!decision.pause) logger.warn({ ...facts, reason, retryInMs: decision.afterMs, retryAt }, 'delivery failed; will retry');
      // Told to wait (Retry-After, a paused platform) is not a failed try: the claim is not counted.
      const counted = decision.pause === undefined;
      persist(() => outbox.markRetry(message.id, retryAt, reason, counted), facts, 'record a failed delivery');
    } else if (decision.kind === 'replan') {
      stats.retried += 1;
      logger.warn({ ...facts, reason }, 'delivery failed on every try; the reminder is planned again from the member\'s data');
      persist(() => outbox.replan(message.id), facts, 'take back a reminder to plan again');
    } else {
      stats.failed += 1;
      logger.warn({ ...facts, reason, unreachable: decision.unreachable === true }, 'delivery failed for good');
      persist(
        () => (decision.unreachable ? outbox.markFailed(message.id, reason, nowAt) : outbox.markAbandoned(message.id, reason, nowAt)),
        facts,
        'record a failed delivery',
      );
    }
  }

  return {
    drain() {
      if (stopping) return Promise.resolve({ sent: 0, retried: 0, failed: 0 });
      if (running) {
        wake();
        return running;
      }
      more = false;
      const current = run().finally(() => {
        if (running === current) running = undefined;
      });
      running = current;
      return current;
    },
    wake,
    async stop() {
      stopping = true;
      poke?.();
      await running?.catch(() => undefined);
      writeUnwritten();
      if (unwritten.length > 0) logger.error({ unwritten: unwritten.length }, 'outbox: stopped with delivery outcomes unrecorded; the next start sends those messages again');
    },
  };
}

/** One send at a time per DM or channel, keyed within the platform. */
function targetOf(message: OutboxMessage): string {
  const { target } = message;
  return `${message.tenantId}|${target.kind === 'direct' ? `user:${target.userId}` : `channel:${target.channelId}`}`;
}

/** An error as loggable facts, with anything token-shaped blanked. */
function describeThrown(error: unknown): { name?: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: scrubTokens(error.message) };
  return { message: scrubTokens(String(error)) };
}
