import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, countedPart, withActivities, makeActivity, makePlanned, makeRef, makeStore, type TestStore } from './make-store.js';

const LATER = '2026-12-01T00:00:00.000Z';

describe('due members', () => {
  let subject: TestStore;
  let alice: Member;
  let bob: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
    bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
  });
  afterEach(() => subject.cleanup());

  const dueIds = (nowAt = at(0), afterId = 0, limit = 100) =>
    subject.scheduler.listDueMembers(nowAt, afterId, limit).map((member) => member.memberId);
  const checkLater = (...members: Member[]) =>
    subject.scheduler.setNextChecks(members.map((member) => ({ memberId: member.memberId, at: LATER })));

  it('lists members never checked as due, by id, after the given id and up to the limit', () => {
    const carol = subject.store.ensureMember(makeRef({ userId: 'carol' }));
    expect(dueIds()).toEqual([alice.memberId, bob.memberId, carol.memberId]);
    expect(dueIds(at(0), alice.memberId)).toEqual([bob.memberId, carol.memberId]);
    expect(dueIds(at(0), 0, 2)).toEqual([alice.memberId, bob.memberId]);
  });

  it('lists a member again once their next check is reached', () => {
    checkLater(alice, bob);
    expect(dueIds()).toEqual([]);
    expect(dueIds('2026-11-30T23:59:59.999Z')).toEqual([]);
    expect(dueIds(LATER)).toEqual([alice.memberId, bob.memberId]);
  });

  it('returns each member with their settings, credentials and activities, across workspaces', () => {
    const dana = subject.store.ensureMember(makeRef({ platform: 'discord', tenantId: 'G1', userId: 'dana' }));
    subject.store.updateMemberSettings(alice, { tz: 'America/Chicago', digestNamed: false }, at(0));
    const logged = subject.store.addActivity(alice, makeActivity(), at(1));
    subject.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, at(2));
    const danaActivity = subject.store.addActivity(dana, makeActivity({ amount: '7' }), at(3));
    const due = subject.scheduler.listDueMembers(at(5), 0, 10);
    expect(due.map((m) => m.userId)).toEqual(['alice', 'bob', 'dana']);
    expect(withActivities(due[0]!)).toEqual({
      ...subject.store.ensureMember(makeRef({ userId: 'alice' })),
      credentials: [{ code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }],
      activities: [countedPart(logged)], // what counting reads: no title, provider or certificate
      dataVersion: 3, // settings, activity, credential: three audited changes
    });
    expect(due[1]).toMatchObject({ credentials: [], activities: [] });
    expect(due[2]!.activities).toEqual([countedPart(danaActivity)]);
  });

  it('gives each member only their own rows when the due members are not consecutive', () => {
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'].map((userId) => subject.store.ensureMember(makeRef({ userId })));
    const first = members.map((member, i) => subject.store.addActivity(member, makeActivity({ amount: `${i + 1}` }), at(0)).id);
    checkLater(alice, bob, ...members);
    const m2Again = subject.store.addActivity(members[1]!, makeActivity(), at(1)).id;
    const m4Again = subject.store.addActivity(members[3]!, makeActivity(), at(1)).id;
    const due = subject.scheduler.listDueMembers(at(2), 0, 10);
    expect(due.map((m) => [m.userId, m.activities.map((a) => a.id)])).toEqual([
      ['m2', [first[1], m2Again]],
      ['m4', [first[3], m4Again]],
    ]);
  });

  describe('any change of a member makes them due at once', () => {
    beforeEach(() => checkLater(alice, bob));

    const changes: [string, (store: TestStore['store'], member: Member) => void][] = [
      ['logging an activity', (store, m) => store.addActivity(m, makeActivity(), at(1))],
      ['editing an activity', (store, m) => store.editActivity(m, store.listActivities(m)[0]!.id, { amount: '3' }, at(1))],
      ['deleting an activity', (store, m) => store.deleteActivity(m, store.listActivities(m)[0]!.id, at(1))],
      // The setup adds a credential after the log, which stops a plain undo: undo past it.
      ['undoing', (store, m) => store.undoLast(m, at(1), true)],
      ['adding a credential', (store, m) => store.putCredential(m, { code: 'RMA', expiresOn: '2027-04-30', certifiedOn: null }, at(1))],
      ['renewing a credential', (store, m) => store.putCredential(m, { code: 'CMA', expiresOn: '2032-02-29', certifiedOn: null }, at(1))],
      ['removing a credential', (store, m) => store.removeCredential(m, 'CMA', at(1))],
      ['snoozing a credential', (store, m) => store.snoozeCredential(m, 'CMA', '2026-12-01', at(1))],
      ['changing a setting', (store, m) => store.updateMemberSettings(m, { nudges: false }, at(1))],
    ];

    for (const [name, change] of changes) {
      it(`after ${name}`, () => {
        for (const member of [alice, bob]) {
          subject.store.addActivity(member, makeActivity(), at(0));
          subject.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, at(0));
        }
        checkLater(alice, bob);
        change(subject.store, alice);
        expect(dueIds()).toEqual([alice.memberId]);
      });
    }

    it('after undoing a delete (the activity comes back)', () => {
      const logged = subject.store.addActivity(alice, makeActivity(), at(0));
      subject.store.deleteActivity(alice, logged.id, at(1));
      checkLater(alice);
      subject.store.undoLast(alice, at(2));
      expect(dueIds()).toEqual([alice.memberId]);
    });

    it('but not after a change that changes nothing', () => {
      subject.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, at(0));
      checkLater(alice);
      subject.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, at(1));
      expect(subject.store.removeCredential(alice, 'RMA', at(1))).toBe(false);
      expect(dueIds()).toEqual([]);
    });

    it('and every member of the workspace after a rule override or a new ladder, not other workspaces', () => {
      const outsider = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
      checkLater(outsider);
      subject.store.setRuleOverride(alice, 'cma.nonApprovedCap', 30, at(1));
      expect(dueIds()).toEqual([alice.memberId, bob.memberId]);
      checkLater(alice, bob);
      subject.store.setNudgeLadder(bob, [60, 30, 7], at(2));
      expect(dueIds()).toEqual([alice.memberId, bob.memberId]);
    });

    it('but not after a digest schedule change', () => {
      subject.store.setDigest(alice, { channelId: 'C1', weekday: 1, time: '09:00', tz: 'America/New_York' }, at(1));
      expect(dueIds()).toEqual([]);
    });
  });

  it('withdraws a member’s reminders still waiting when they change something, and nobody else’s', () => {
    const keys = () => subject.handle.sqlite.prepare('select key, status from outbox order by key').all();
    subject.scheduler.enqueue([makePlanned(alice, 'a-sending'), makePlanned(alice, 'a-waiting'), makePlanned(bob, 'b-waiting'), makePlanned(alice, 'digest', { channelId: 'C1' })], at(0));
    // Claimed: a-sending (alice's first), b-waiting and the digest; put the last two back.
    subject.scheduler.claimDue(at(0), 10).filter((m) => m.key !== 'a-sending').forEach((m) => subject.scheduler.release(m.id, at(0)));
    subject.store.addActivity(alice, makeActivity(), at(1));
    expect(keys()).toEqual([
      { key: 'a-sending', status: 'sending' },
      { key: 'b-waiting', status: 'pending' },
      { key: 'digest', status: 'pending' },
    ]);
  });

  it('sets next checks for many members in one go', () => {
    subject.scheduler.setNextChecks([
      { memberId: alice.memberId, at: at(10) },
      { memberId: bob.memberId, at: at(20) },
    ]);
    expect(dueIds(at(10))).toEqual([alice.memberId]);
    expect(dueIds(at(20))).toEqual([alice.memberId, bob.memberId]);
  });
});
