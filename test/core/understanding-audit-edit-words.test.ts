/**
 * `edit` as people type it: a unit where the field goes ("edit 1 hours 3"), the new value alone
 * ("change #1 to 3 hours"), "to" before the value, the field named in words ("change the date of
 * #1 to yesterday"). Each is either read as the one edit it can only mean, or refused with the
 * exact line to type instead, changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical Sepsis on 2026-11-01');
});
afterEach(() => t.close());

const activity = () => t.database.sqlite.prepare('SELECT amount, unit, category, title, completed_on FROM activities WHERE id = 1').get();

/** Refused, changing nothing, with one problem of `code` whose reply contains `says`. */
async function refusedSaying(line: string, code: string, says: string): Promise<void> {
  expect(await refusedCodes(t, line)).toEqual([code]);
  expect(await t.text(line)).toContain(says);
}

describe('a unit, a category or a value where the field goes', () => {
  it.each([
    ['edit 1 hours 3', '`edit 1 amount 3h`'],
    ['edit 1 hrs 3', '`edit 1 amount 3h`'],
    ['edit 1 minutes 30', '`edit 1 amount 30min`'],
    ['edit 1 ceu 3', '`edit 1 amount 3 ceu`'],
    ['edit 1 points 4', '`edit 1 amount 4 points`'],
    ['edit 1 hours to 3', '`edit 1 amount 3h`'],
    ['edit 1 hours', '`edit 1 amount 3h`'],
  ])('`%s` names a unit, not a field: it says to type %s', async (line, says) => {
    await refusedSaying(line, 'unknown-field', says);
  });

  it.each([
    ['edit 1 ammount 3h', '`edit 1 amount 3h`'],
    ['edit 1 catagory admin', '`edit 1 category admin`'],
    ['edit 1 tittle "Sepsis update"', '`edit 1 title "Sepsis update"`'],
  ])('`%s`, a misspelt field, gets the line with the field spelt right: %s', async (line, says) => {
    await refusedSaying(line, 'unknown-field', says);
  });

  it.each([
    ['edit 1 3h', { amount: '3', unit: 'hours' }],
    ['edit 1 3 hours', { amount: '3', unit: 'hours' }],
    ['change #1 to 3 hours', { amount: '3', unit: 'hours' }],
    ['change 1 to admin', { category: 'administrative' }],
    ['edit 1 general', { category: 'general' }],
    ['change #1 to yesterday', { completed_on: '2026-11-23' }],
    ['edit 1 Nov 3', { completed_on: '2026-11-03' }],
  ])('`%s` changes the one field its value can only be', async (line, changed) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(activity()).toMatchObject(changed);
  });

  it.each([
    ['change #1 to Sepsis update', '`edit 1 title "Sepsis update"`'],
    ['edit 1 to 3', '`edit 1 amount 3`'],
  ])('`%s`, whose value could be more than one field, asks which, e.g. %s', async (line, says) => {
    await refusedSaying(line, 'unknown-field', says);
  });

  it('does not add "give the new value" to the reply for a field word that was the value', async () => {
    expect(await t.text('edit 1 clinical')).not.toContain('Give the new value');
  });
});

describe('"to" before the value, and the field in words', () => {
  it.each([
    ['edit 1 date to yesterday', { completed_on: '2026-11-23' }],
    ['edit 1 amount to 3h', { amount: '3', unit: 'hours' }],
    ['change the date of #1 to yesterday', { completed_on: '2026-11-23' }],
    ['change the amount of activity 1 to 90 min', { amount: '90', unit: 'minutes' }],
    ['change the category for #1 to general', { category: 'general' }],
    ["change #1's date to Nov 2", { completed_on: '2026-11-02' }],
    ['change the title of #1 to HIPAA basics', { title: 'HIPAA basics' }],
    ['change the title of activity 1 HIPAA basics', { title: 'HIPAA basics' }],
    ['set the title of number 1 to HIPAA basics', { title: 'HIPAA basics' }],
    ['change the amount for entry 1 to 90 min', { amount: '90', unit: 'minutes' }],
    ['edit 1 title to "HIPAA basics"', { title: 'HIPAA basics' }],
    ['edit 1 name "Sepsis update"', { title: 'Sepsis update' }],
  ])('`%s` edits', async (line, changed) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(activity()).toMatchObject(changed);
  });

  it('keeps a quoted title that starts with "to"', async () => {
    await t.say('edit 1 title "To err is human"');
    expect(activity()).toMatchObject({ title: 'To err is human' });
  });
});

describe('a missing value', () => {
  it.each([
    ['edit 1 title', '`edit 1 title "Sepsis update"`'],
    ['edit 1 amount', '`edit 1 amount 3h`'],
    ['edit 1 date', '`edit 1 date 2026-11-01`'],
  ])('`%s` shows that field with a value, for that activity: %s', async (line, says) => {
    await refusedSaying(line, 'invalid-value', says);
  });
});
