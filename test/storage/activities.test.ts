import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { StoreError } from '../../src/storage/index.js';
import { AT, at, makeActivity, makeRef, makeStore, type TestStore } from './make-store.js';

type AuditRow = { id: number; entity: string; entity_id: string; action: string; before: string | null; after: string | null };

describe('activities', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  const auditRows = (): AuditRow[] =>
    subject.handle.sqlite.prepare('select id, entity, entity_id, action, before, after from audit order by id').all() as AuditRow[];
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return error instanceof StoreError ? error.code : `untyped: ${String(error)}`;
    }
    return undefined;
  };

  it('stores an activity and lists it back with an id and its member', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), AT);
    expect(logged).toEqual({ ...makeActivity(), id: logged.id, memberId: alice.memberId, createdAt: AT });
    expect(subject.store.listActivities(alice)).toEqual([logged]);
  });

  it('round-trips amounts as the exact decimal strings given', () => {
    const amounts = ['0.10', '0.5', '1.25', '3', '12.50', '0.333333333333333333'];
    for (const amount of amounts) subject.store.addActivity(alice, makeActivity({ amount }), AT);
    expect(subject.store.listActivities(alice).map((activity) => activity.amount)).toEqual(amounts);
  });

  it('leaves optional fields absent rather than null', () => {
    const logged = subject.store.addActivity(alice, { completedOn: '2026-06-20', amount: '1', unit: 'card', aamaApproved: false }, AT);
    expect(Object.keys(logged).sort()).toEqual(['aamaApproved', 'amount', 'completedOn', 'createdAt', 'id', 'memberId', 'unit']);
  });

  it('lists only the member own activities, by completion date', () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const later = subject.store.addActivity(alice, makeActivity({ completedOn: '2026-11-02' }), AT);
    const earlier = subject.store.addActivity(alice, makeActivity({ completedOn: '2026-10-01' }), AT);
    subject.store.addActivity(bob, makeActivity(), AT);
    expect(subject.store.listActivities(alice)).toEqual([earlier, later]);
  });

  it('finds an activity of the same workspace whoever logged it', () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const bobs = subject.store.addActivity(bob, makeActivity(), AT);
    expect(subject.store.findActivity(alice.workspaceId, bobs.id)).toEqual(bobs);
  });

  it('never finds another workspace activity', () => {
    const outsider = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    const theirs = subject.store.addActivity(outsider, makeActivity(), AT);
    expect(subject.store.findActivity(alice.workspaceId, theirs.id)).toBeUndefined();
    expect(subject.store.listActivities(alice)).toEqual([]);
  });

  it('edits an activity and keeps the previous version in the audit trail', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(0));
    const edited = subject.store.editActivity(alice, logged.id, { amount: '2.50', category: 'general' }, at(1));
    const edit = auditRows().at(-1)!;
    // The edit's audit row, which its Undo button names.
    expect(edited).toEqual({ ...logged, amount: '2.50', category: 'general', auditId: edit.id });
    const { auditId: _, ...activity } = edited;
    expect(subject.store.findActivity(alice.workspaceId, logged.id)).toEqual(activity);
    expect(edit).toMatchObject({ entity: 'activity', entity_id: String(logged.id), action: 'edit' });
    expect(JSON.parse(edit.before!)).toMatchObject({ amount: '2', category: 'clinical' });
    expect(JSON.parse(edit.after!)).toMatchObject({ amount: '2.50', category: 'general' });
  });

  it('soft-deletes: the activity disappears from lists but its row and audit stay', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(0));
    const deleted = subject.store.deleteActivity(alice, logged.id, at(1));
    expect(deleted).toEqual({ ...logged, auditId: auditRows().at(-1)!.id });
    expect(subject.store.listActivities(alice)).toEqual([]);
    expect(subject.store.findActivity(alice.workspaceId, logged.id)).toBeUndefined();
    const row = subject.handle.sqlite.prepare('select amount, deleted_at from activities where id = ?').get(logged.id);
    expect(row).toEqual({ amount: '2', deleted_at: at(1) });
    expect(auditRows().map((audit) => audit.action)).toEqual(['log', 'delete']);
    expect(JSON.parse(auditRows()[1]!.before!)).toMatchObject({ id: logged.id, amount: '2' });
  });

  it('never reuses the id of a deleted activity', () => {
    const first = subject.store.addActivity(alice, makeActivity(), AT);
    subject.store.deleteActivity(alice, first.id, AT);
    subject.handle.sqlite.prepare('delete from activities where id = ?').run(first.id);
    const next = subject.store.addActivity(alice, makeActivity(), AT);
    expect(next.id).toBeGreaterThan(first.id);
  });

  it("refuses to edit or delete another member's activity and changes nothing", () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const bobs = subject.store.addActivity(bob, makeActivity(), AT);
    const auditBefore = auditRows();
    expect(codeOf(() => subject.store.editActivity(alice, bobs.id, { amount: '99' }, AT))).toBe('not-yours');
    expect(codeOf(() => subject.store.deleteActivity(alice, bobs.id, AT))).toBe('not-yours');
    expect(subject.store.listActivities(bob)).toEqual([bobs]);
    expect(auditRows()).toEqual(auditBefore);
  });

  it('reports a missing, deleted or other-workspace activity as not found', () => {
    const outsider = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    const theirs = subject.store.addActivity(outsider, makeActivity(), AT);
    const gone = subject.store.addActivity(alice, makeActivity(), AT);
    subject.store.deleteActivity(alice, gone.id, AT);
    expect(codeOf(() => subject.store.editActivity(alice, 12345, { amount: '1' }, AT))).toBe('not-found');
    expect(codeOf(() => subject.store.editActivity(alice, theirs.id, { amount: '1' }, AT))).toBe('not-found');
    expect(codeOf(() => subject.store.deleteActivity(alice, gone.id, AT))).toBe('not-found');
    expect(subject.store.listActivities(outsider)).toEqual([theirs]);
  });

  it('rolls the change back when its audit row cannot be written', () => {
    subject.handle.sqlite.exec("create trigger no_audit before insert on audit begin select raise(abort, 'audit down'); end");
    expect(() => subject.store.addActivity(alice, makeActivity(), AT)).toThrow(/audit down/);
    expect(subject.handle.sqlite.prepare('select count(*) from activities').pluck().get()).toBe(0);
  });
});
