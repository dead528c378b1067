/**
 * With non-AAMA credit the CMA's submit-by date falls 21 days before its expiry (processing time).
 * Between the two, `need` must not ask for credit "by" a date already gone: the member can still
 * act, and is told to do it now.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2027-02-20T12:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 50 points clinical aama on 2026-01-01');
  await t.say('log 5 points general on 2026-01-01');
});
afterEach(() => t.close());

it('asks for the missing credit as soon as possible, not by a submit-by date already past', async () => {
  const need = await t.text('need');
  expect(need).not.toMatch(/points by 2027-02-07/);
  expect(need).toContain('10 administrative and 5 general points as soon as you can: the submit-by date, 2027-02-07, was 13 days ago.');
  expect(await t.text('status')).toContain('Submit by: 2027-02-07 (13 days ago; submit as soon as you can)');
});

it('says to submit as soon as possible once the credit is complete', async () => {
  await t.say('log 10 points admin aama on 2026-01-02');
  await t.say('log 5 points general aama on 2026-01-02');
  expect(await t.text('need')).toContain('Nothing more needed: submit your renewal as soon as you can: the submit-by date, 2027-02-07, was 13 days ago.');
});

it('keeps the submit-by date while it is ahead', async () => {
  const early = makeBot('2027-02-01T12:00:00Z');
  try {
    await early.say('credential add CMA expires 2027-02-28');
    await early.say('log 5 points general on 2026-01-01');
    expect(await early.text('need')).toContain('by 2027-02-07 (6 days left');
    expect(await early.text('status')).toContain('Submit by: 2027-02-07 (6 days left)');
  } finally {
    early.close();
  }
});
