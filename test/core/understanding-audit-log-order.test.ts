/**
 * `log` with its words in another order: the amount after the title or the date ("log Sepsis 2h
 * clinical", "log yesterday 2h clinical"), the unit before the number, the category between the
 * number and its unit. Refused with the line in the order `log` reads, or read when it can only
 * mean one thing; never "a second amount" for the only one typed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const logged = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category, title FROM activities ORDER BY id').all();

describe('the amount after other words', () => {
  it.each([
    ['log Sepsis 2h clinical', '`log 2h clinical Sepsis`'],
    ['log yesterday 2h clinical', '`log 2h clinical yesterday`'],
    ['log on Nov 1 2h clinical', '`log 2h clinical on Nov 1`'],
    ['log clinical Sepsis 2h', '`log 2h clinical Sepsis`'],
    ['log hours 2 clinical', '`log 2 hours clinical`'],
    ['log "Wound care" 90 min admin', '`log 90 min admin "Wound care"`'],
    ['log Module 3 1.5h general', '`log 1.5h general Module 3`'],
  ])('`%s` is refused with the amount first, %s, changing nothing', async (line, says) => {
    expect(await refusedCodes(t, line)).toEqual(['amount-first']);
    const text = await t.text(line);
    expect(text).toContain(says);
    expect(text).not.toContain('second one');
  });

  it('still says what to type for a line with no amount at all', async () => {
    expect(await refusedCodes(t, 'log Sepsis clinical')).toEqual(['invalid-amount']);
  });
});

describe('the category between the number and its unit', () => {
  it('`log 2 clinical hours Sepsis` logs 2 hours of clinical', async () => {
    const reply = await t.say('log 2 clinical hours Sepsis');
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(logged()).toEqual([{ completed_on: '2026-11-24', amount: '2', unit: 'hours', category: 'clinical', title: 'Sepsis' }]);
  });
});
