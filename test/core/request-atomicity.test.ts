/**
 * A change runs whole or not at all: its request claim, the member row of a newcomer and the
 * command's writes share one transaction. Failures are made real with SQLite triggers on the
 * test's own file (what a full disk or a lock held by another process does to a write).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Reply } from '../../src/core/index.js';
import { createSchedulerStore, createSqliteStore } from '../../src/storage/index.js';
import { dumpTables } from '../storage/dump-tables.js';
import { makePlanned } from '../storage/make-store.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

const failWrites = (table: string, event: 'insert' | 'update' | 'delete') =>
  t.database.sqlite.exec(`create trigger fail_${table}_${event} before ${event} on ${table} begin select raise(abort, 'disk I/O error'); end`);
const allowWrites = (table: string, event: 'insert' | 'update' | 'delete') => t.database.sqlite.exec(`drop trigger fail_${table}_${event}`);
const count = (table: string) => t.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('a change whose write fails', () => {
  it('runs when the platform retries it, instead of being answered "already done" with nothing saved', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    // The log's insert fails, and so would forgetting its claim (the file is still unwritable then).
    failWrites('activities', 'insert');
    failWrites('processed_requests', 'delete');
    await expect(t.keyed('log 2h clinical Sepsis', 'event:Ev1')).rejects.toThrow(/disk I\/O error/);
    allowWrites('activities', 'insert');
    allowWrites('processed_requests', 'delete');
    const retried = await t.keyed('log 2h clinical Sepsis', 'event:Ev1');
    expect(retried.duplicate).toBeUndefined();
    expect(retried.tone).toBe('success');
    expect(count('activities')).toBe(1);
    // And the retry of the retry is the duplicate.
    expect((await t.keyed('log 2h clinical Sepsis', 'event:Ev1')).duplicate).toBe(true);
    expect(count('activities')).toBe(1);
  });
});

describe('a refused change', () => {
  it("leaves no member row for a newcomer (they do not show up in the admin's team view)", async () => {
    await t.say('credential add CMA expires 2027-02-28');
    const before = dumpTables(t.database.sqlite);
    for (const line of ['delete 5', 'credential remove CMA', 'edit 1 amount 3h', 'log 500h clinical Marathon']) {
      expect((await t.say(line, { userId: 'newcomer' })).tone).toBe('error');
    }
    expect(dumpTables(t.database.sqlite)).toEqual(before);
    // A question is not a change: asking makes them a member, as before.
    await t.say('status', { userId: 'newcomer' });
    expect(count('members')).toBe(2);
  });

  it('frees its request id, so the corrected request under the same id runs', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect((await t.keyed('log 500h clinical Marathon', 'view:V1')).tone).toBe('error');
    expect((await t.keyed('log 2h clinical Marathon', 'view:V1')).tone).toBe('success');
    expect(count('activities')).toBe(1);
  });
});

describe('reminders kept for a member whose DMs are closed', () => {
  it('are shown another time when marking them seen fails after the change was saved, and the change is reported saved', async () => {
    const warnings: string[] = [];
    const store = createSqliteStore(t.database);
    const bot = createBot({ store, clock: { now: () => new Date('2026-11-24T12:00:00Z') }, logger: { debug() {}, info() {}, warn: (_obj, msg) => warnings.push(msg ?? ''), error() {} } });
    const say = (text: string): Promise<Reply> => bot.handle({ actor: makeActor(), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text } });
    await say('credential add CMA expires 2027-02-28');
    const member = store.findMember(makeActor())!;
    const outbox = createSchedulerStore(t.database);
    outbox.enqueue([makePlanned(member, 'nudge:1')], '2026-11-24T11:00:00.000Z');
    const [claimed] = outbox.claimDue('2026-11-24T11:00:00.000Z', 1);
    outbox.markFailed(claimed!.id, 'Cannot send messages to this user', '2026-11-24T11:00:00.000Z');

    failWrites('outbox', 'update');
    const logged = await say('log 2h clinical Sepsis');
    expect(logged.tone).toBe('success');
    expect(count('activities')).toBe(1);
    expect(warnings.some((w) => w.includes('undelivered'))).toBe(true);
    allowWrites('outbox', 'update');

    const next = await say('status');
    expect(JSON.stringify(next.blocks)).toContain('message nudge:1');
  });
});

describe('a question while another process holds the write lock', () => {
  it("is answered though the member's new display name cannot be saved then (it is saved next time)", async () => {
    await t.say('credential add CMA expires 2027-02-28');
    t.database.sqlite.pragma('busy_timeout = 20');
    const other = new Database(t.database.sqlite.name);
    try {
      other.exec('BEGIN IMMEDIATE');
      const answer = await t.say('status', { displayName: 'Alice Smith' });
      expect(answer.tone).not.toBe('error');
      expect(JSON.stringify(answer.blocks)).toContain('CMA');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    await t.say('status', { displayName: 'Alice Smith' });
    expect(t.database.sqlite.prepare('select display_name from members').pluck().get()).toBe('Alice Smith');
  });
});
