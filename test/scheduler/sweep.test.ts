/**
 * The sweep with the real planner, the real stores on a SQLite file, and delivery to the console
 * notifier (a terminal needs no fake).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/index.js';
import type { Scheduler } from '../../src/scheduler/index.js';
import { SENT_IN_SERIES_SINCE_SQL } from '../../src/storage/create-outbox.js';
import { makeActivity } from '../storage/make-store.js';
import { makeConsoleScheduler, makeTestOutbox, type TestOutbox } from './make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler;
let printed: () => string;

beforeEach(() => {
  // Tuesday 24 Nov 2026, 15:00 UTC: inside working hours for members in UTC.
  t = makeTestOutbox();
  ({ scheduler, printed } = makeConsoleScheduler(t));
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

const DAY_MS = 86_400_000;
const now = () => t.clock.now().toISOString();
const reminders = () => printed().match(/── reminder for alice ──/g)?.length ?? 0;
const consoleMember = (userId: string) => t.member({ platform: 'console', tenantId: 'console', userId });
/** A CMA expiring 28 Feb 2027, 96 days on: the 120-day nudge is due. */
function withCma(member: Member): Member {
  t.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, now());
  return member;
}

describe('the sweep', () => {
  it('plans each reminder once, however often it runs, and looks again at a member who changed', async () => {
    const alice = withCma(consoleMember('alice'));
    withCma(consoleMember('bob'));
    consoleMember('carol'); // no credentials: nothing to say
    expect(await scheduler.sweep()).toMatchObject({ members: 3, planned: 2, enqueued: 2 });
    expect(t.outbox.hasMessage(alice.workspaceId, `nudge:${alice.memberId}:CMA:2027-02-28:d120`)).toBe(true);
    expect(await scheduler.sweep()).toMatchObject({ members: 0, enqueued: 0 });
    // A change withdraws what still waits to go; the sweep plans it afresh from the new data.
    t.store.addActivity(alice, makeActivity({ category: 'general' }), now());
    expect(await scheduler.sweep()).toMatchObject({ members: 1, planned: 1, enqueued: 1 });
    // Once sent, it is never planned again, whatever changes.
    await scheduler.drain();
    t.store.addActivity(alice, makeActivity({ category: 'general' }), now());
    expect(await scheduler.sweep()).toMatchObject({ members: 1, planned: 1, enqueued: 0 });
  });

  it('after an outage sends only the latest stage, not the stale one still waiting', async () => {
    withCma(consoleMember('alice'));
    expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 }); // the 120-day nudge; nothing drains it
    t.clock.advance(6 * 86_400_000); // Monday 30 Nov: the 90-day stage
    expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 });
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(printed()).toContain('(90 days left)');
    expect(printed()).not.toContain('(96 days left)');
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
  });

  it('never sends a waiting reminder once the member has closed the gap', async () => {
    const alice = withCma(consoleMember('alice'));
    expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 });
    for (const category of ['administrative', 'clinical', 'general'] as const) {
      t.store.addActivity(alice, makeActivity({ category, amount: '20', unit: 'points', aamaApproved: true }), now());
    }
    expect(await scheduler.sweep()).toMatchObject({ members: 1, planned: 0 });
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(printed()).toBe('');
  });

  it('plans on the workspace\'s own ladder', async () => {
    const alice = withCma(consoleMember('alice'));
    t.store.setNudgeLadder(alice, [100, 10], now());
    await scheduler.sweep();
    expect(t.outbox.hasMessage(alice.workspaceId, `nudge:${alice.memberId}:CMA:2027-02-28:d100`)).toBe(true);
  });

  it('delivers what it planned: the reminder prints once, naming the gap', async () => {
    withCma(consoleMember('alice'));
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    await scheduler.sweep();
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(printed().match(/── reminder for alice ──/g)).toHaveLength(1);
    expect(printed()).toContain('CMA: submit by 28 Feb 2027');
    expect(printed()).toMatch(/Still needed: .*points/);
  });

  it('builds the weekly team digest once in its slot and posts it to the channel', async () => {
    const admin = withCma(consoleMember('alice'));
    t.store.setDigest(admin, { channelId: 'team', weekday: 2, time: '09:00', tz: 'UTC' }, now());
    expect(await scheduler.sweep()).toMatchObject({ digests: 1 });
    expect(await scheduler.sweep()).toMatchObject({ digests: 0 });
    expect(t.outbox.hasMessage(admin.workspaceId, 'digest:2026-11-24')).toBe(true);
    await scheduler.drain();
    expect(printed()).toContain('── digest for #team ──');
  });

  it('counts a team larger than one page of the digest exactly once each', async () => {
    const admin = consoleMember('admin');
    t.store.setDigest(admin, { channelId: 'team', weekday: 2, time: '09:00', tz: 'UTC' }, now());
    const members = Array.from({ length: 130 }, (_, i) => consoleMember(`m${String(i).padStart(3, '0')}`));
    t.database.sqlite.transaction(() => {
      members.forEach((member, i) => t.store.putCredential(member, { code: 'NCMA', expiresOn: i < 5 ? '2026-12-31' : '2027-10-31', certifiedOn: null }, now()));
      members.slice(5).forEach((member) => t.store.addActivity(member, makeActivity({ amount: '14', unit: 'hours', category: 'general' }), now()));
    })();
    expect(await scheduler.sweep()).toMatchObject({ digests: 1 });
    await scheduler.drain();
    const digest = printed().slice(printed().indexOf('── digest for #team ──'));
    expect(digest.match(/@m\d{3}: NCMA expires in 37 days/g)).toHaveLength(5);
    expect(digest).toContain('125 members are on track.');
  });

  it('works through many members in small steps, giving the event loop a turn between them', async () => {
    const members = Array.from({ length: 400 }, (_, i) => consoleMember(`member${i}`));
    t.database.sqlite.transaction(() => members.forEach(withCma))();
    let longestGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const at = performance.now();
      longestGapMs = Math.max(longestGapMs, at - last);
      last = at;
    }, 1);
    const stats = await scheduler.sweep();
    clearInterval(ticker);
    expect(stats).toMatchObject({ members: 400, enqueued: 400 });
    expect(stats.chunks).toBeGreaterThan(3);
    // Steps aim at 10 ms; a loaded test machine (collections, JIT) gets slack. The loop had turns
    // throughout: no wait between its ticks came near the length of the whole sweep.
    expect(stats.longestStepMs).toBeLessThan(100);
    expect(longestGapMs).toBeLessThan(stats.durationMs * 0.6);
  });

  it('lets the running scheduler deliver what a sweep planned without being asked', async () => {
    withCma(consoleMember('alice'));
    scheduler.start();
    for (let i = 0; i < 100 && t.outbox.countOutbox().sent === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.outbox.countOutbox()).toMatchObject({ sent: 1 });
    expect(printed()).toContain('── reminder for alice ──');
  });
});

