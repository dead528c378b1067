/**
 * Saved tallies on a real SQLite file: the sweep counts a member's credit once and keeps it, plans
 * from it while the member's data is unchanged, and counts afresh after any audited change, a
 * rule setting, or a future-dated activity's day.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/index.js';
import { decodeTallies } from '../../src/core/rules/tally.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { makeActivity } from '../storage/make-store.js';
import { makeTestOutbox, type TestOutbox } from './make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler;

beforeEach(() => {
  t = makeTestOutbox(); // Tuesday 24 Nov 2026, 15:00 UTC
  scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [], clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

const now = () => t.clock.now().toISOString();
const row = (member: Member) =>
  t.database.sqlite
    .prepare(
      `select m.data_version as version, t.tallies, t.data_version as talliesVersion, m.next_check_at as nextCheckAt
       from members m left join member_tallies t on t.member_id = m.id where m.id = ?`,
    )
    .get(member.memberId) as {
    version: number;
    tallies: string | null;
    talliesVersion: number | null;
    nextCheckAt: string | null;
  };
const savedEarned = (member: Member) => decodeTallies(row(member).tallies!)!.map((x) => [x.code, x.earned]);
/** Everyone due again without touching their data: what a workspace's ladder change does. */
const allDue = () => t.database.sqlite.prepare('update members set next_check_at = null').run();
/** The member's activities gone behind the store's back (no audit): only a saved tally still knows them. */
const eraseActivitiesBehindTheStore = (member: Member) => t.database.sqlite.prepare('delete from activities where member_id = ?').run(member.memberId);

function cmaMember(userId: string): Member {
  const member = t.member({ userId });
  t.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, now());
  t.store.putCredential(member, { code: 'RMA', expiresOn: '2028-04-30', certifiedOn: null }, now());
  t.store.addActivity(member, makeActivity({ amount: '4', category: 'clinical' }), now());
  return member;
}

describe('saved tallies', () => {
  it('are counted and saved by the sweep, tied to the data version, and retired by any audited change', async () => {
    const alice = cmaMember('alice');
    expect(row(alice)).toMatchObject({ version: 3, tallies: null, nextCheckAt: null });
    await scheduler.sweep();
    expect(row(alice)).toMatchObject({ version: 3, talliesVersion: 3 });
    expect(savedEarned(alice)).toEqual([['CMA', 4], ['RMA', 4]]);

    t.store.addActivity(alice, makeActivity({ amount: '2', category: 'general' }), now());
    expect(row(alice)).toMatchObject({ version: 4, talliesVersion: 3, nextCheckAt: null });
    expect(t.outbox.listDueMembers(now(), 0, 10)[0]!.tallies).toBeUndefined(); // saved for version 3: not handed out
    await scheduler.sweep();
    expect(row(alice)).toMatchObject({ version: 4, talliesVersion: 4 });
    expect(savedEarned(alice)).toEqual([['CMA', 6], ['RMA', 6]]);
  });

  it('are what the sweep plans from while the data is unchanged: activities are not read again', async () => {
    const alice = cmaMember('alice');
    await scheduler.sweep();
    const before = t.outbox.listDueMembers('2100-01-01T00:00:00Z', 0, 10)[0]!;
    expect(before.tallies?.map((x) => x.earned)).toEqual([4, 4]);
    eraseActivitiesBehindTheStore(alice);
    allDue();
    await scheduler.sweep();
    // Counting the (now missing) activities again would have saved 0.
    expect(savedEarned(alice)).toEqual([['CMA', 4], ['RMA', 4]]);
    expect(row(alice).nextCheckAt).not.toBeNull();
  });

  it('are counted afresh under other rule settings', async () => {
    const alice = t.member({ userId: 'alice' });
    t.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, now());
    t.store.addActivity(alice, makeActivity({ amount: '2', unit: 'iacet', category: 'clinical' }), now()); // 2 IACET CEU = 20 points by default
    await scheduler.sweep();
    expect(savedEarned(alice)).toEqual([['CMA', 20]]);
    t.store.setRuleOverride(alice, 'cma.pointsPerIacetCeu', 5, now());
    await scheduler.sweep();
    expect(savedEarned(alice)).toEqual([['CMA', 10]]);
  });

  it('are counted afresh on the day a future-dated activity arrives', async () => {
    const alice = t.member({ userId: 'alice' });
    t.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, now());
    t.store.addActivity(alice, makeActivity({ amount: '3', category: 'general', completedOn: '2026-12-05' }), now());
    await scheduler.sweep();
    expect(savedEarned(alice)).toEqual([['CMA', 0]]);
    t.clock.advance(11 * 86_400_000); // 5 Dec 2026
    allDue();
    await scheduler.sweep();
    expect(savedEarned(alice)).toEqual([['CMA', 3]]);
  });

  it('are not saved, and the member stays due, when the member changed after being read', () => {
    const alice = cmaMember('alice');
    const [read] = t.outbox.listDueMembers(now(), 0, 10);
    t.store.addActivity(alice, makeActivity(), now()); // version 3 → 4 between read and write
    t.outbox.setNextChecks([{ memberId: alice.memberId, at: '2026-12-24T00:00:00.000Z', dataVersion: read!.dataVersion!, tallies: [] }]);
    expect(row(alice)).toMatchObject({ version: 4, tallies: null, talliesVersion: null, nextCheckAt: null });
  });

  it('that cannot be read are counted afresh, not an error', async () => {
    const alice = cmaMember('alice');
    await scheduler.sweep();
    t.database.sqlite.prepare("update member_tallies set tallies = '{not json' where member_id = ?").run(alice.memberId);
    allDue();
    await scheduler.sweep();
    expect(savedEarned(alice)).toEqual([['CMA', 4], ['RMA', 4]]);
    expect(t.logs.filter((line) => line.includes('error'))).toEqual([]);
  });
});
