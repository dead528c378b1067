/** What an operator sees when `npm start` cannot start: one line on stderr naming what to set, nothing else. */
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { replies, runConsole } from './run-console.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
// Root writes through file modes: the read-only case runs the program as `nobody` then.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;


function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ceu-startup-'));
  chmodSync(dir, 0o777);
  return dir;
}

describe('start-up problems, as the operator sees them', () => {
  it('refuses a database file it may not write before answering anything, in one line naming CEU_DB', async () => {
    const db = join(tempDir(), 'ceu.sqlite');
    const made = await runConsole(['credential add RMA expires 2027-04-30'], { CEU_DB: db });
    expect(made.code).toBe(0);
    chmodSync(db, 0o444);
    const run1 = await runConsole(['status', 'log 1h general'], { CEU_DB: db }, asRoot ? NOBODY : undefined);
    expect(run1.code).toBe(1);
    expect(run1.stdout).toBe('');
    expect(run1.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/CEU_DB/)]);
    expect(run1.stderr).toContain(db);
    expect(run1.stderr).toMatch(/writ/);
    // Nothing was lost: the file still answers once it may be written again.
    chmodSync(db, 0o644);
    const after = await runConsole(['status --json'], { CEU_DB: db });
    expect(JSON.parse(replies(after.stdout)[0]!)).toMatchObject({ credentials: [{ code: 'RMA' }] });
  }, 60_000);

  it('says the same when the read-only file is one a newer version must first bring up to date', async () => {
    const db = join(tempDir(), 'ceu.sqlite');
    // As if written by the previous version: every migration but the last applied.
    const previous = join(tempDir(), 'drizzle');
    cpSync(join(ROOT, 'drizzle'), previous, { recursive: true });
    const journalPath = join(previous, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const sqlite = new Database(db);
    sqlite.pragma('journal_mode = WAL');
    migrate(drizzle(sqlite), { migrationsFolder: previous });
    sqlite.close();
    chmodSync(db, 0o444);
    const run1 = await runConsole(['status'], { CEU_DB: db }, asRoot ? NOBODY : undefined);
    expect(run1.code).toBe(1);
    expect(run1.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/CEU_DB.*readonly.*writable/)]);
  }, 60_000);

  it('names CEU_DB when its folder cannot be made (a file is in the way)', async () => {
    const blocker = join(tempDir(), 'data');
    writeFileSync(blocker, 'not a folder');
    const run1 = await runConsole(['status'], { CEU_DB: join(blocker, 'ceu.sqlite') });
    expect(run1.code).toBe(1);
    expect(run1.stdout).toBe('');
    expect(run1.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/CEU_DB/)]);
    expect(run1.stderr).toContain(join(blocker, 'ceu.sqlite'));
  }, 30_000);

  it('names CEU_DB when it points at a file that is not a ceu-bot database', async () => {
    const other = join(tempDir(), 'notes.txt');
    writeFileSync(other, 'shopping list\n'.repeat(200));
    const run1 = await runConsole(['status'], { CEU_DB: other });
    expect(run1.code).toBe(1);
    expect(run1.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/CEU_DB.*not a database/)]);
  }, 30_000);

  it('prints a configuration error as one line per problem', async () => {
    const run1 = await runConsole(['status'], { CEU_SWEEP_INTERVAL: 'abc', CEU_DB: join(tempDir(), 'ceu.sqlite') });
    expect(run1.code).toBe(2);
    expect(run1.stdout).toBe('');
    expect(run1.stderr).toMatch(/^Configuration error: CEU_SWEEP_INTERVAL must [^\n]*1h\n$/);
  }, 30_000);

  it('warns of a misspelt platform variable on stderr and goes on, without its value', async () => {
    const run1 = await runConsole(['status'], { SLACK_BOT_TOKN: 'xoxb-3-secret', CEU_DB: join(tempDir(), 'ceu.sqlite') });
    expect(run1.code).toBe(0);
    expect(run1.stderr).toContain('Configuration warning: SLACK_BOT_TOKN is not a variable ceu-bot reads, so it is ignored: did you mean SLACK_BOT_TOKEN?');
    expect(run1.stderr + run1.stdout).not.toContain('xoxb-3-secret');
    expect(run1.stdout).toContain('no credentials');
  }, 30_000);
});