describe('a ladder changed after a reminder went out', () => {
  it('sends nothing more until the new ladder reaches a stage after the one already sent', async () => {
    const member = withCma(consoleMember('alice'));
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 }); // the 120-day reminder
    // 100 days is reached too (96 days left), but the member was reminded inside that stage already.
    t.store.setNudgeLadder(member, [100, 30], now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 0 });
    expect(reminders()).toBe(1);
    // The next stage of the new ladder: 30 days before, 29 Jan 2027.
    t.clock.advance(66 * DAY_MS);
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(2);
    expect(printed()).toContain('(30 days left)');
  });

  it('still sends a stage the new ladder reaches that starts after the last reminder', async () => {
    const member = withCma(consoleMember('alice'));
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 }); // 120 days, on 24 Nov
    t.clock.advance(3 * DAY_MS); // 93 days left
    t.store.setNudgeLadder(member, [95, 30], now()); // its 95-day stage began on 25 Nov, after the reminder
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(2);
  });

  it('replaces a reminder still waiting with the new ladder\'s stage, sending one', async () => {
    const member = withCma(consoleMember('alice'));
    await scheduler.sweep(); // the 120-day reminder waits, undelivered
    t.store.setNudgeLadder(member, [100, 30], now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(reminders()).toBe(1);
  });

  it('checks what was sent by an index seek, not by reading the whole outbox', () => {
    const plan = t.database.sqlite.prepare(`explain query plan ${SENT_IN_SERIES_SINCE_SQL}`).all('nudge:1:CMA:2027-02-28', now()) as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING COVERING INDEX outbox_series_sent/);
  });
});

describe('a ladder reminder past the submit-by date', () => {
  it('asks for the credit as soon as possible, not by a date already gone', async () => {
    // Non-AAMA credit moves a CMA's submit-by 21 days before its expiry: 7 Feb for 28 Feb 2027.
    t.clock.advance(88 * DAY_MS); // Sat 20 Feb 2027
    const member = withCma(consoleMember('alice'));
    t.store.addActivity(member, makeActivity({ amount: '5', unit: 'points', category: 'general', title: 'Ethics', completedOn: '2026-01-01', aamaApproved: false }), now());
    await scheduler.sweep();
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(printed()).toContain('CMA: submit as soon as you can (the submit-by date, 7 Feb 2027, was 13 days ago)');
    expect(printed()).toMatch(/Still needed, as soon as you can: .*points\./);
    expect(printed()).not.toMatch(/by 7 Feb 2027/);
  });
});
