/**
 * The Undo button of an edit names that edit (its audit-trail id), so a second press, or a press
 * of an older edit's button after a later edit of the same field, never takes back another edit.
 * Buttons of older replies, without the id, keep working as they did.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, problemCodes, refusedCodes, type TestBot, undoButton } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical "Sepsis" from Relias on 2026-11-01');
});
afterEach(() => t.close());

const activity = () => t.database.sqlite.prepare('select amount, unit, title, deleted_at as deletedAt from activities where id = 1').get();

describe('the Undo button of an edit', () => {
  it('pressed twice undoes its edit once, says so the second time and leaves the earlier edit standing', async () => {
    const first = await t.say('edit 1 amount 3h');
    const second = await t.say('edit 1 amount 4h');
    expect(renderText(await t.say(undoButton(second)))).toContain('Undid the edit; restored #1');
    expect(activity()).toMatchObject({ amount: '3', unit: 'hours' });

    const before = t.snapshot();
    const again = await t.say(undoButton(second));
    expect(again.tone).toBe('warning');
    expect(renderText(again)).toContain('already undone');
    expect(t.snapshot()).toBe(before);

    // The earlier edit's own button still takes it back: what it wrote holds again.
    expect(renderText(await t.say(undoButton(first)))).toContain('Undid the edit; restored #1');
    expect(activity()).toMatchObject({ amount: '2', unit: 'hours' });
  });

  it('of an earlier edit, pressed while a later edit of the same field stands, changes nothing and gives the line that puts its value back', async () => {
    const first = await t.say('edit 1 amount 3h');
    await t.say('edit 1 amount 4h');
    const before = t.snapshot();
    const refused = await t.say(undoButton(first));
    expect(problemCodes(refused)).toEqual(['changed-since']);
    expect(t.snapshot()).toBe(before);
    expect(activity()).toMatchObject({ amount: '4' });

    const line = /`(edit 1 amount [^`]+)`/.exec(renderText(refused))?.[1];
    expect(line, renderText(refused)).toBeDefined();
    expect((await t.say(line!)).tone).toBe('success');
    expect(activity()).toMatchObject({ amount: '2', unit: 'hours' });
  });

  it('of an earlier edit still takes it back when only another field changed since', async () => {
    const first = await t.say('edit 1 amount 3h');
    await t.say('edit 1 title Sepsis update');
    expect(undoButton(first)).toMatch(/^undo edit 1 amount \d+$/);
    expect(renderText(await t.say(undoButton(first)))).toContain('Undid the edit; restored #1');
    expect(activity()).toMatchObject({ amount: '2', title: 'Sepsis update' });
  });

  it('without the edit number, as on older replies, still undoes the latest edit of that field', async () => {
    await t.say('edit 1 amount 3h');
    const second = await t.say('edit 1 amount 4h');
    expect(undoButton(second)).toMatch(/^undo edit 1 amount \d+$/);
    expect(renderText(await t.say('undo edit 1 amount'))).toContain('Undid the edit; restored #1');
    expect(activity()).toMatchObject({ amount: '3' });
  });

  it('typed with an edit number that is not one of this activity\'s edits of that field is refused and says what to type', async () => {
    const titleEdit = await t.say('edit 1 title Sepsis update');
    const titleEditNumber = /(\d+)$/.exec(undoButton(titleEdit))![1];
    await t.say('log 1h general Ethics');
    const before = t.snapshot();
    for (const line of ['undo edit 1 amount 999', `undo edit 1 amount ${titleEditNumber}`, `undo edit 2 title ${titleEditNumber}`]) {
      const refused = await t.say(line);
      expect(problemCodes(refused), line).toEqual(['unknown-change']);
      expect(renderText(refused), line).toMatch(/`undo edit \d (title|amount)`/);
    }
    expect(await refusedCodes(t, 'undo edit 1 amount 3h')).toEqual(['invalid-change-number']);
    expect(t.snapshot()).toBe(before);
  });

  it("typed with another member's edit number is refused like an unknown one", async () => {
    await t.say('log 1h general Ethics', { userId: 'bob' });
    const bobsEdit = await t.say('edit 2 amount 3h', { userId: 'bob' });
    await t.say('edit 1 amount 3h');
    const bobsNumber = /(\d+)$/.exec(undoButton(bobsEdit))![1];
    expect(await refusedCodes(t, `undo edit 1 amount ${bobsNumber}`)).toEqual(['unknown-change']);
    // Bob's delete button, pressed by alice: the delete path checks the change is hers, not only the activity.
    const bobsDelete = undoButton(await t.say('delete 2', { userId: 'bob' }));
    const before = t.snapshot();
    expect(await refusedCodes(t, bobsDelete)).not.toEqual([]);
    expect(t.snapshot()).toBe(before);
  });
});

describe('the Undo button of a delete, naming its delete', () => {
  it('pressed after the activity was brought back and deleted again changes nothing and says so', async () => {
    const firstDelete = undoButton(await t.say('delete 1'));
    expect(firstDelete).toMatch(/^undo delete 1 \d+$/);
    await t.say('undo');
    const secondDelete = undoButton(await t.say('delete 1'));
    expect(secondDelete).not.toBe(firstDelete);
    const before = t.snapshot();
    const again = await t.say(firstDelete);
    expect(again.tone).toBe('warning');
    expect(renderText(again)).toContain('already undone');
    expect(renderText(again)).toContain('`undo delete 1`');
    expect(t.snapshot()).toBe(before);
    expect(activity()).toMatchObject({ deletedAt: expect.any(String) });
  });

  it('naming a delete still standing brings the activity back', async () => {
    await t.say('delete 1');
    const deleteNumber = t.database.sqlite.prepare("select id from audit where action = 'delete'").pluck().get() as number;
    expect(renderText(await t.say(`undo delete 1 ${deleteNumber}`))).toContain('Undid the delete; restored #1');
    expect(activity()).toMatchObject({ deletedAt: null });
  });
});
