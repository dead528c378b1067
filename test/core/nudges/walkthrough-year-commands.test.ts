/**
 * The commands a clinic manager and staff use around their reminders, read months apart on one
 * SQLite file: what they say must still be true when the clock has moved on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText, type Bot } from '../../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../../src/storage/index.js';

let dir: string;
let database: DatabaseHandle;
let nowMs: number;
let bot: Bot;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceu-walkthrough-'));
  database = openDatabase(join(dir, 'ceu.sqlite'));
  nowMs = Date.parse('2026-11-02T15:00:00Z');
  bot = createBot({ store: createSqliteStore(database), clock: { now: () => new Date(nowMs) } });
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const moveTo = (at: string) => (nowMs = Date.parse(at));

async function say(userId: string, text: string): Promise<string> {
  const actor = { platform: 'console' as const, tenantId: 'console', userId, displayName: userId, isAdmin: userId === 'manager' };
  return renderText(await bot.handle({ actor, conversation: { id: `console:${userId}`, isDirect: true }, input: { kind: 'text', text } }));
}

describe('settings, after a pause has ended', () => {
  it('say the member is not paused, not that reminders are paused until a day gone by', async () => {
    expect(await say('cara', 'pause until 2026-11-20')).toContain('Reminders paused until 2026-11-20.');
    expect(await say('cara', 'settings')).toContain('Paused until: 2026-11-20');
    moveTo('2026-11-20T15:00:00Z'); // the day reminders resume
    expect(await say('cara', 'settings')).toContain('Paused until: not paused');
    moveTo('2027-08-02T15:00:00Z');
    expect(await say('cara', 'settings nudges off')).toContain('Paused until: not paused');
  });
});

describe('the digest set again as it is', () => {
  it('does not promise a note in the channel that is never posted', async () => {
    const notes = () => database.sqlite.prepare("select key from outbox where key like 'digest-set:%'").pluck().all();
    expect(await say('manager', 'digest channel #staff weekly mon 09:00')).toContain('I will post a short note there within minutes');
    expect(notes()).toEqual(['digest-set:staff|1|09:00|UTC']);
    moveTo('2026-11-03T15:00:00Z');
    const again = await say('manager', 'digest channel #staff weekly monday 09:00');
    expect(notes()).toEqual(['digest-set:staff|1|09:00|UTC']);
    expect(again).toContain('Weekly digest set: every Monday at 09:00 (UTC) in #staff.');
    expect(again).not.toContain('I will post a short note');
    expect(again).toContain('It was already set this way, so no new note goes to the channel.');
    // A new time is a new note.
    expect(await say('manager', 'digest channel #staff weekly mon 10:00')).toContain('I will post a short note there within minutes');
    expect(notes()).toContain('digest-set:staff|1|10:00|UTC');
  });
});

describe('team, once the CE route of a member whose CE was complete has closed', () => {
  it('does not show them only as needing the exam', async () => {
    await say('ana', 'credential add CMA expires 2027-02-28');
    for (const line of ['log 20 points clinical aama on 2025-05-01', 'log 20 points administrative aama on 2025-06-01', 'log 20 points general aama on 2026-10-12']) await say('ana', line);
    await say('ben', 'credential add CMA expires 2027-02-28');
    moveTo('2027-06-01T15:00:00Z');
    const team = await say('manager', 'team');
    expect(team).toContain('CMA: expired 2027-02-28 (93 days ago), may not be used until renewed; CE was complete: renewal not recorded here, else exam required (CE route closed after 2027-05-29)');
    expect(team).toContain('CMA: expired 2027-02-28 (93 days ago), may not be used until renewed; exam required (CE route closed after 2027-05-29)');
  });
});
