import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { dumpTables } from './dump-tables.js';
import { at, makeActivity, makeRef, makeStore, type TestStore } from './make-store.js';

describe('updateMemberSettings with what is already so', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.updateMemberSettings(subject.store.ensureMember(makeRef({ userId: 'alice' })), { quietHours: '21:00-07:00' }, at(0));
  });
  afterEach(() => subject.cleanup());

  it('writes nothing: no audit row, no new data version, reminders left waiting', () => {
    subject.scheduler.enqueue([{ key: 'k1', workspaceId: alice.workspaceId, memberId: alice.memberId, target: { kind: 'direct', userId: 'alice' }, kind: 'nudge', reply: { visibility: 'private', tone: 'info', blocks: [] } }], at(1));
    const before = dumpTables(subject.handle.sqlite);
    const member = subject.store.updateMemberSettings(alice, { quietHours: '21:00-07:00', nudges: true, tz: null }, at(2));
    expect(member).toEqual(alice);
    expect(dumpTables(subject.handle.sqlite)).toEqual(before);
  });

  it('so undo still takes back the log before it', () => {
    const logged = subject.store.addActivity(alice, makeActivity(), at(1));
    subject.store.updateMemberSettings(alice, { pausedUntil: null }, at(2));
    expect(subject.store.undoLast(alice, at(3))).toEqual({ action: 'log', activity: logged });
  });
});
