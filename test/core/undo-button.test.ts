/**
 * The Undo button on a delete or edit reply takes back that change, not whatever came last: a
 * member who logged something since keeps it. The button runs the command it carries, as the
 * platforms do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, type TestBot, undoButton } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 2h clinical "Sepsis" from Relias on 2026-11-01');
});
afterEach(() => t.close());

const live = () => t.database.sqlite.prepare('select id, title from activities where deleted_at is null order by id').all();

describe('the Undo button', () => {
  it('on a delete restores that activity, though the member logged another since', async () => {
    const deleted = await t.say('delete 1');
    await t.say('log 1h general Ethics');
    const undone = await t.say(undoButton(deleted));
    expect(renderText(undone)).toContain('Undid the delete; restored #1');
    expect(live()).toEqual([{ id: 1, title: 'Sepsis' }, { id: 2, title: 'Ethics' }]);
  });

  it('on an edit puts that activity back, though the member logged another since', async () => {
    const edited = await t.say('edit 1 title Sepsis update');
    await t.say('log 1h general Ethics');
    await t.say('credential add RMA expires 2027-06-30'); // a later change of another kind does not stand in the button's way
    const undone = await t.say(undoButton(edited));
    expect(renderText(undone)).toContain('Undid the edit; restored #1');
    expect(live()).toEqual([{ id: 1, title: 'Sepsis' }, { id: 2, title: 'Ethics' }]);
  });

  it('on a delete already undone changes nothing and says so', async () => {
    const deleted = await t.say('delete 1');
    await t.say('undo');
    const before = t.snapshot();
    const again = await t.say(undoButton(deleted));
    expect(renderText(again)).toContain('already undone');
    expect(t.snapshot()).toEqual(before);
    expect(live()).toEqual([{ id: 1, title: 'Sepsis' }]);
  });

  it('on an edit puts back the field it changed, keeping a later edit of another field of the same activity', async () => {
    const titleEdit = await t.say('edit 1 title Sepsis update');
    await t.say('edit 1 date 2026-11-03');
    const undone = await t.say(undoButton(titleEdit));
    expect(renderText(undone)).toContain('Undid the edit; restored #1');
    expect(t.database.sqlite.prepare('select title, completed_on as completedOn from activities where id = 1').get()).toEqual({ title: 'Sepsis', completedOn: '2026-11-03' });
    // Clicked again: that edit is undone, nothing changes.
    const before = t.snapshot();
    expect(renderText(await t.say(undoButton(titleEdit)))).toContain('already undone');
    expect(t.snapshot()).toEqual(before);
  });
});
