import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { createSchedulerStore, openDatabase } from '../../src/storage/index.js';
import { at, makePlanned, makeRef, makeReply, makeStore, type TestStore } from './make-store.js';

describe('outbox', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  const row = (id: number) =>
    subject.handle.sqlite
      .prepare('select status, attempts, next_attempt_at as nextAttemptAt, sent_at as sentAt, last_error as lastError from outbox where id = ?')
      .get(id);
  const unreachableSince = (member: Member) =>
    subject.handle.sqlite.prepare('select unreachable_since from members where id = ?').pluck().get(member.memberId);
  /** A member of alice's workspace: each has a DM of their own, so their messages go in parallel. */
  const someone = (userId: string) => subject.store.ensureMember(makeRef({ userId }));
  const claimOne = (nowAt: string) => {
    const [message] = subject.scheduler.claimDue(nowAt, 1);
    if (message === undefined) throw new Error('nothing claimed');
    return message;
  };

  it('inserts a planned message once however often it is enqueued', () => {
    expect(subject.scheduler.enqueue([makePlanned(alice, 'k1'), makePlanned(alice, 'k2')], at(0))).toBe(2);
    expect(subject.scheduler.enqueue([makePlanned(alice, 'k1'), makePlanned(alice, 'k3')], at(1))).toBe(1);
    expect(subject.scheduler.enqueue([], at(2))).toBe(0);
    expect(subject.scheduler.countOutbox()).toEqual({ pending: 3, sending: 0, sent: 0, failed: 0 });
    expect(subject.scheduler.hasMessage(alice.workspaceId, 'k1')).toBe(true);
    expect(subject.scheduler.hasMessage(alice.workspaceId, 'k4')).toBe(false);
  });

  it('drops a waiting message unsent when a newer one of its series follows it, and keeps the rest', () => {
    const series = (key: string, name: string) => ({ ...makePlanned(alice, key), series: name });
    subject.scheduler.enqueue([series('nudge:CMA:d30', 'nudge:CMA'), series('pace:CMA:p1', 'pace:CMA')], at(0));
    subject.scheduler.enqueue([series('nudge:CMA:d14', 'nudge:CMA'), makePlanned(alice, 'plain')], at(1));
    const keys: string[] = [];
    for (let nowAt = at(5); ; ) {
      const [message] = subject.scheduler.claimDue(nowAt, 10);
      if (!message) break;
      keys.push(message.key);
      subject.scheduler.markSent(message.id, nowAt);
    }
    // One DM, in planning order; the 30-day nudge, planned before the 14-day one, never goes.
    expect(keys).toEqual(['pace:CMA:p1', 'nudge:CMA:d14', 'plain']);
    expect(subject.scheduler.hasMessage(alice.workspaceId, 'nudge:CMA:d30')).toBe(false);
    expect(subject.scheduler.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 3, failed: 0 });
  });

  it('keys messages per workspace', () => {
    const elsewhere = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    subject.scheduler.enqueue([makePlanned(alice, 'same')], at(0));
    expect(subject.scheduler.hasMessage(elsewhere.workspaceId, 'same')).toBe(false);
    expect(subject.scheduler.enqueue([makePlanned(elsewhere, 'same')], at(0))).toBe(1);
  });

  it('claims due messages oldest first with their platform, tenant and target, marking them sending', () => {
    const discord = subject.store.ensureMember(makeRef({ platform: 'discord', tenantId: 'G1', userId: 'bob' }));
    subject.scheduler.enqueue([makePlanned(alice, 'first')], at(0));
    subject.scheduler.enqueue([makePlanned(discord, 'post', { channelId: 'C9' }), makePlanned(someone('bob'), 'later')], at(1));
    subject.scheduler.enqueue([makePlanned(alice, 'future')], at(9));

    const claimed = subject.scheduler.claimDue(at(5), 10);
    expect(claimed.map((m) => m.key)).toEqual(['first', 'post', 'later']);
    expect(claimed[0]).toEqual({
      ...makePlanned(alice, 'first'),
      id: claimed[0]!.id,
      platform: 'slack',
      tenantId: 'T1',
      attempts: 1,
      createdAt: at(0),
      recipient: { tz: null, platformTz: null, quietHours: null }, // a DM: the member's hours, as they are now
      dataVersion: 0, // and their data version, which must not move before it is sent
    });
    expect(claimed[1]!.recipient).toBeUndefined(); // a channel post is nobody's night
    expect(claimed[1]).toMatchObject({ platform: 'discord', tenantId: 'G1', memberId: null, target: { kind: 'channel', channelId: 'C9' }, kind: 'digest' });
    expect(subject.scheduler.countOutbox()).toEqual({ pending: 1, sending: 3, sent: 0, failed: 0 });
    expect(subject.scheduler.claimDue(at(5), 10)).toEqual([]);
  });

  it('claims at most the limit', () => {
    subject.scheduler.enqueue(['a', 'b', 'c'].map((key) => makePlanned(someone(key), key)), at(0));
    expect(subject.scheduler.claimDue(at(0), 2).map((m) => m.key)).toEqual(['a', 'b']);
    expect(subject.scheduler.claimDue(at(0), 2).map((m) => m.key)).toEqual(['c']);
  });

  it('returns a claimed message that was never sent without counting the attempt', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'a')], at(0));
    const [message] = subject.scheduler.claimDue(at(0), 1);
    subject.scheduler.release(message!.id, at(7));
    expect(subject.scheduler.claimDue(at(6), 1)).toEqual([]);
    expect(subject.scheduler.claimDue(at(7), 1).map((m) => [m.key, m.attempts])).toEqual([['a', 1]]);
  });

  it('hands out one message per DM or channel at a time, in the order they were planned', () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    subject.scheduler.enqueue([makePlanned(alice, 'a1'), makePlanned(alice, 'a2'), makePlanned(bob, 'b1'), makePlanned(alice, 'post', { channelId: 'C1' })], at(0));
    const first = subject.scheduler.claimDue(at(0), 10);
    expect(first.map((m) => m.key)).toEqual(['a1', 'b1', 'post']);
    expect(subject.scheduler.claimDue(at(0), 10)).toEqual([]); // a2 waits while a1 is being sent
    subject.scheduler.markSent(first[0]!.id, at(1));
    expect(subject.scheduler.claimDue(at(1), 10).map((m) => m.key)).toEqual(['a2']);
  });

  it("hands out a DM's next message while an earlier one waits for a later attempt, never two at once", () => {
    subject.scheduler.enqueue([makePlanned(alice, 'a1'), makePlanned(alice, 'a2')], at(0));
    const [a1] = subject.scheduler.claimDue(at(0), 10);
    subject.scheduler.markRetry(a1!.id, at(10), 'internal_error');
    const [a2] = subject.scheduler.claimDue(at(1), 10);
    expect(a2?.key).toBe('a2');
    expect(subject.scheduler.claimDue(at(10), 10)).toEqual([]); // a1 is due again, but a2 is being sent
    subject.scheduler.markSent(a2!.id, at(11));
    expect(subject.scheduler.claimDue(at(11), 10).map((m) => m.key)).toEqual(['a1']);
  });

  it('claims only messages for the platforms running here, and says when theirs fall due', () => {
    const discord = subject.store.ensureMember(makeRef({ platform: 'discord', tenantId: 'G1', userId: '42' }));
    subject.scheduler.enqueue([makePlanned(alice, 'slack-1')], at(0));
    subject.scheduler.enqueue([makePlanned(discord, 'discord-1')], at(3));
    expect(subject.scheduler.nextDueAt(['discord'])).toBe(at(3));
    expect(subject.scheduler.nextDueAt(['console'])).toBeUndefined();
    expect(subject.scheduler.claimDue(at(5), 10, ['discord']).map((m) => [m.key, m.platform])).toEqual([['discord-1', 'discord']]);
    expect(subject.scheduler.claimDue(at(5), 10, ['console'])).toEqual([]);
    expect(subject.scheduler.claimDue(at(5), 10).map((m) => m.key)).toEqual(['slack-1']);
  });

  it('never hands one message to two claimers on separate connections', () => {
    subject.scheduler.enqueue(['a', 'b', 'c'].map((key) => makePlanned(someone(key), key)), at(0));
    const other = openDatabase(subject.path);
    try {
      const first = subject.scheduler.claimDue(at(0), 2).map((m) => m.key);
      const second = createSchedulerStore(other).claimDue(at(0), 10).map((m) => m.key);
      expect([first, second]).toEqual([['a', 'b'], ['c']]);
    } finally {
      other.close();
    }
  });

  it('puts a retried message back until its next attempt, counting attempts', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'k')], at(0));
    const first = claimOne(at(0));
    subject.scheduler.markRetry(first.id, at(10), 'rate limited');
    expect(row(first.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(10), lastError: 'rate limited' });
    expect(subject.scheduler.nextDueAt()).toBe(at(10));
    expect(subject.scheduler.claimDue(at(9), 10)).toEqual([]);
    expect(claimOne(at(10))).toMatchObject({ id: first.id, attempts: 2 });
  });

  it('marks a message sent, after which no other mark changes it', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'k')], at(0));
    const message = claimOne(at(0));
    subject.scheduler.markSent(message.id, at(1));
    subject.scheduler.markRetry(message.id, at(5), 'late');
    subject.scheduler.markFailed(message.id, 'late', at(5));
    expect(row(message.id)).toMatchObject({ status: 'sent', sentAt: at(1), lastError: null });
    expect(subject.scheduler.nextDueAt()).toBeUndefined();
    expect(subject.scheduler.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
  });

  it('marks a message failed for good; it is never claimed again', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'k')], at(0));
    const message = claimOne(at(0));
    subject.scheduler.markFailed(message.id, 'cannot_dm_bot', at(1));
    expect(row(message.id)).toMatchObject({ status: 'failed', lastError: 'cannot_dm_bot' });
    expect(subject.scheduler.claimDue(at(59), 10)).toEqual([]);
    expect(subject.scheduler.countOutbox()).toMatchObject({ failed: 1 });
  });

  it('requeues messages a crash left sending, keeping their attempts', () => {
    subject.scheduler.enqueue(['a', 'b', 'c'].map((key) => makePlanned(someone(key), key)), at(0));
    const [a] = subject.scheduler.claimDue(at(0), 2);
    subject.scheduler.markSent(a!.id, at(1));
    subject = subject.reopen();
    expect(subject.scheduler.requeueInterrupted()).toBe(1);
    expect(subject.scheduler.requeueInterrupted()).toBe(0);
    expect(subject.scheduler.claimDue(at(2), 10).map((m) => [m.key, m.attempts])).toEqual([
      ['b', 2],
      ['c', 1],
    ]);
  });

  it('reports when the next pending message falls due', () => {
    expect(subject.scheduler.nextDueAt()).toBeUndefined();
    subject.scheduler.enqueue([makePlanned(alice, 'late')], at(7));
    subject.scheduler.enqueue([makePlanned(alice, 'early')], at(3));
    expect(subject.scheduler.nextDueAt()).toBe(at(3));
  });

  it('marks a member unreachable when a DM fails for good, keeping the first date, and clears it on delivery', () => {
    subject.scheduler.enqueue(['a', 'b', 'c'].map((key) => makePlanned(alice, key)), at(0));
    subject.scheduler.markFailed(claimOne(at(0)).id, 'closed', at(1));
    subject.scheduler.markFailed(claimOne(at(0)).id, 'closed', at(2));
    const c = claimOne(at(0));
    expect(unreachableSince(alice)).toBe(at(1));
    expect(subject.store.ensureMember(makeRef({ userId: 'alice' })).unreachableSince).toBe(at(1));
    subject.scheduler.markSent(c.id, at(3));
    expect(unreachableSince(alice)).toBeNull();
  });

  it('leaves members alone when a channel post fails or is sent', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'post', { channelId: 'C1' })], at(0));
    subject.scheduler.markFailed(claimOne(at(0)).id, 'channel_not_found', at(1));
    expect(unreachableSince(alice)).toBeNull();
  });

  it('does not make a member due when a delivery changes their reachability', () => {
    subject.scheduler.setNextChecks([{ memberId: alice.memberId, at: at(30) }]);
    subject.scheduler.enqueue([makePlanned(alice, 'k')], at(0));
    subject.scheduler.markFailed(claimOne(at(0)).id, 'closed', at(1));
    expect(subject.scheduler.listDueMembers(at(2), 0, 10)).toEqual([]);
  });

  it('round-trips the reply exactly', () => {
    const planned = { ...makePlanned(alice, 'k'), reply: { ...makeReply('“quotes” & ünïcode'), usage: 'x', problems: [{ code: 'c', message: 'm' }] } };
    subject.scheduler.enqueue([planned], at(0));
    expect(claimOne(at(0)).reply).toEqual(planned.reply);
  });
});

