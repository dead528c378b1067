/**
 * Console names as a chat user expects them: `@Bob` and `@bob` are one member, shown as first
 * typed; `@ceu-bot …` speaks to the bot (as a mention does in a channel), not as a member.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { replies, runConsole, tempDbPath } from './run-console.js';

describe('console member names', () => {
  it('acts as one member whatever the capitals, shown as first typed', async () => {
    const run = await runConsole(['@Bob credential add RMA expires 2027-04-30', '@bob log 5h', '@BOB status --json', 'team'], { CEU_DB: tempDbPath() });
    const [, , status, team] = replies(run.stdout);
    expect(JSON.parse(status!)).toMatchObject({ member: 'Bob', credentials: [{ code: 'RMA', earned: 5 }] });
    expect(team).toContain('Team: 2 members');
  });

  it('takes the console user in other capitals as the console user, an admin', async () => {
    const run = await runConsole(['credential add RMA expires 2027-04-30', '@ALICE status --json', '@Alice team'], { CEU_DB: tempDbPath() });
    const [, status, team] = replies(run.stdout);
    expect(JSON.parse(status!)).toMatchObject({ member: 'alice', credentials: [{ code: 'RMA' }] });
    expect(team).toContain('Team: 1 member');
  });

  it('keeps a capitalised CEU_USER as the id it always had, so what it logged before is still its own', async () => {
    const db = tempDbPath();
    const run = await runConsole(['credential add RMA expires 2027-04-30', '@alice status --json'], { CEU_DB: db, CEU_USER: 'Alice' });
    expect(JSON.parse(replies(run.stdout)[1]!)).toMatchObject({ member: 'Alice', credentials: [{ code: 'RMA' }] });
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT user_id FROM members').all()).toEqual([{ user_id: 'Alice' }]);
    } finally {
      sqlite.close();
    }
  });

  it('reads `@ceu-bot <command>` as said to the bot, by the console user', async () => {
    const run = await runConsole(['credential add RMA expires 2027-04-30', '@ceu-bot status --json', 'team'], { CEU_DB: tempDbPath() });
    const [, status, team] = replies(run.stdout);
    expect(JSON.parse(status!)).toMatchObject({ member: 'alice', credentials: [{ code: 'RMA' }] });
    expect(team).not.toContain('ceu-bot');
  });

  it('finds a member an older console stored with capitals (`Bob`) under any capitals, for commands and `admin`', async () => {
    const db = tempDbPath();
    await runConsole(['@bob credential add RMA expires 2027-04-30', '@bob log 5h'], { CEU_DB: db });
    // What a console before case-insensitive names stored for `@Bob`.
    const sqlite = new Database(db);
    try {
      sqlite.prepare("UPDATE members SET user_id = 'Bob' WHERE user_id = 'bob'").run();
    } finally {
      sqlite.close();
    }
    const run = await runConsole(['@bob status --json', '@BOB log 1h', 'admin add @bob', 'team'], { CEU_DB: db });
    const [status, , admin, team] = replies(run.stdout);
    expect(JSON.parse(status!)).toMatchObject({ credentials: [{ code: 'RMA', earned: 5 }] });
    expect(admin).toContain('is now an admin');
    expect(team).toContain('Team: 2 members');
    const after = new Database(db, { readonly: true });
    try {
      expect(after.prepare('SELECT user_id, named_admin FROM members ORDER BY id').all()).toEqual([{ user_id: 'Bob', named_admin: 1 }, { user_id: 'alice', named_admin: 0 }]);
    } finally {
      after.close();
    }
  });

  it('keeps a stored member spelt like the console user in other capitals, and leaves @ in a title as typed', async () => {
    const db = tempDbPath();
    await runConsole(['credential add RMA expires 2027-04-30'], { CEU_DB: db });
    // What an older console stored for `@Alice` beside the console user alice: a member of her own.
    const sqlite = new Database(db);
    try {
      sqlite.prepare("INSERT INTO members (workspace_id, user_id, display_name) VALUES (1, 'Alice', 'Alice')").run();
    } finally {
      sqlite.close();
    }
    const run = await runConsole(['@Alice status --json', '@dana log 1h general "Lunch with @Alice and @DANA"', '@dana history'], { CEU_DB: db });
    const [status, , history] = replies(run.stdout);
    expect(JSON.parse(status!)).toMatchObject({ member: 'Alice', credentials: [] });
    expect(history).toContain('“Lunch with @Alice and @DANA”');
  });
});

