/**
 * What to do after a failed send. Transient failures back off exponentially: 30 s, 1 min, 2 min …
 * capped at an hour, and after the eighth attempt (about an hour and a quarter of trying, within
 * the member's hours) a member's reminder is taken back and planned afresh by the next sweep, and
a channel post is given up, as a permanent failure is at once. A platform's
 * Retry-After is honoured as stated and never counts toward giving up: being told to wait is not a
 * failure. When the wait ends outside the member's hours, a DM waits on for their next start.
 *
 * Only a failure that says the recipient cannot be reached (closed DMs, an unknown user) gives a
 * member up as unreachable, and for a channel post only one saying the bot may not post there is
 * the channel's (its admin is told); a platform down through every retry, or a message it refuses,
 * is nobody's doing on their side.
 */
import { isUrgentKey, memberWindow, nextDeliverable } from '../core/index.js';
import type { DeliveryResult, OutboxMessage } from '../core/ports.js';

export const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;

export type Decision =
  | { kind: 'sent' }
  | { kind: 'retry'; afterMs: number; pause?: 'global' | 'target' }
  | { kind: 'failed'; unreachable?: true }
  /** A DM that failed on every try of a transient failure: planned afresh by the next sweep, not lost. */
  | { kind: 'replan' };

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export function decide(message: Pick<OutboxMessage, 'attempts' | 'recipient'>, result: DeliveryResult): Decision {
  if (result.ok) return { kind: 'sent' };
  if (result.retryAfterMs !== undefined) return { kind: 'retry', afterMs: Math.max(0, result.retryAfterMs), pause: result.scope ?? 'global' };
  if (result.permanent && result.unreachable) return { kind: 'failed', unreachable: true };
  if (result.permanent) return { kind: 'failed' };
  // An outage through every try: a member's reminder is planned again from their data by the next
  // sweep (a long outage repeats this every couple of hours); a channel post is given up.
  if (message.attempts >= MAX_ATTEMPTS) return message.recipient ? { kind: 'replan' } : { kind: 'failed' };
  return { kind: 'retry', afterMs: backoffMs(message.attempts) };
}

/**
 * The earliest a message may go at or after `from`: a DM to a member, the start of their next
 * deliverable time (their zone, working hours, quiet hours); a channel post, `from` itself. Never
 * earlier than `from`, so a Retry-After is only ever lengthened.
 *
 * Weekends count for urgent reminders only (a deadline within a week, a grace period), as the
 * planner judged them: its key says which (`isUrgentKey`). A routine one held past Friday evening
 * waits for Monday; an urgent one is not held over the weekend, where it could arrive too late.
 */
export function sendableAt(message: Pick<OutboxMessage, 'recipient' | 'key'>, from: Date, defaultTz: string): Date {
  if (!message.recipient) return from;
  return nextDeliverable(from, memberWindow(message.recipient, defaultTz, isUrgentKey(message.key)));
}
