import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRef, makeStore, type TestStore } from './make-store.js';

describe('members', () => {
  let subject: TestStore;
  beforeEach(() => {
    subject = makeStore();
  });
  afterEach(() => subject.cleanup());

  it('creates a member with default settings on first sight', () => {
    const member = subject.store.ensureMember(makeRef(), 'alice');
    expect(member).toMatchObject({
      userId: 'U1',
      displayName: 'alice',
      tz: null,
      nudges: true,
      quietHours: null,
      pausedUntil: null,
      digestNamed: true,
      namedAdmin: false,
      unreachableSince: null,
    });
  });

  it('updates whether the member is named in the digest', () => {
    const member = subject.store.ensureMember(makeRef());
    expect(subject.store.updateMemberSettings(member, { digestNamed: false }, '2026-11-24T12:00:00.000Z').digestNamed).toBe(false);
    expect(subject.store.ensureMember(makeRef())).toMatchObject({ digestNamed: false, nudges: true });
    const after = subject.handle.sqlite.prepare("select after from audit where action = 'settings'").pluck().get() as string;
    expect(JSON.parse(after)).toMatchObject({ digestNamed: false });
  });

  it('returns the same member every time for the same platform, tenant and user', () => {
    const first = subject.store.ensureMember(makeRef(), 'alice');
    const second = subject.store.ensureMember(makeRef(), 'alice');
    const third = subject.store.ensureMember(makeRef());
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(subject.handle.sqlite.prepare('select count(*) from members').pluck().get()).toBe(1);
  });

  it('keeps the same user id in two workspaces apart', () => {
    const inOne = subject.store.ensureMember(makeRef({ tenantId: 'T1' }));
    const inTwo = subject.store.ensureMember(makeRef({ tenantId: 'T2' }));
    expect(inTwo.workspaceId).not.toBe(inOne.workspaceId);
    expect(inTwo.memberId).not.toBe(inOne.memberId);
  });

  it('keeps the same tenant and user id on two platforms apart', () => {
    const onSlack = subject.store.ensureMember(makeRef({ platform: 'slack', tenantId: 'X', userId: '42' }));
    const onDiscord = subject.store.ensureMember(makeRef({ platform: 'discord', tenantId: 'X', userId: '42' }));
    expect(onDiscord.workspaceId).not.toBe(onSlack.workspaceId);
    expect(onDiscord.memberId).not.toBe(onSlack.memberId);
  });

  it('puts two users of one tenant in the same workspace', () => {
    const alice = subject.store.ensureMember(makeRef({ userId: 'U1' }));
    const bob = subject.store.ensureMember(makeRef({ userId: 'U2' }));
    expect(bob.workspaceId).toBe(alice.workspaceId);
    expect(bob.memberId).not.toBe(alice.memberId);
  });

  it('records a changed display name and keeps it when none is given', () => {
    subject.store.ensureMember(makeRef(), 'alice');
    expect(subject.store.ensureMember(makeRef(), 'Alice Smith').displayName).toBe('Alice Smith');
    expect(subject.store.ensureMember(makeRef()).displayName).toBe('Alice Smith');
  });

  it('updates settings, keeps the ones not given, and audits the change', () => {
    const member = subject.store.ensureMember(makeRef());
    subject.store.updateMemberSettings(member, { tz: 'America/Chicago', quietHours: '22:00-07:00' }, '2026-11-24T12:00:00.000Z');
    const updated = subject.store.updateMemberSettings(member, { nudges: false }, '2026-11-24T12:01:00.000Z');
    expect(updated).toMatchObject({ tz: 'America/Chicago', nudges: false, quietHours: '22:00-07:00', pausedUntil: null });
    expect(subject.store.ensureMember(makeRef())).toEqual(updated);
    const audit = subject.handle.sqlite
      .prepare(`select entity, action, before, after from audit where member_id = ? order by id`)
      .all(member.memberId) as { entity: string; action: string; before: string; after: string }[];
    expect(audit.map((row) => [row.entity, row.action])).toEqual([
      ['member', 'settings'],
      ['member', 'settings'],
    ]);
    expect(JSON.parse(audit[1]!.before)).toMatchObject({ nudges: true });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ nudges: false });
  });

  it('looks up a known member without writing anything', () => {
    subject.store.ensureMember(makeRef(), 'alice');
    const changes = () => subject.handle.sqlite.prepare('select total_changes()').pluck().get();
    const before = changes();
    subject.store.ensureMember(makeRef(), 'alice');
    subject.store.ensureMember(makeRef());
    expect(changes()).toBe(before);
  });
});
