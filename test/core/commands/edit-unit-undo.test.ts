/**
 * `edit <id> unit <unit>` changes the unit alone (README: "keeps the number"), so its Undo button
 * names the unit: `undo edit <id> unit <n>` takes back that edit and no edit of the amount.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/index.js';
import { makeBot, type TestBot, undoButton } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-25T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
  await t.say('log 12h clinical "Sepsis"');
});
afterEach(() => t.close());

const activity = () => t.database.sqlite.prepare('select amount, unit from activities where id = 1').get();

describe('the Undo button of a unit edit', () => {
  it('names the unit, the field the member edited, and puts the unit back when pressed', async () => {
    const edited = await t.say('edit 1 unit minutes');
    expect(undoButton(edited)).toMatch(/^undo edit 1 unit \d+$/);
    expect(renderText(edited)).toMatch(/Next: `undo edit 1 unit \d+`/);
    expect(renderText(await t.say(undoButton(edited)))).toContain('Undid the edit; restored #1');
    expect(activity()).toEqual({ amount: '12', unit: 'hours' });
    // An amount, with its unit or without, is still the amount.
    expect(undoButton(await t.say('edit 1 amount 3h'))).toMatch(/^undo edit 1 amount \d+$/);
    expect(undoButton(await t.say('edit 1 amount 4'))).toMatch(/^undo edit 1 amount \d+$/);
  });
});
