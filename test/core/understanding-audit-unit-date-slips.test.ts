/**
 * Slips in a unit or a date that the reply can name exactly: a misspelt unit ("hous", "pionts"),
 * "credits" that could be three units, and 29 February in a year that has none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add RMA certified 2025-01-10');
});
afterEach(() => t.close());

describe('a unit', () => {
  it.each([
    ['log 2 hous Sepsis', 'Did you mean “hours”?'],
    ['log 2 pionts Sepsis', 'Did you mean “points”?'],
    ['log 30 minuts Sepsis', 'Did you mean “minutes”?'],
    ['log 1 colege-credits Pharmacology', 'Did you mean “college-credits”?'],
  ])('`%s`, misspelt, is refused naming the unit meant', async (line, says) => {
    expect(await refusedCodes(t, line)).toEqual(['unknown-unit']);
    expect(await t.text(line)).toContain(says);
  });

  it.each(['log 2 credits Sepsis', 'I did 2 credits of general'])('`%s` asks which credits, naming each unit word', async (line) => {
    expect(await refusedCodes(t, line)).toEqual(['unknown-unit']);
    const text = await t.text(line);
    for (const unit of ['`nha-credits`', '`college-credits`', '`points`']) expect(text).toContain(unit);
  });

  it('`edit 1 unit hous` names the unit meant too', async () => {
    await t.say('log 2h Sepsis');
    expect(await refusedCodes(t, 'edit 1 unit hous')).toEqual(['unknown-unit']);
    expect(await t.text('edit 1 unit hous')).toContain('Did you mean “hours”?');
  });
});

describe('29 February without a year', () => {
  it('in an activity, names the last year that had one', async () => {
    expect(await refusedCodes(t, 'log 1h Sepsis on Feb 29')).toEqual(['impossible-date']);
    expect(await t.text('log 1h Sepsis on Feb 29')).toContain('2024-02-29');
  });

  it('in a pause, names the next year that has one', async () => {
    expect(await refusedCodes(t, 'pause until Feb 29')).toEqual(['impossible-date']);
    expect(await t.text('pause until Feb 29')).toContain('2028-02-29');
  });
});

describe('a day of the month without the month', () => {
  it.each([
    ['log 1h Sepsis on the 20th', '"Nov 20"'],
    ['log 1h Sepsis on the 28th', '"Oct 28"'],
  ])('`%s` asks for the month, naming the latest such day: %s', async (line, says) => {
    expect(await refusedCodes(t, line)).toEqual(['imprecise-date']);
    expect(await t.text(line)).toContain(says);
  });
});

describe('a part of today at the end of a log', () => {
  it.each(['log 1h Sepsis this morning', 'log 1h Sepsis this afternoon', 'log 1h Sepsis earlier today'])('`%s` is dated today, not kept in the title', async (line) => {
    expect((await t.say(line)).tone).toBe('success');
    expect(t.database.sqlite.prepare('SELECT completed_on, title FROM activities').get()).toEqual({ completed_on: '2026-11-24', title: 'Sepsis' });
  });
});
