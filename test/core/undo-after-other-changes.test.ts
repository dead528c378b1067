import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

describe('undo after a credential or settings change', () => {
  it.each([
    ['credential add CMA expires 2031-02-28', /credentials \(CMA\).*`credential add CMA expires 2027-02-28`.*`delete 1`/],
    ['credential remove CMA', /credentials \(CMA removed\).*`delete 1`/],
    ['settings tz America/Chicago', /your settings.*`delete 1`/],
  ])('after `%s`, refuses to take back the earlier log and changes nothing', async (change, says) => {
    await t.say('log 2h clinical "Important course" aama');
    expect((await t.say(change)).tone).toBe('success');
    const before = t.snapshot();
    const reply = await t.say('undo');
    expect(problemCodes(reply)).toEqual(['undo-after-other-change']);
    expect(reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toMatch(says);
    expect(t.snapshot()).toBe(before);
  });

  it('after a renewal or a changed expiry, says how to put the credential back as it was, first', async () => {
    await t.say('log 2h clinical "Important course" aama');
    await t.say('credential add CMA expires 2032-02-29');
    const said = (await t.say('undo')).blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(said).toMatch(/To put CMA back as it was: `credential add CMA expires 2027-02-28`\..*`delete 1`/);
  });

  it('still walks back consecutive logs and edits made after the credential change', async () => {
    await t.say('log 2h clinical A');
    await t.say('credential add CMA expires 2031-02-28');
    await t.say('log 1h general B');
    await t.say('edit 2 amount 3h');
    expect(await t.text('undo')).toContain('Undid the edit');
    expect(await t.text('undo')).toContain('Undid the log of #2');
    expect(problemCodes(await t.say('undo'))).toEqual(['undo-after-other-change']);
  });

  it('takes back an earlier delete with `undo anyway`, so a deleted activity is never out of reach', async () => {
    await t.say('log 2h clinical A');
    await t.say('delete 1');
    await t.say('settings tz America/Chicago');
    expect(await t.text('undo')).toContain('`undo anyway`');
    expect(await t.text('undo anyway')).toContain('Undid the delete');
    expect(await t.text('history')).toContain('#1');
  });
});
