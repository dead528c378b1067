import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { at, makePlanned, makeStore, makeTempDir, type TestStore } from './make-store.js';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A database file as the bot left it before the scheduler: migrations up to `lastTag` only. */
function makeDatabaseAt(lastTag: string): string {
  const dir = makeTempDir();
  const folder = join(dir, 'drizzle');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  const path = join(dir, 'ceu.sqlite');
  const sqlite = new Database(path);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.exec(`
    insert into workspaces (platform, external_id) values ('slack', 'T1');
    insert into members (workspace_id, user_id, display_name, nudges) values (1, 'alice', 'Alice', 0);
    insert into credentials (member_id, workspace_id, code, expires_on, created_at, updated_at)
      values (1, 1, 'CMA', '2027-02-28', 'x', 'x');
    insert into activities (member_id, workspace_id, completed_on, amount, unit, aama_approved, created_at, updated_at)
      values (1, 1, '2026-01-05', '2', 'hours', 1, 'x', 'x');
  `);
  sqlite.close();
  return path;
}

describe('migration 0003 (scheduler)', () => {
  let subject: TestStore | undefined;
  afterEach(() => subject?.cleanup());

  it('upgrades a database from before the scheduler, keeping its data and making everyone due', () => {
    subject = makeStore(makeDatabaseAt('0002_activity_certificates'));
    const { store, scheduler, handle } = subject;
    // Every migration up to the newest ran on the old file.
    const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    expect(handle.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    const [alice] = scheduler.listDueMembers(at(0), 0, 10);
    expect(alice).toMatchObject({
      userId: 'alice',
      displayName: 'Alice',
      nudges: false,
      digestNamed: true,
      unreachableSince: null,
      credentials: [{ code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }],
      activities: [{ completedOn: '2026-01-05', amount: '2', unit: 'hours' }],
    });
    expect(alice!.credentials[0]).not.toHaveProperty('snoozedUntil');
    expect(store.getWorkspaceSettings(alice!.workspaceId)).toEqual({ ladder: null, digest: null });
    expect(scheduler.enqueue([makePlanned(alice!, 'k')], at(0))).toBe(1);
    expect(scheduler.countOutbox()).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0 });
  });
});

describe('migration 0007 (activities read from their index alone)', () => {
  let subject: TestStore | undefined;
  afterEach(() => subject?.cleanup());

  it('replaces the member index with one holding every counted column, and every activity still reads', () => {
    subject = makeStore(makeDatabaseAt('0006_outbox_series'));
    const indexes = subject.handle.sqlite.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'activities'`).pluck().all();
    expect(indexes).toContain('activities_member_counted');
    expect(indexes).not.toContain('activities_member_deleted');
    const [alice] = subject.scheduler.listDueMembers(at(0), 0, 10);
    expect(alice!.activities).toEqual([{ id: 1, completedOn: '2026-01-05', amount: '2', unit: 'hours', aamaApproved: true }]);
  });
});
