import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, makeRef, makeStore, type TestStore } from './make-store.js';

describe('rule overrides', () => {
  let subject: TestStore;
  let admin: Member;
  beforeEach(() => {
    subject = makeStore();
    admin = subject.store.ensureMember(makeRef({ userId: 'admin' }));
  });
  afterEach(() => subject.cleanup());

  const audit = () =>
    subject.handle.sqlite
      .prepare("select entity_id as key, before, after from audit where entity = 'rule-setting' order by id")
      .all();

  it('starts with no overrides', () => {
    expect(subject.store.getRuleOverrides(admin.workspaceId)).toEqual({});
  });

  it('stores numbers and flags with their types', () => {
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 30, at(0));
    subject.store.setRuleOverride(admin, 'rma.collegeCredits', false, at(1));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 27.5, at(2));
    expect(subject.store.getRuleOverrides(admin.workspaceId)).toEqual({ 'cma.nonApprovedCap': 27.5, 'rma.collegeCredits': false });
  });

  it('deletes a key when set to null', () => {
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 30, at(0));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', null, at(1));
    expect(subject.store.getRuleOverrides(admin.workspaceId)).toEqual({});
  });

  it('audits every change with the value before and after', () => {
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 30, at(0));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 20, at(1));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', null, at(2));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', null, at(3));
    expect(audit()).toEqual([
      { key: 'cma.nonApprovedCap', before: null, after: '30' },
      { key: 'cma.nonApprovedCap', before: '30', after: '20' },
      { key: 'cma.nonApprovedCap', before: '20', after: null },
    ]);
  });

  it('keeps workspaces apart', () => {
    const other = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'admin' }));
    subject.store.setRuleOverride(admin, 'cma.nonApprovedCap', 30, at(0));
    expect(subject.store.getRuleOverrides(other.workspaceId)).toEqual({});
  });
});
