/** `history`'s options as Discord sends them (typed: the page is a number) and as people type them. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
  for (let i = 1; i <= 12; i++) await t.say(`log 1h clinical on 2026-10-${String(i).padStart(2, '0')}`);
});
afterEach(() => t.close());

it('shows the page a Discord slash command asks for with its integer option', async () => {
  const reply = await t.structured('history', { page: 2 });
  expect(reply.tone).not.toBe('error');
  expect(renderText(reply)).toContain('Activities (page 2 of 2)');
  expect(renderText(await t.structured('history', { credential: 'CMA', page: 2 }))).toContain('Activities for CMA (page 2 of 2)');
});

it('refuses a typed page that is not a whole number from 1, saying so', async () => {
  for (const page of [0, 2.5, -1]) {
    const reply = await t.structured('history', { page });
    expect(problemCodes(reply)).toEqual(['invalid-page']);
    expect(renderText(reply)).toContain('`history page 2`');
  }
});

it('points a bare number to the page it probably meant', async () => {
  const reply = await t.say('history 2');
  expect(problemCodes(reply)).toEqual(['unknown-credential']);
  expect(renderText(reply)).toContain('For page 2, type `history page 2`.');
});
