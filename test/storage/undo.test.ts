import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, makeActivity, makeRef, makeStore, type TestStore } from './make-store.js';

describe('undoLast', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  const actions = () =>
    subject.handle.sqlite.prepare('select action, undone_at as undoneAt from audit order by id').all() as {
      action: string;
      undoneAt: string | null;
    }[];

  it('returns undefined when there is nothing to undo', () => {
    expect(subject.store.undoLast(alice, at(0))).toBeUndefined();
  });

  it('undoes a log by soft-deleting it and returns the activity as it was', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(0));
    expect(subject.store.undoLast(alice, at(1))).toEqual({ action: 'log', activity: logged });
    expect(subject.store.listActivities(alice)).toEqual([]);
    expect(subject.handle.sqlite.prepare('select count(*) from activities').pluck().get()).toBe(1);
  });

  it('undoes a delete by bringing the activity back', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(0));
    subject.store.deleteActivity(alice, logged.id, at(1));
    expect(subject.store.undoLast(alice, at(2))).toEqual({ action: 'delete', activity: logged });
    expect(subject.store.listActivities(alice)).toEqual([logged]);
  });

  it('undoes an edit by restoring every field of the previous version', () => {
    const logged = subject.store.addActivity(alice, makeActivity({ category: undefined, title: 'Sepsis' }), at(0));
    subject.store.editActivity(alice, logged.id, { amount: '0.10', category: 'general', aamaApproved: false }, at(1));
    expect(subject.store.undoLast(alice, at(2))).toEqual({ action: 'edit', activity: logged });
    expect(subject.store.findActivity(alice.workspaceId, logged.id)).toEqual(logged);
  });

  it('walks back log, edit and delete in reverse order, then stops', () => {
    const first = subject.store.addActivity(alice, makeActivity({ title: 'first' }), at(0));
    const second = subject.store.addActivity(alice, makeActivity({ title: 'second' }), at(1));
    subject.store.editActivity(alice, second.id, { amount: '5' }, at(2));
    subject.store.deleteActivity(alice, first.id, at(3));

    expect(subject.store.undoLast(alice, at(4))).toMatchObject({ action: 'delete' });
    expect(subject.store.listActivities(alice).map((a) => [a.title, a.amount])).toEqual([
      ['first', '2'],
      ['second', '5'],
    ]);
    expect(subject.store.undoLast(alice, at(5))).toMatchObject({ action: 'edit' });
    expect(subject.store.listActivities(alice).map((a) => [a.title, a.amount])).toEqual([
      ['first', '2'],
      ['second', '2'],
    ]);
    expect(subject.store.undoLast(alice, at(6))).toMatchObject({ action: 'log', activity: { id: second.id } });
    expect(subject.store.undoLast(alice, at(7))).toMatchObject({ action: 'log', activity: { id: first.id } });
    expect(subject.store.listActivities(alice)).toEqual([]);
    expect(subject.store.undoLast(alice, at(8))).toBeUndefined();
  });

  it('marks each undone change and audits the undo itself', () => {
    subject.store.addActivity(alice, makeActivity(), at(0));
    subject.store.undoLast(alice, at(1));
    expect(actions()).toEqual([
      { action: 'log', undoneAt: at(1) },
      { action: 'restore', undoneAt: null },
    ]);
  });

  it("never undoes another member's changes", () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const bobs = subject.store.addActivity(bob, makeActivity(), at(0));
    expect(subject.store.undoLast(alice, at(1))).toBeUndefined();
    expect(subject.store.listActivities(bob)).toEqual([bobs]);
  });

  it('refuses, changing nothing, when a credential or setting changed after the last log, edit or delete', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(0));
    subject.store.putCredential(alice, { code: 'CMA', expiresOn: '2031-02-28', certifiedOn: null }, at(1));
    const auditRows = actions();
    expect(subject.store.undoLast(alice, at(2))).toEqual({
      refused: true,
      latest: { action: 'credential-add', credential: 'CMA' },
      pending: { action: 'log', activityId: logged.id },
    });
    expect(actions()).toEqual(auditRows);
    expect(subject.store.listActivities(alice)).toEqual([logged]);
    subject.store.updateMemberSettings(alice, { tz: 'America/Chicago' }, at(3));
    expect(subject.store.undoLast(alice, at(4))).toMatchObject({ refused: true, latest: { action: 'settings' } });
  });

  it('still walks back consecutive activity changes, and undoes past another change only when asked', () => {
    const first = subject.store.addActivity(alice, makeActivity({ title: 'first' }), at(0));
    subject.store.removeCredential(alice, 'CMA', at(1));
    subject.store.putCredential(alice, { code: 'RMA', expiresOn: '2027-05-31', certifiedOn: null }, at(2));
    const second = subject.store.addActivity(alice, makeActivity({ title: 'second' }), at(3));
    expect(subject.store.undoLast(alice, at(4))).toMatchObject({ action: 'log', activity: { id: second.id } });
    expect(subject.store.undoLast(alice, at(5))).toMatchObject({ refused: true, latest: { action: 'credential-add', credential: 'RMA' } });
    expect(subject.store.undoLast(alice, at(6), true)).toMatchObject({ action: 'log', activity: { id: first.id } });
    expect(subject.store.listActivities(alice)).toEqual([]);
  });
});
