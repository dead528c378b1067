import type { DiscordErrorBody } from './fake-discord-validation.js';
import type { RestReply } from './fake-discord-state.js';

/**
 * One-shot answer for the next matching call. A 429 carries what discord.js reads to wait and retry:
 * `Retry-After` (seconds, fractions allowed here for fast tests), `X-RateLimit-Scope`, and for a
 * route limit the bucket headers (remaining 0, reset after the same pause), for a global one
 * `X-RateLimit-Global`. Anything else is a Discord error body, e.g.
 * `{ status: 403, code: 50007, message: 'Cannot send messages to this user' }`.
 */
export type FakeDiscordFailure =
  | { status: 429; retryAfter: number; global?: boolean; scope?: 'user' | 'global' | 'shared' }
  | ({ status: number } & DiscordErrorBody);

export function failureReply(failure: FakeDiscordFailure, nowMs: number): RestReply {
  if (!('retryAfter' in failure)) {
    const { status, ...body } = failure;
    return { status, body };
  }
  const global = failure.global ?? false;
  const headers: Record<string, string> = {
    'Retry-After': String(failure.retryAfter),
    'X-RateLimit-Scope': failure.scope ?? (global ? 'global' : 'user'),
  };
  if (global) headers['X-RateLimit-Global'] = 'true';
  else {
    Object.assign(headers, {
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': ((nowMs + failure.retryAfter * 1000) / 1000).toFixed(3),
      'X-RateLimit-Reset-After': failure.retryAfter.toFixed(3),
      'X-RateLimit-Bucket': 'f4k3b0c4e7f4k3b0c4e7f4k3b0c4e7f4',
    });
  }
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: failure.retryAfter, global } };
}
