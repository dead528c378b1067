/**
 * A send that succeeds while another process holds the SQLite file's write lock past the busy
 * timeout, so the outbox cannot record it just then: the outcome is recorded once the lock is gone,
 * the member's next message still goes, and a restart does not send the first one again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryResult, Notifier, OutboxMessage } from '../../src/core/index.js';
import { createDrainer, type Drainer } from '../../src/scheduler/drain-outbox.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/index.js';
import { makePlanned, makeTestOutbox, type TestOutbox } from './make-outbox.js';

let t: TestOutbox;
let other: DatabaseHandle;
let drainer: Drainer;
const sends: string[] = [];

/** A remote platform that accepts everything; while it takes `lockDuring`, the other process locks the file. */
function platform(lockDuring: string): Notifier {
  return {
    platform: 'slack',
    limits: { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } },
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      sends.push(message.key);
      if (message.key === lockDuring) other.sqlite.exec('begin immediate');
      return { ok: true };
    },
  } satisfies Notifier;
}

beforeEach(() => {
  sends.length = 0;
  t = makeTestOutbox();
  // The bot's 5 s busy timeout, shortened so the test does not wait it out: the failure is the same.
  t.database.sqlite.pragma('busy_timeout = 20');
  other = openDatabase(t.path);
  drainer = createDrainer({ schedulerStore: t.outbox, notifiers: [platform('nudge:1')], clock: t.clock, logger: t.logger });
  const alice = t.member({ userId: 'U0ALICE' });
  t.enqueue(makePlanned(alice, 'nudge:1'), makePlanned(alice, 'nudge:2'));
});
afterEach(async () => {
  await drainer.stop();
  if (other.sqlite.inTransaction) other.sqlite.exec('rollback');
  other.close();
  t.cleanup();
});

describe('a delivery the outbox could not record at once', () => {
  it('is recorded once the lock is gone, and the member\'s next message follows', async () => {
    expect(await drainer.drain()).toMatchObject({ sent: 1 });
    other.sqlite.exec('commit');

    expect(await drainer.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sends).toEqual(['nudge:1', 'nudge:2']);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 2, failed: 0 });
    // Nothing left for the next start to send again.
    expect(t.outbox.requeueInterrupted()).toBe(0);
  });

  it('is recorded when the drainer stops, if no drain came after the lock was gone', async () => {
    expect(await drainer.drain()).toMatchObject({ sent: 1 });
    other.sqlite.exec('commit');

    await drainer.stop();
    expect(t.outbox.requeueInterrupted()).toBe(0);
    expect(t.database.sqlite.prepare("select key from outbox where status = 'sent'").pluck().all()).toEqual(['nudge:1']);
  });
});
