/**
 * An NCMA lapsed and renewed in its grace period: the CE done in that period reinstated the lapsed
 * year (NCCT accepts it for 5 years, RULES.md), so it counts toward that year and not again toward
 * the next one, which starts the day after the old expiry. CE done after the renewal is the new year's.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText } from '../../../src/core/index.js';
import { makeRef, makeStore, makeTempDir, type TestStore } from '../../storage/make-store.js';
import { makeActor, makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
let nowAt: string;
beforeEach(async () => {
  t = makeBot(() => nowAt);
  nowAt = '2026-11-25T15:00:00Z';
  await t.text('credential add NCMA expires 2026-12-31');
  await t.text('log 6h general "Infection control" on 2026-03-01');
  // Lapsed on 2026-12-31; the grace-period course completes the 2026 year.
  nowAt = '2027-02-05T15:00:00Z';
  await t.text('log 8h general "Coding update" on 2027-02-01');
});
afterEach(() => t.close());

const ncmaStatus = async () => (JSON.parse(await t.text('status --json')) as { credentials: Array<{ cycle: { start: string }; earned: number; remaining: number }> }).credentials[0]!;

describe('history after renewing an NCMA early', () => {
  it('gives CE done after the renewal, logged before the new year began, as counting toward the new year', async () => {
    let when = '';
    const early = makeBot(() => when);
    const at = (day: string, text: string) => {
      when = day;
      return early.text(text);
    };
    try {
      await at('2026-11-25T15:00:00Z', 'credential add NCMA expires 2026-12-31');
      await at('2026-11-25T15:00:00Z', 'log 14h general "Year course" on 2026-03-01');
      await at('2026-12-10T15:00:00Z', 'credential renew NCMA');
      await at('2026-12-16T15:00:00Z', 'log 2h clinical "After renewing" on 2026-12-15');
      const history = await at('2027-01-05T15:00:00Z', 'history');
      expect(history).toMatch(/“After renewing”\n\s+NCMA: \+2 hours/);
      expect(history).toMatch(/“Year course”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+14 hours/);
    } finally {
      early.close();
    }
  });
});

describe('CE done in an NCMA grace period', () => {
  it('counts toward the lapsed year only, after `credential renew NCMA`, and history says why', async () => {
    expect(await ncmaStatus()).toMatchObject({ earned: 14, remaining: 0 });
    nowAt = '2027-02-10T15:00:00Z';
    await t.text('credential renew NCMA');
    expect(await ncmaStatus()).toMatchObject({ cycle: { start: '2027-01-01' }, earned: 0, remaining: 14 });
    expect(await t.text('history')).toContain('NCMA, previous cycle (to 2026-12-31): +8 hours');
    // Done after renewing: the new year's.
    nowAt = '2027-02-12T15:00:00Z';
    await t.text('log 2h clinical "After renewing" on 2027-02-11');
    expect(await ncmaStatus()).toMatchObject({ earned: 2 });
  });

  it('shows in history what the grace-period CE counted toward the year it reinstated', async () => {
    nowAt = '2027-02-10T15:00:00Z';
    await t.text('credential renew NCMA');
    const history = await t.text('history');
    expect(history).toMatch(/#2 2027-02-01 8 hours general “Coding update”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+8 hours \(completed in the grace period/);
    expect(history).not.toContain('not counted');
  });

  it('counts toward the lapsed year only after a renewal by the new card’s date', async () => {
    nowAt = '2027-02-10T15:00:00Z';
    await t.text('credential add NCMA expires 2027-12-31');
    expect(await ncmaStatus()).toMatchObject({ earned: 0, remaining: 14 });
    expect(await t.text('history')).toContain('NCMA, previous cycle (to 2026-12-31): +8 hours');
  });

  it('counts from the day the member says they renewed, typed weeks later', async () => {
    await t.text('log 3h clinical "After renewing" on 2027-02-05');
    nowAt = '2027-03-01T15:00:00Z';
    await t.text('credential renew NCMA on 2027-02-03');
    expect(await ncmaStatus()).toMatchObject({ earned: 3, remaining: 11 });
    expect(await t.text('history')).toContain('NCMA, previous cycle (to 2026-12-31): +8 hours');
  });
});

const MIGRATIONS = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** A file as the bot left it before migration 0011: an RMA renewed after its expiry, with CE done between the two. */
function makeLateRenewedBefore0011(): string {
  const dir = makeTempDir();
  const folder = join(dir, 'drizzle');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === '0010_credentials_renewed_from');
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  const path = join(dir, 'ceu.sqlite');
  const sqlite = new Database(path);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  const before = JSON.stringify({ code: 'RMA', expiresOn: '2026-04-30', certifiedOn: null });
  const after = JSON.stringify({ code: 'RMA', expiresOn: '2029-04-30', certifiedOn: null });
  sqlite.exec(`
    insert into workspaces (platform, external_id) values ('slack', 'T1');
    insert into members (workspace_id, user_id, data_version) values (1, 'alice', 3);
    insert into credentials (member_id, workspace_id, code, expires_on, created_at, updated_at, renewed_from) values
      (1, 1, 'RMA', '2029-04-30', '2026-03-01T12:00:00.000Z', '2026-06-10T12:00:00.000Z', '2026-04-30');
    insert into audit (workspace_id, member_id, entity, entity_id, action, before, after, at) values
      (1, 1, 'credential', '1', 'credential-add', null, '${before}', '2026-03-01T12:00:00.000Z'),
      (1, 1, 'credential', '1', 'credential-add', '${before}', '${after}', '2026-06-10T12:00:00.000Z');
    insert into activities (member_id, workspace_id, completed_on, amount, unit, aama_approved, created_at, updated_at)
      values (1, 1, '2026-05-10', '5', 'hours', 0, '2026-05-20T12:00:00.000Z', '2026-05-20T12:00:00.000Z');
  `);
  sqlite.close();
  return path;
}

describe('migration 0011 (the day of a renewal)', () => {
  let subject: TestStore | undefined;
  afterEach(() => subject?.cleanup());

  it('leaves renewals made before it counting as they did: CE after a late renewal’s old expiry still counts toward the new cycle', async () => {
    subject = makeStore(makeLateRenewedBefore0011());
    const alice = subject.store.ensureMember(makeRef({ userId: 'alice' }));
    // The day it was recorded, from the audit trail; AMT has no grace route, so it cuts nothing.
    expect(subject.store.listCredentials(alice)).toEqual([{ code: 'RMA', expiresOn: '2029-04-30', certifiedOn: null, renewedFrom: '2026-04-30', renewedOn: '2026-06-10' }]);
    const upgraded = createBot({ store: subject.store, clock: { now: () => new Date('2026-06-20T15:00:00Z') } });
    const reply = await upgraded.handle({ actor: makeActor({ platform: 'slack', tenantId: 'T1' }), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text: 'status --json' } });
    expect(JSON.parse(renderText(reply))).toMatchObject({ credentials: [{ code: 'RMA', earned: 5, remaining: 25 }] });
  });
});
