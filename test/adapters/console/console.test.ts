import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { replies, runConsole, tempDbPath } from './run-console.js';

describe('the console, driven through stdin as a child process', () => {
  it('answers one reply per line, plain text, a blank line after each, and exits 0 at end of input', async () => {
    const db = tempDbPath();
    const run = await runConsole(['credential add CMA expires 2027-02-28', 'log 2h clinical "Phlebotomy basics" from Relias on 2026-11-01 aama', 'status'], { CEU_DB: db });
    expect(run.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout.endsWith('\n\n')).toBe(true);
    const [added, logged, status] = replies(run.stdout);
    expect(added).toContain('Tracking Certified Medical Assistant');
    expect(logged).toContain('CMA: +2 points clinical, AAMA-approved; now 2 of 60 points');
    expect(status).toMatch(/Total\s+\[#-+\] 2\/60 points/);
  });

  it('runs the README demo to a clean exit, saving what `status` counted instead of warning', async () => {
    const db = tempDbPath();
    const run = await runConsole(['credential add CMA expires 2027-02-28', 'status'], { CEU_DB: db });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT COUNT(*) AS n FROM member_tallies').get()).toEqual({ n: 1 });
    } finally {
      sqlite.close();
    }
  });

  it('prints a --json reply as exactly one line of JSON', async () => {
    const run = await runConsole(['credential add RMA expires 2027-04-30', 'log 3h', 'status --json'], { CEU_DB: tempDbPath() });
    const json = replies(run.stdout)[2]!;
    expect(json.split('\n')).toHaveLength(1);
    expect(JSON.parse(json)).toMatchObject({ member: 'alice', asOf: '2026-11-24', credentials: [{ code: 'RMA', earned: 3, remaining: 27 }] });
  });

  it('keeps data in the file between runs', async () => {
    const db = tempDbPath();
    await runConsole(['credential add RMA expires 2027-04-30', 'log 3h'], { CEU_DB: db });
    const run = await runConsole(['need --json'], { CEU_DB: db });
    expect(JSON.parse(replies(run.stdout)[0]!).credentials[0].remaining).toBe(27);
  });

  it('acts as another member with @name, and only the console user is admin', async () => {
    const run = await runConsole(
      ['@bob credential add RMA expires 2027-04-30', '@bob log 5h', '@bob status --json', 'status --json', '@bob settings rule ncma.hoursPerYear 12', 'settings rule ncma.hoursPerYear 12'],
      { CEU_DB: tempDbPath() },
    );
    const [, , bob, alice, bobRule, aliceRule] = replies(run.stdout);
    expect(JSON.parse(bob!)).toMatchObject({ member: 'bob', credentials: [{ earned: 5 }] });
    expect(JSON.parse(alice!)).toMatchObject({ member: 'alice', credentials: [] });
    expect(bobRule).toContain('Only an admin');
    expect(aliceRule).toContain('now 12');
  });

  it('acts as a member whose name is not plain ASCII', async () => {
    const run = await runConsole(['@élodie status --json'], { CEU_DB: tempDbPath() });
    expect(JSON.parse(replies(run.stdout)[0]!)).toMatchObject({ member: 'élodie' });
  });

  it('answers a mistake with what to type instead and goes on', async () => {
    const run = await runConsole(['log 500h clinical', 'lgo 2h', 'how am I doing?'], { CEU_DB: tempDbPath() });
    const [tooMuch, typo, status] = replies(run.stdout);
    expect(tooMuch).toContain('more than 100 hours in one entry');
    expect(tooMuch).toContain('Usage: log <amount><unit>');
    expect(typo).toContain('Did you mean `log`?');
    expect(status).toContain('You have no credentials yet');
    expect(run.code).toBe(0);
  });

  it('uses CEU_NOW as the clock', async () => {
    const run = await runConsole(['log 1h general Ethics', 'history'], { CEU_DB: tempDbPath(), CEU_NOW: '2025-03-15T10:00:00Z' });
    expect(replies(run.stdout)[1]).toContain('#1 2025-03-15 1 hour general');
  });

  it('refuses a half-configured platform at start-up, naming the missing variable', async () => {
    const run = await runConsole([], { CEU_DB: tempDbPath(), SLACK_BOT_TOKEN: 'xoxb-top-secret' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(run.stderr + run.stdout).not.toContain('xoxb-top-secret');
  });
});
