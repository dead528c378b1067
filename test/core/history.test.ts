import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical Sepsis aama on 2026-11-01');
});
afterEach(() => t.close());

it('says so when asked about a credential the member does not track, and what to type instead', async () => {
  const reply = await t.say('history RMA');
  expect(problemCodes(reply)).toEqual(['credential-not-held']);
  expect(await t.text('history RMA')).toContain("You don't track RMA, so nothing counts toward it. Try `history CMA` (you track CMA) or `history`.");
  expect(await t.text('history CMA')).toContain('CMA: +2 points clinical, AAMA-approved');
});

it('says there is no such page instead of showing another', async () => {
  const reply = await t.say('history page 9');
  expect(problemCodes(reply)).toEqual(['no-such-page']);
  expect(await t.text('history page 9')).toContain('There is 1 page, so no page 9: `history` shows it.');
  expect(await t.text('history page 1')).toContain('Activities (page 1 of 1)');
});
