import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestSchedule, Member } from '../../src/core/ports.js';
import { at, makeRef, makeStore, type TestStore } from './make-store.js';

describe('workspace settings', () => {
  let subject: TestStore;
  let admin: Member;
  beforeEach(() => {
    subject = makeStore();
    admin = subject.store.ensureMember(makeRef({ userId: 'admin' }));
  });
  afterEach(() => subject.cleanup());

  const monday: DigestSchedule = { channelId: 'C1', weekday: 1, time: '09:00', tz: 'America/Chicago' };
  const audit = () =>
    subject.handle.sqlite
      .prepare("select entity, entity_id as setting, member_id as by, before, after from audit where action = 'workspace-setting' order by id")
      .all();

  it('starts with the default ladder and no digest', () => {
    expect(subject.store.getWorkspaceSettings(admin.workspaceId)).toEqual({ ladder: null, digest: null });
    expect(subject.store.getWorkspaceSettings(999)).toEqual({ ladder: null, digest: null });
  });

  it('stores a ladder and a digest, and null restores the defaults', () => {
    subject.store.setNudgeLadder(admin, [90, 30, 7], at(0));
    subject.store.setDigest(admin, monday, at(1));
    expect(subject.store.getWorkspaceSettings(admin.workspaceId)).toEqual({ ladder: [90, 30, 7], digest: monday });
    subject = subject.reopen();
    expect(subject.store.getWorkspaceSettings(admin.workspaceId)).toEqual({ ladder: [90, 30, 7], digest: monday });
    subject.store.setNudgeLadder(admin, null, at(2));
    subject.store.setDigest(admin, null, at(3));
    expect(subject.store.getWorkspaceSettings(admin.workspaceId)).toEqual({ ladder: null, digest: null });
  });

  it('audits each change with the admin and the value before and after, and skips non-changes', () => {
    subject.store.setNudgeLadder(admin, [90, 30, 7], at(0));
    subject.store.setNudgeLadder(admin, [90, 30, 7], at(1));
    subject.store.setDigest(admin, monday, at(2));
    subject.store.setDigest(admin, { ...monday }, at(3));
    subject.store.setDigest(admin, { ...monday, weekday: 5 }, at(4));
    subject.store.setNudgeLadder(admin, null, at(5));
    const by = admin.memberId;
    expect(audit()).toEqual([
      { entity: 'workspace', setting: 'nudge-ladder', by, before: null, after: '[90,30,7]' },
      { entity: 'workspace', setting: 'digest', by, before: null, after: JSON.stringify(monday) },
      { entity: 'workspace', setting: 'digest', by, before: JSON.stringify(monday), after: JSON.stringify({ ...monday, weekday: 5 }) },
      { entity: 'workspace', setting: 'nudge-ladder', by, before: '[90,30,7]', after: null },
    ]);
  });

  it('lists the workspaces with a digest, with their platform', () => {
    const discordAdmin = subject.store.ensureMember(makeRef({ platform: 'discord', tenantId: 'G1', userId: 'admin' }));
    subject.store.ensureMember(makeRef({ tenantId: 'T-none', userId: 'x' }));
    const friday = { ...monday, channelId: '123', weekday: 5, tz: 'UTC' };
    subject.store.setDigest(admin, monday, at(0));
    subject.store.setDigest(discordAdmin, friday, at(0));
    expect(subject.scheduler.listDigests()).toEqual([
      { workspaceId: admin.workspaceId, platform: 'slack', digest: monday },
      { workspaceId: discordAdmin.workspaceId, platform: 'discord', digest: friday },
    ]);
    subject.store.setDigest(admin, null, at(1));
    expect(subject.scheduler.listDigests().map((d) => d.workspaceId)).toEqual([discordAdmin.workspaceId]);
  });

  it('keeps workspaces apart', () => {
    const other = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'admin' }));
    subject.store.setNudgeLadder(admin, [30], at(0));
    subject.store.setDigest(admin, monday, at(0));
    expect(subject.store.getWorkspaceSettings(other.workspaceId)).toEqual({ ladder: null, digest: null });
  });
});
