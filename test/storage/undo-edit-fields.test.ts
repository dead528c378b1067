/**
 * Undo of an edit takes back what that edit changed and nothing else: a field put back since by
 * an edit's own Undo button (`undo edit <id> <field>`), or changed in some other way, stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, makeActivity, makeRef, makeStore, type TestStore } from './make-store.js';

describe('undoLast of an edit', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  const row = (id: number) =>
    subject.handle.sqlite
      .prepare('select amount, unit, category, completed_on as completedOn, deleted_at as deletedAt from activities where id = ?')
      .get(id);

  it('keeps a field put back by its own Undo button since, walking back only what each edit changed', () => {
    const { id } = subject.store.addActivity(alice, makeActivity({ amount: '2', category: 'clinical', completedOn: '2026-11-24' }), at(0));
    subject.store.editActivity(alice, id, { amount: '3', unit: 'hours' }, at(1));
    subject.store.editActivity(alice, id, { category: 'general' }, at(2));
    subject.store.editActivity(alice, id, { completedOn: '2026-11-23' }, at(3));
    subject.store.undoLast(alice, at(4), false, { action: 'edit', activityId: id, fields: ['amount', 'unit'] });
    expect(row(id)).toMatchObject({ amount: '2', category: 'general', completedOn: '2026-11-23' });

    expect(subject.store.undoLast(alice, at(5))).toMatchObject({ action: 'edit', activity: { amount: '2', category: 'general', completedOn: '2026-11-24' } });
    expect(row(id)).toMatchObject({ amount: '2', category: 'general', completedOn: '2026-11-24' });
    expect(subject.store.undoLast(alice, at(6))).toMatchObject({ action: 'edit', activity: { amount: '2', category: 'clinical' } });
    expect(row(id)).toMatchObject({ amount: '2', unit: 'hours', category: 'clinical', completedOn: '2026-11-24', deletedAt: null });
    // The amount edit is already undone: next comes the log.
    expect(subject.store.undoLast(alice, at(7))).toMatchObject({ action: 'log' });
    expect(row(id)).toMatchObject({ deletedAt: at(7) });
  });

  it('leaves a field alone that no longer holds what the edit wrote, taking back the rest', () => {
    const { id } = subject.store.addActivity(alice, makeActivity({ amount: '2', title: 'Sepsis' }), at(0));
    subject.store.editActivity(alice, id, { amount: '3' }, at(1));
    // An earlier version's undo wrote whole snapshots back, so a database may hold a field that
    // no standing edit wrote.
    subject.handle.sqlite.prepare("update activities set amount = '4' where id = ?").run(id);
    subject.store.editActivity(alice, id, { title: 'Sepsis update' }, at(2));
    subject.store.undoLast(alice, at(3));
    expect(subject.store.undoLast(alice, at(4))).toMatchObject({ action: 'edit', activity: { amount: '4', title: 'Sepsis' } });
    expect(row(id)).toMatchObject({ amount: '4' });
  });

  it("by the edit's Undo button with one field of an edit that changed two takes back that whole edit", () => {
    const { id } = subject.store.addActivity(alice, makeActivity({ amount: '2', unit: 'hours' }), at(0));
    subject.store.editActivity(alice, id, { amount: '90', unit: 'minutes' }, at(1));
    subject.store.editActivity(alice, id, { title: 'Sepsis' }, at(2));
    expect(subject.store.undoLast(alice, at(3), false, { action: 'edit', activityId: id, fields: ['unit'] })).toMatchObject({
      action: 'edit',
      activity: { amount: '2', unit: 'hours', title: 'Sepsis' },
    });
    expect(row(id)).toMatchObject({ amount: '2', unit: 'hours' });
  });

  it('audits each undo with the version before and after it', () => {
    const { id } = subject.store.addActivity(alice, makeActivity({ amount: '2', category: 'clinical' }), at(0));
    subject.store.editActivity(alice, id, { amount: '3' }, at(1));
    subject.store.editActivity(alice, id, { category: 'general' }, at(2));
    subject.store.undoLast(alice, at(3), false, { action: 'edit', activityId: id, fields: ['amount', 'unit'] });
    subject.store.undoLast(alice, at(4));
    const restores = subject.handle.sqlite
      .prepare("select before, after from audit where action = 'restore' order by id")
      .all()
      .map((r) => {
        const { before, after } = r as { before: string; after: string };
        const pick = (s: string) => (({ amount, category }) => ({ amount, category }))(JSON.parse(s) as { amount: string; category: string });
        return [pick(before), pick(after)];
      });
    expect(restores).toEqual([
      [{ amount: '3', category: 'general' }, { amount: '2', category: 'general' }],
      [{ amount: '2', category: 'general' }, { amount: '2', category: 'clinical' }],
    ]);
  });
});
