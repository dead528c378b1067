import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-24T15:00:00Z');
});
afterEach(() => t.close());

const credentials = () => t.database.sqlite.prepare('SELECT code FROM credentials ORDER BY id').all();

describe('a noun and verb typed the other way round', () => {
  it('"add credential CMA expires 2027-02-28" adds the credential', async () => {
    const reply = await t.say('add credential CMA expires 2027-02-28');
    expect(reply.tone).not.toBe('error');
    expect(credentials()).toEqual([{ code: 'CMA' }]);
  });

  it('"add CMA expires 2027-02-28" adds the credential (a log never starts with a credential code)', async () => {
    await t.say('add CMA expires 2027-02-28');
    expect(credentials()).toEqual([{ code: 'CMA' }]);
  });

  it('"list credentials" and "remove credential CMA" run the credential command', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect(await t.text('list credentials')).toContain('CMA');
    expect((await t.say('remove credential CMA')).tone).toBe('success');
    expect(await t.text('credential list')).toContain('You hold no credentials');
  });

  it('still logs "add 2h clinical" and a CPR card with "add cpr on …"', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect((await t.say('add 2h clinical Sepsis')).tone).toBe('success');
    expect((await t.say('add cpr on 2024-06-20')).tone).toBe('success');
    expect(t.database.sqlite.prepare('SELECT unit FROM activities ORDER BY id').all()).toEqual([{ unit: 'hours' }, { unit: 'card' }]);
  });

  it('a swapped line that is still wrong is refused by the credential command and changes nothing', async () => {
    const before = dumpTables(t.database.sqlite);
    const reply = await t.say('add credential XYZ expires 2027-02-28');
    expect(reply.tone).toBe('error');
    expect(reply.usage ?? '').toMatch(/^credential/);
    expect(dumpTables(t.database.sqlite)).toEqual(before);
  });
});
