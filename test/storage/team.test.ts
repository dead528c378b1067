import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, countedPart, withActivities, makeActivity, makeRef, makeStore, type TestStore } from './make-store.js';
import { TEAM_PAGE_SQL } from '../../src/storage/create-team-repo.js';
import { ACTIVITIES_OF_MEMBER_SQL, ACTIVITIES_OF_MEMBERS_SQL } from '../../src/storage/create-team-reader.js';

describe('loadTeam', () => {
  let subject: TestStore;
  let alice: Member;
  let bob: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }), 'Alice');
    bob = subject.store.ensureMember(makeRef({ userId: 'bob' }), 'Bob');
  });
  afterEach(() => subject.cleanup());

  const cma = { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null } as const;
  const bls = { code: 'BLS', expiresOn: '2026-06-30', certifiedOn: null } as const;

  it('returns every member by id with their settings, live credentials and live activities', () => {
    const kept = subject.store.addActivity(alice, makeActivity({ title: 'kept' }), at(0));
    const deleted = subject.store.addActivity(alice, makeActivity({ title: 'deleted' }), at(1));
    subject.store.deleteActivity(alice, deleted.id, at(2));
    subject.store.addActivity(bob, makeActivity({ title: 'undone' }), at(3));
    subject.store.undoLast(bob, at(4));
    subject.store.putCredential(alice, cma, at(5));
    subject.store.putCredential(alice, bls, at(5));
    subject.store.removeCredential(alice, 'BLS', at(6));
    subject.store.putCredential(bob, bls, at(7));
    subject.store.snoozeCredential(bob, 'BLS', '2026-12-01', at(8));
    const aliceNow = subject.store.ensureMember(makeRef({ userId: 'alice' }));
    const bobNow = subject.store.ensureMember(makeRef({ userId: 'bob' }));

    expect(subject.store.loadTeam(alice.workspaceId).map(withActivities)).toEqual([
      { ...aliceNow, credentials: [cma], activities: [countedPart(kept)], dataVersion: expect.any(Number) },
      { ...bobNow, credentials: [{ ...bls, snoozedUntil: '2026-12-01' }], activities: [], dataVersion: expect.any(Number) },
    ]);
  });

  it('carries digest naming and reachability', () => {
    subject.store.updateMemberSettings(bob, { digestNamed: false }, at(0));
    subject.handle.sqlite.prepare('update members set unreachable_since = ? where id = ?').run(at(1), alice.memberId);
    const team = subject.store.loadTeam(alice.workspaceId);
    expect(team.map((m) => [m.userId, m.digestNamed, m.unreachableSince])).toEqual([
      ['alice', true, at(1)],
      ['bob', false, null],
    ]);
  });

  it("never includes another workspace's members or rows", () => {
    const outsider = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    subject.store.addActivity(outsider, makeActivity(), at(0));
    subject.store.putCredential(outsider, cma, at(0));
    const team = subject.store.loadTeam(alice.workspaceId);
    expect(team.map((m) => m.memberId)).toEqual([alice.memberId, bob.memberId]);
    expect(team.flatMap((m) => [...m.credentials, ...m.activities])).toEqual([]);
    expect(subject.store.loadTeam(outsider.workspaceId).map((m) => m.memberId)).toEqual([outsider.memberId]);
    expect(subject.store.loadTeam(999)).toEqual([]);
    // The scheduler's pages read the same members, a page at a time, in this workspace only.
    expect(subject.scheduler.listTeamPage(alice.workspaceId, 0, 1).map((m) => m.memberId)).toEqual([alice.memberId]);
    expect(subject.scheduler.listTeamPage(alice.workspaceId, alice.memberId, 5).map((m) => m.memberId)).toEqual([bob.memberId]);
    expect(subject.scheduler.listTeamPage(outsider.workspaceId, 0, 5)).toMatchObject([{ memberId: outsider.memberId, credentials: [cma] }]);
  });

  it('reads a team larger than one batch whole', () => {
    const { sqlite } = subject.handle;
    const insert = sqlite.prepare('insert into members (workspace_id, user_id) values (?, ?) returning id').pluck();
    const ids = sqlite.transaction(() => Array.from({ length: 600 }, (_, i) => insert.get(alice.workspaceId, `u${i}`) as number))();
    const last = { workspaceId: alice.workspaceId, memberId: ids[599]! };
    subject.store.putCredential(last, cma, at(0));
    const team = subject.store.loadTeam(alice.workspaceId);
    expect(team).toHaveLength(602);
    expect(team.at(-1)).toMatchObject({ memberId: last.memberId, credentials: [cma] });
  });
});

describe("members' activities for counting", () => {
  let subject: TestStore;
  beforeEach(() => {
    subject = makeStore();
  });
  afterEach(() => subject.cleanup());

  it.each([
    ['a batch of members', ACTIVITIES_OF_MEMBERS_SQL, '[1,2]'],
    ['one member', ACTIVITIES_OF_MEMBER_SQL, 1],
  ])('are read for %s from the covering index alone, in order, without a sort', (_, sql, param) => {
    const plan = subject.handle.sqlite.prepare(`explain query plan ${sql}`).all(param) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toContain('USING COVERING INDEX activities_member_counted (member_id=? AND deleted_at=?)');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

describe("a workspace's team pages", () => {
  let subject: TestStore;
  beforeEach(() => {
    subject = makeStore();
  });
  afterEach(() => subject.cleanup());

  it('seek the members in id order from an index, without sorting the workspace for each page (no statistics needed)', () => {
    // A fresh file has no ANALYZE statistics: what a real install runs on.
    const plan = subject.handle.sqlite
      .prepare(`explain query plan ${TEAM_PAGE_SQL}`)
      .all({ workspaceId: 1, afterId: 0, limit: 25 }) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toContain('USING INDEX members_workspace (workspace_id=? AND rowid>?)');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('come a page at a time, in id order, only from their own workspace', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'].map((userId) => subject.store.ensureMember(makeRef({ userId }), userId).memberId);
    subject.store.ensureMember(makeRef({ tenantId: 'T-other', userId: 'x' }), 'x');
    const workspaceId = subject.store.ensureMember(makeRef({ userId: 'a' })).workspaceId;
    const first = subject.scheduler.listTeamPage(workspaceId, 0, 2).map((m) => m.memberId);
    const second = subject.scheduler.listTeamPage(workspaceId, first[1]!, 2).map((m) => m.memberId);
    const third = subject.scheduler.listTeamPage(workspaceId, second[1]!, 2).map((m) => m.memberId);
    expect([...first, ...second, ...third]).toEqual(ids);
  });
});
