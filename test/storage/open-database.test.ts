import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase } from '../../src/storage/index.js';
import { AT, makeActivity, makeRef, makeStore, makeTempDir, type TestStore } from './make-store.js';

describe('openDatabase', () => {
  let subject: TestStore | undefined;
  afterEach(() => subject?.cleanup());

  it('creates the file and its missing parent folders', () => {
    const path = join(makeTempDir(), 'nested', 'deeper', 'ceu.sqlite');
    subject = makeStore(path);
    expect(existsSync(path)).toBe(true);
  });

  it('applies the migrations to a fresh file', () => {
    subject = makeStore();
    const tables = subject.handle.sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['activities', 'audit', 'credentials', 'members', 'rule_settings', 'workspaces']));
    const applied = subject.handle.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get();
    expect(applied).toBeGreaterThan(0);
  });

  it('turns on WAL, foreign keys, a busy timeout and NORMAL sync', () => {
    subject = makeStore();
    const { sqlite } = subject.handle;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('refuses a row that points at a member that does not exist', () => {
    subject = makeStore();
    const insert = () =>
      subject!.handle.sqlite
        .prepare(
          `insert into activities (member_id, workspace_id, completed_on, amount, unit, aama_approved, created_at, updated_at)
           values (999, 999, '2026-01-01', '1', 'hours', 0, 'x', 'x')`,
        )
        .run();
    expect(insert).toThrow(/FOREIGN KEY/);
  });

  it('reopens an existing file without re-running migrations and keeps its data', () => {
    subject = makeStore();
    const member = subject.store.ensureMember(makeRef(), 'alice');
    const logged = subject.store.addActivity(member, makeActivity({ amount: '0.10' }), AT);
    subject.store.putCredential(member, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, AT);

    subject = subject.reopen();

    const again = subject.store.ensureMember(makeRef());
    expect(again).toEqual(member);
    expect(subject.store.listActivities(again)).toEqual([logged]);
    expect(subject.store.listCredentials(again)).toEqual([{ code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }]);
  });

  it('works in memory', () => {
    const handle = openDatabase(':memory:');
    const store = createSqliteStore(handle);
    const member = store.ensureMember(makeRef());
    store.addActivity(member, makeActivity(), AT);
    expect(store.listActivities(member)).toHaveLength(1);
    handle.close();
  });
});
