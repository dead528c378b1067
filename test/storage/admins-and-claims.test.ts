import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRef, makeStore, type TestStore } from './make-store.js';

let subject: TestStore;
beforeEach(() => {
  subject = makeStore();
});
afterEach(() => subject.cleanup());

const NOW = '2026-11-24T12:00:00.000Z';

describe('named admins', () => {
  it('names a member (created if new), audits it, lists and un-names', () => {
    const boss = subject.store.ensureMember(makeRef({ userId: 'UBOSS' }));
    const dana = subject.store.setNamedAdmin(makeRef({ userId: 'UDANA' }), true, boss, NOW);
    expect(dana.namedAdmin).toBe(true);
    expect(subject.store.ensureMember(makeRef({ userId: 'UDANA' })).namedAdmin).toBe(true);
    expect(subject.store.listNamedAdmins(boss.workspaceId).map((m) => m.userId)).toEqual(['UDANA']);
    subject.store.setNamedAdmin(makeRef({ userId: 'UDANA' }), false, boss, NOW);
    expect(subject.store.listNamedAdmins(boss.workspaceId)).toEqual([]);
    const actions = subject.handle.sqlite.prepare("select action from audit where action = 'admin'").all();
    expect(actions).toHaveLength(2);
  });

  it('refuses to un-name someone who is not a member, and creates no member', () => {
    const boss = subject.store.ensureMember(makeRef({ userId: 'UBOSS' }));
    expect(() => subject.store.setNamedAdmin(makeRef({ userId: 'UGHOST' }), false, boss, NOW)).toThrow();
    expect(subject.store.findMember(makeRef({ userId: 'UGHOST' }))).toBeUndefined();
  });

  it('refuses to name a member of another workspace', () => {
    const boss = subject.store.ensureMember(makeRef({ userId: 'UBOSS' }));
    expect(() => subject.store.setNamedAdmin(makeRef({ tenantId: 'T2', userId: 'UX' }), true, boss, NOW)).toThrow();
    expect(subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'UX' })).namedAdmin).toBe(false);
  });
});

describe('request claims', () => {
  it('claims a key once per workspace, and a claim made in a transaction that fails is gone with it', () => {
    const a = subject.store.ensureMember(makeRef());
    const b = subject.store.ensureMember(makeRef({ tenantId: 'T2' }));
    expect(subject.store.claimRequest(a.workspaceId, 'Ev1', NOW)).toBe(true);
    expect(subject.store.claimRequest(a.workspaceId, 'Ev1', NOW)).toBe(false);
    expect(subject.store.claimRequest(b.workspaceId, 'Ev1', NOW)).toBe(true);
    expect(() =>
      subject.store.atomically(() => {
        expect(subject.store.claimRequest(a.workspaceId, 'Ev2', NOW)).toBe(true);
        throw new Error('the command failed');
      }),
    ).toThrow('the command failed');
    expect(subject.store.claimRequest(a.workspaceId, 'Ev2', NOW)).toBe(true);
  });

  it('survives a restart, and forgets keys after a day', () => {
    const a = subject.store.ensureMember(makeRef());
    subject.store.claimRequest(a.workspaceId, 'Ev1', NOW);
    subject = subject.reopen();
    expect(subject.store.claimRequest(a.workspaceId, 'Ev1', '2026-11-24T13:00:00.000Z')).toBe(false);
    expect(subject.store.claimRequest(a.workspaceId, 'Ev1', '2026-11-25T12:00:01.000Z')).toBe(true);
  });
});