describe('undelivered notes', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  /** Fails every due message; a DM's messages are handed out one at a time, so claim until none is left. */
  const failAll = (nowAt: string) => {
    for (let batch = subject.scheduler.claimDue(nowAt, 100); batch.length > 0; batch = subject.scheduler.claimDue(nowAt, 100)) {
      for (const message of batch) subject.scheduler.markFailed(message.id, 'closed', nowAt);
    }
  };

  it("returns a member's failed DMs oldest first, once", () => {
    subject.scheduler.enqueue([makePlanned(alice, 'older')], at(0));
    subject.scheduler.enqueue([makePlanned(alice, 'newer')], at(1));
    failAll(at(2));
    expect(subject.store.takeUndelivered(alice, at(3))).toEqual([
      { plannedAt: at(0), reply: makeReply('message older') },
      { plannedAt: at(1), reply: makeReply('message newer') },
    ]);
    expect(subject.store.takeUndelivered(alice, at(4))).toEqual([]);
    const noticed = subject.handle.sqlite.prepare('select distinct noticed_at from outbox').pluck().all();
    expect(noticed).toEqual([at(3)]);
  });

  it('leaves out messages still pending, sent, or posted in a channel', () => {
    subject.scheduler.enqueue([makePlanned(alice, 'sent'), makePlanned(alice, 'post', { channelId: 'C1' })], at(0));
    const [sent, post] = subject.scheduler.claimDue(at(0), 2);
    subject.scheduler.markSent(sent!.id, at(1));
    subject.scheduler.markFailed(post!.id, 'channel_not_found', at(1));
    subject.scheduler.enqueue([makePlanned(alice, 'pending')], at(2));
    expect(subject.store.takeUndelivered(alice, at(3))).toEqual([]);
  });

  it("never shows a member someone else's notes, in this or another workspace", () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const aliceElsewhere = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    subject.scheduler.enqueue([makePlanned(bob, 'for-bob')], at(0));
    subject.scheduler.enqueue([makePlanned(aliceElsewhere, 'for-alice-in-T2')], at(0));
    failAll(at(1));
    expect(subject.store.takeUndelivered(alice, at(2))).toEqual([]);
    expect(subject.store.takeUndelivered({ workspaceId: alice.workspaceId, memberId: aliceElsewhere.memberId }, at(2))).toEqual([]);
    expect(subject.store.takeUndelivered(bob, at(2))).toHaveLength(1);
    expect(subject.store.takeUndelivered(aliceElsewhere, at(2))).toHaveLength(1);
  });
});
