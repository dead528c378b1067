/**
 * Credentials as people talk about them: "I renewed my CMA last week", "my credentials",
 * `credential delete RMA`, `credential add CMA exp 2027-02-28`, a date with no word saying what it
 * is, and a renewal of a credential that lapsed long ago.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-24T15:00:00Z');
});
afterEach(() => t.close());

const held = () => t.database.sqlite.prepare('SELECT code, expires_on FROM credentials WHERE removed_at IS NULL ORDER BY id').all();

describe('a renewal said in plain words', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('credential add RMA certified 2024-05-01');
  });

  it.each([
    // A CMA runs 60 months from the end of the month it was renewed in (RULES.md).
    ['I renewed my CMA last week', [{ code: 'CMA', expires_on: '2031-11-30' }, { code: 'RMA', expires_on: '2027-04-30' }]],
    ['I got my CMA renewed on Nov 20', [{ code: 'CMA', expires_on: '2031-11-30' }, { code: 'RMA', expires_on: '2027-04-30' }]],
    // AMT: the next 3-year cycle starts the day after this one ends.
    ['I just renewed my RMA', [{ code: 'CMA', expires_on: '2027-02-28' }, { code: 'RMA', expires_on: '2030-04-30' }]],
    ['renewed my rma!', [{ code: 'CMA', expires_on: '2027-02-28' }, { code: 'RMA', expires_on: '2030-04-30' }]],
    // The day alone may follow the credential, with a stop or "!" after it.
    ['I renewed my CMA yesterday.', [{ code: 'CMA', expires_on: '2031-11-30' }, { code: 'RMA', expires_on: '2027-04-30' }]],
    ['i renewed my cma today', [{ code: 'CMA', expires_on: '2031-11-30' }, { code: 'RMA', expires_on: '2027-04-30' }]],
    ['I got my CMA renewed yesterday!', [{ code: 'CMA', expires_on: '2031-11-30' }, { code: 'RMA', expires_on: '2027-04-30' }]],
  ])('"%s" renews that credential', async (said, after) => {
    const reply = await t.say(said);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(held()).toEqual(after);
  });

  it('reads the day it names, refusing a day in the future', async () => {
    expect(await refusedCodes(t, 'I renewed my CMA tomorrow')).toEqual(['future-date']);
  });

  it('"I haven\'t renewed my CMA yet" renews nothing', async () => {
    expect((await t.say("I haven't renewed my CMA yet")).tone).toBe('error');
    expect(held()).toEqual([{ code: 'CMA', expires_on: '2027-02-28' }, { code: 'RMA', expires_on: '2027-04-30' }]);
  });
});

describe('the credentials held, asked in plain words', () => {
  it.each(['my credentials', 'what credentials do I have?', 'which certifications do I have', 'what certs am I tracking'])('"%s" lists them', async (said) => {
    await t.say('credential add CMA expires 2027-02-28');
    const text = await t.text(said);
    expect(text).toContain('Your credentials');
    expect(text).toContain('CMA (AAMA)');
  });
});

describe('`credential` with other words for its parts', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('credential add RMA certified 2024-05-01');
  });

  it.each(['change my CMA expiration to 2027-01-31', 'update my CMA expiry date to 2027-01-31', "set my CMA's expiry to Jan 31 2027", 'my CMA expires 2027-01-31', 'my CMA expires Jan 31, 2027', 'my CMA expires 31 January 2027.', 'my CMA expires 01/31/2027', 'my CMA expires 01/2027'])(
    '"%s" changes the expiry, as `credential add CMA expires …` does',
    async (said) => {
      const reply = await t.say(said);
      expect(reply.tone, renderText(reply)).toBe('success');
      expect(held()).toContainEqual({ code: 'CMA', expires_on: '2027-01-31' });
    },
  );

  it.each([['credential lst', '`credential list`'], ['credential remvoe RMA', '`credential remove RMA`'], ['credential renw CMA', '`credential renew CMA`']])(
    '`%s`, a misspelt action, is refused naming %s',
    async (line, says) => {
      expect(await refusedCodes(t, line)).toEqual(['invalid-action']);
      expect(await t.text(line)).toContain(`Did you mean ${says}?`);
    },
  );

  it('`credential delete RMA` removes it', async () => {
    expect((await t.say('credential delete RMA')).tone).toBe('success');
    expect(held()).toEqual([{ code: 'CMA', expires_on: '2027-02-28' }]);
  });

  it('`credential update CMA expires 2027-01-31` changes the expiry', async () => {
    expect((await t.say('credential update CMA expires 2027-01-31')).tone).toBe('success');
    expect(held()).toContainEqual({ code: 'CMA', expires_on: '2027-01-31' });
  });

  it.each(['credential add CMA exp 2027-01-31', 'credential add CMA exp. 01/31/2027', 'credential add CMA expiration 2027-01-31'])('`%s` reads the expiry', async (line) => {
    expect((await t.say(line)).tone).toBe('success');
    expect(held()).toContainEqual({ code: 'CMA', expires_on: '2027-01-31' });
  });

  it('`credential add NCMA 2026-01-10` asks whether the date is the expiry or the certification, changing nothing', async () => {
    expect(await refusedCodes(t, 'credential add NCMA 2026-01-10')).toEqual(['missing-date']);
    const text = await t.text('credential add NCMA 2026-01-10');
    expect(text).toContain('`credential add NCMA expires 2026-01-10`');
    expect(text).toContain('`credential add NCMA certified 2026-01-10`');
    expect(text).not.toContain('I did not understand');
  });

  it('`credential CMA expires 2027-01-31`, with no action, gives the line with `add`, changing nothing', async () => {
    expect(await refusedCodes(t, 'credential CMA expires 2027-01-31')).toEqual(['invalid-action']);
    expect(await t.text('credential CMA expires 2027-01-31')).toContain('`credential add CMA expires 2027-01-31`');
  });
});

describe('renewing a credential that lapsed long ago', () => {
  it('is refused rather than starting a cycle that is over already, changing nothing', async () => {
    await t.say('credential add RMA expires 2020-01-01');
    expect(await refusedCodes(t, 'credential renew RMA')).toEqual(['renew-too-late']);
    expect(await t.text('credential renew RMA')).toContain('`credential add RMA certified <date>`');
  });

  it('still renews one that lapsed days ago into a cycle that is running', async () => {
    await t.say('credential add RMA expires 2026-11-20');
    expect((await t.say('credential renew RMA')).tone).toBe('success');
    expect(held()).toEqual([{ code: 'RMA', expires_on: '2029-11-20' }]);
  });
});

describe('one credential named after `status`, `need` or `history`', () => {
  beforeEach(async () => {
    await t.say('credential add RMA certified 2024-05-01');
    await t.say('log 2h Sepsis');
  });

  it.each([
    ['status RMA', '`status`'],
    ['need for my RMA', '`need`'],
  ])('`%s` says the command shows every credential, and how to see that one\'s activities', async (line, command) => {
    expect(await refusedCodes(t, line)).toEqual(['unexpected-words']);
    const text = await t.text(line);
    expect(text).toContain(`type ${command} alone`);
    expect(text).toContain('`history RMA`');
  });

  it.each(['history for RMA', 'history for my RMA', 'history of my RMA'])('`%s` shows that credential\'s activities', async (line) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).not.toBe('error');
    expect(renderText(reply)).toContain('Activities for RMA');
  });
});
