/**
 * "Every bad input gets a clear, specific reply and changes nothing": each refusal below is
 * checked against every table of the real SQLite file, bookkeeping included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
const tables = () => dumpTables(t.database.sqlite);
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical "Sepsis" from Relias on 2026-11-01');
});
afterEach(() => t.close());

describe('a refused command', () => {
  const refusals: Array<[string, string]> = [
    ['log 500h clinical Marathon', 'amount-too-large'],
    ['log 0.5 ceu clinical Short', 'ambiguous-ceu'],
    ['log 2h Untitled', 'missing-category'],
    ['log 2h clinical on 2030-01-01', 'future-date'],
    ['edit 1 date 2030-01-01', 'future-date'],
    ['edit 1 amount 2h', 'nothing-to-change'],
    ['edit 99 amount 3h', 'activity-not-found'],
    ['delete 99', 'activity-not-found'],
    ['credential remove RMA', 'credential-not-held'],
    ['credential renew RMA', 'credential-not-held'],
    ['credential add CMA expires 2040-01-31', 'expiry-too-far'],
    ['snooze RMA', 'credential-not-held'],
    ['snooze CMA 200', 'invalid-days'],
    ['pause until 2020-01-01', 'pause-in-past'],
    ['settings tz Mars/Base', 'unknown-time-zone'],
    ['settings quiet 25:00-07:00', 'invalid-quiet-hours'],
    ['settings rule ncma.hoursPerYear 12', 'admin-only'],
    ['settings ladder 30 7', 'admin-only'],
    ['admin add @dana', 'admin-only'],
    ['digest off', 'admin-only'],
    ['undo everything', 'unexpected-words'],
  ];
  it.each(refusals)('`%s` is refused (%s), says what to type, and changes no table', async (line, code) => {
    const before = tables();
    const reply = await t.say(line);
    expect(reply.tone).toBe('error');
    expect(problemCodes(reply)).toContain(code);
    expect(reply.blocks.length).toBeGreaterThan(0);
    expect(tables()).toEqual(before);
  });

  it("changes no table when the id is another member's, another workspace's, or deleted", async () => {
    await t.say('log 1h general Bob', { userId: 'bob' });
    await t.say('log 1h general Elsewhere', { tenantId: 'other-clinic' });
    await t.say('log 1h general Gone');
    await t.say('delete 4');
    const before = tables();
    for (const line of ['edit 2 amount 3h', 'delete 2']) expect(problemCodes(await t.say(line))).toEqual(['not-your-activity']);
    for (const line of ['edit 3 amount 3h', 'delete 3', 'edit 4 amount 3h', 'delete 4']) expect(problemCodes(await t.say(line))).toEqual(['activity-not-found']);
    expect(tables()).toEqual(before);
  });
});

describe('a setting that is already so', () => {
  it.each(['settings nudges on', 'settings quiet off', 'pause off', 'settings named on'])('`%s` changes no table and leaves undo alone', async (line) => {
    const before = tables();
    const reply = await t.say(line);
    expect(reply.tone).not.toBe('error');
    expect(tables()).toEqual(before);
    expect(await t.text('undo')).toContain('Undid the log of #1');
  });

  it('still audits a setting that does change, with the value before', async () => {
    await t.say('settings quiet 21:00-07:00');
    await t.say('settings quiet 21:00-07:00 nudges off');
    const rows = t.database.sqlite.prepare("select before, after from audit where action = 'settings' order by id").all() as { before: string; after: string }[];
    expect(rows.map((r) => [JSON.parse(r.before).quietHours, JSON.parse(r.after).nudges])).toEqual([[null, true], ['21:00-07:00', false]]);
  });
});

describe('a structured edit with a blank value', () => {
  it.each(['title', 'provider'])('refuses a blank %s and keeps the old one', async (field) => {
    const before = tables();
    const reply = await t.structured('edit', { id: 1, field, value: '   ' });
    expect(reply.tone).toBe('error');
    expect(problemCodes(reply)).toEqual(['invalid-value']);
    expect(reply.usage).toMatch(/^edit /);
    expect(tables()).toEqual(before);
  });
});
