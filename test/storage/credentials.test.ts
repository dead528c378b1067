import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/ports.js';
import { at, makeRef, makeStore, type TestStore } from './make-store.js';

describe('credentials', () => {
  let subject: TestStore;
  let alice: Member;
  beforeEach(() => {
    subject = makeStore();
    alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
  });
  afterEach(() => subject.cleanup());

  const cma = { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null } as const;
  const bls = { code: 'BLS', expiresOn: '2026-06-30', certifiedOn: null } as const;
  const auditActions = () =>
    subject.handle.sqlite.prepare("select action from audit where entity = 'credential' order by id").pluck().all();

  it('adds credentials and lists them', () => {
    subject.store.putCredential(alice, cma, at(0));
    subject.store.putCredential(alice, bls, at(1));
    expect(subject.store.listCredentials(alice)).toEqual([cma, bls]);
  });

  it('replaces the dates of a held credential on renewal instead of adding a second one', () => {
    subject.store.putCredential(alice, cma, at(0));
    const renewed = { code: 'CMA', expiresOn: '2032-02-29', certifiedOn: '2027-02-01' } as const;
    subject.store.putCredential(alice, renewed, at(1));
    // A later expiry within the renewal window is a renewal, recorded on 2026-11-24 (before the old
    // expiry): the store keeps the last day it covered.
    expect(subject.store.listCredentials(alice)).toEqual([{ ...renewed, renewedFrom: '2026-11-24' }]);
    expect(auditActions()).toEqual(['credential-add', 'credential-add']);
  });

  it('writes no audit row when the same dates are entered again', () => {
    subject.store.putCredential(alice, cma, at(0));
    subject.store.putCredential(alice, cma, at(1));
    expect(auditActions()).toEqual(['credential-add']);
  });

  it('removes a held credential, keeping its row, and reports whether it was held', () => {
    subject.store.putCredential(alice, cma, at(0));
    expect(subject.store.removeCredential(alice, 'CMA', at(1))).toBe(true);
    expect(subject.store.removeCredential(alice, 'CMA', at(2))).toBe(false);
    expect(subject.store.removeCredential(alice, 'RMA', at(2))).toBe(false);
    expect(subject.store.listCredentials(alice)).toEqual([]);
    expect(subject.handle.sqlite.prepare('select removed_at from credentials').pluck().all()).toEqual([at(1)]);
    expect(auditActions()).toEqual(['credential-add', 'credential-remove']);
  });

  it('adds a credential again after it was removed', () => {
    subject.store.putCredential(alice, cma, at(0));
    subject.store.removeCredential(alice, 'CMA', at(1));
    const again = { code: 'CMA', expiresOn: '2031-01-31', certifiedOn: null } as const;
    subject.store.putCredential(alice, again, at(2));
    expect(subject.store.listCredentials(alice)).toEqual([again]);
  });

  it("keeps members' credentials apart, also across workspaces", () => {
    const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
    const aliceElsewhere = subject.store.ensureMember(makeRef({ tenantId: 'T2', userId: 'alice' }));
    subject.store.putCredential(alice, cma, at(0));
    subject.store.putCredential(bob, bls, at(0));
    expect(subject.store.listCredentials(alice)).toEqual([cma]);
    expect(subject.store.listCredentials(bob)).toEqual([bls]);
    expect(subject.store.listCredentials(aliceElsewhere)).toEqual([]);
    expect(subject.store.removeCredential(bob, 'CMA', at(1))).toBe(false);
    expect(subject.store.listCredentials(alice)).toEqual([cma]);
  });

  it('refuses a second live row of one code at the database level', () => {
    subject.store.putCredential(alice, cma, at(0));
    const duplicate = () =>
      subject.handle.sqlite
        .prepare(
          `insert into credentials (member_id, workspace_id, code, expires_on, created_at, updated_at)
           values (?, ?, 'CMA', '2030-01-01', 'x', 'x')`,
        )
        .run(alice.memberId, alice.workspaceId);
    expect(duplicate).toThrow(/UNIQUE/);
  });

  describe('snooze', () => {
    const snoozeAudit = () =>
      subject.handle.sqlite
        .prepare("select before, after from audit where action = 'credential-snooze' order by id")
        .all()
        .map((row) => row as { before: string; after: string })
        .map(({ before, after }) => [JSON.parse(before), JSON.parse(after)]);

    it('snoozes a held credential until a date, lists it, and audits the change', () => {
      subject.store.putCredential(alice, cma, at(0));
      subject.store.putCredential(alice, bls, at(0));
      expect(subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(1))).toBe(true);
      expect(subject.store.listCredentials(alice)).toEqual([{ ...cma, snoozedUntil: '2026-12-01' }, bls]);
      expect(snoozeAudit()).toEqual([[{ code: 'CMA', snoozedUntil: null }, { code: 'CMA', snoozedUntil: '2026-12-01' }]]);
    });

    it('wakes a snoozed credential with null', () => {
      subject.store.putCredential(alice, cma, at(0));
      subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(1));
      expect(subject.store.snoozeCredential(alice, 'CMA', null, at(2))).toBe(true);
      expect(subject.store.listCredentials(alice)).toEqual([cma]);
      expect(snoozeAudit()).toHaveLength(2);
    });

    it('refuses a credential the member does not hold, also one held by another member', () => {
      const bob = subject.store.ensureMember(makeRef({ userId: 'bob' }));
      subject.store.putCredential(bob, cma, at(0));
      expect(subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(1))).toBe(false);
      expect(subject.store.listCredentials(bob)).toEqual([cma]);
      expect(snoozeAudit()).toEqual([]);
    });

    it('writes no audit row when snoozed again to the same date', () => {
      subject.store.putCredential(alice, cma, at(0));
      subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(1));
      expect(subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(2))).toBe(true);
      expect(snoozeAudit()).toHaveLength(1);
    });

    it('keeps the snooze through a renewal, and a credential added again starts without one', () => {
      subject.store.putCredential(alice, cma, at(0));
      subject.store.snoozeCredential(alice, 'CMA', '2026-12-01', at(1));
      const renewed = { code: 'CMA', expiresOn: '2032-02-29', certifiedOn: null } as const;
      subject.store.putCredential(alice, renewed, at(2));
      expect(subject.store.listCredentials(alice)).toEqual([{ ...renewed, snoozedUntil: '2026-12-01', renewedFrom: '2026-11-24' }]);
      subject.store.removeCredential(alice, 'CMA', at(3));
      subject.store.putCredential(alice, cma, at(4));
      expect(subject.store.listCredentials(alice)).toEqual([cma]);
    });
  });
});
