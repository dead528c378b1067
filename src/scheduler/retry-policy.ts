/**
 * What to do after a failed send. Transient failures back off exponentially: 30 s, 1 min, 2 min …
 * capped at an hour, and after the eighth attempt (about an hour and a quarter of trying) the
 * message is given up, as a permanent failure is at once. A platform's Retry-After is honoured as
 * stated and never counts toward giving up: being told to wait is not a failure.
 */
import type { DeliveryResult, OutboxMessage } from '../core/ports.js';

export const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;

export type Decision =
  | { kind: 'sent' }
  | { kind: 'retry'; afterMs: number; pause?: 'global' | 'target' }
  | { kind: 'failed' };

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export function decide(message: Pick<OutboxMessage, 'attempts'>, result: DeliveryResult): Decision {
  if (result.ok) return { kind: 'sent' };
  if (result.retryAfterMs !== undefined) return { kind: 'retry', afterMs: Math.max(0, result.retryAfterMs), pause: result.scope ?? 'global' };
  if (result.permanent || message.attempts >= MAX_ATTEMPTS) return { kind: 'failed' };
  return { kind: 'retry', afterMs: backoffMs(message.attempts) };
}
