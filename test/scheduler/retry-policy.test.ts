import { describe, expect, it } from 'vitest';
import { backoffMs, decide, MAX_ATTEMPTS } from '../../src/scheduler/retry-policy.js';

describe('what follows a send', () => {
  it('backs off 30 s, doubling, capped at an hour', () => {
    expect([1, 2, 3, 7, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('gives up a transient failure after the last attempt, and a permanent one at once', () => {
    const transient = { ok: false, permanent: false, reason: 'internal_error' } as const;
    expect(decide({ attempts: MAX_ATTEMPTS - 1 }, transient)).toEqual({ kind: 'retry', afterMs: backoffMs(MAX_ATTEMPTS - 1) });
    expect(decide({ attempts: MAX_ATTEMPTS }, transient)).toEqual({ kind: 'failed' });
    expect(decide({ attempts: 1 }, { ok: false, permanent: true, reason: 'channel_not_found' })).toEqual({ kind: 'failed' });
  });

  it('waits as long as the platform says, never giving up for being told to wait', () => {
    expect(decide({ attempts: 30 }, { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: 1500, scope: 'target' })).toEqual({ kind: 'retry', afterMs: 1500, pause: 'target' });
    expect(decide({ attempts: 1 }, { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: 1500 })).toMatchObject({ pause: 'global' });
  });
});
