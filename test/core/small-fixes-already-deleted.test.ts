/**
 * An id of the member's own activity that is deleted (a day-old Undo button on its log, `delete 12`
 * typed twice) says it was deleted and when, and how to bring it back; another member's deleted
 * activity still reads as missing, saying nothing about it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText, type Bot } from '../../src/core/index.js';
import { createSqliteStore } from '../../src/storage/index.js';
import { makeActor, makeBot, problemCodes, type TestBot, undoButton } from './make-bot.js';

let t: TestBot;
let yesterday: Bot;
beforeEach(() => {
  t = makeBot('2026-11-25T12:00:00Z');
  yesterday = createBot({ store: createSqliteStore(t.database), clock: { now: () => new Date('2026-11-24T12:00:00Z') } });
});
afterEach(() => t.close());

const sayYesterday = (text: string, userId = 'alice') =>
  yesterday.handle({ actor: makeActor({ userId }), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text } });

describe('an activity of yours that is already deleted', () => {
  it('the Undo button of its log, a day later, says when it was deleted and how to bring it back, changing nothing', async () => {
    const logged = await sayYesterday('log 2h general "Ethics" from Relias on 2026-11-20');
    await sayYesterday('delete 1');
    const before = t.snapshot();
    const reply = await t.say(undoButton(logged));
    expect(problemCodes(reply)).toEqual(['activity-not-found']);
    const text = renderText(reply);
    expect(text).toContain('#1 2026-11-20 2 hours general “Ethics” from Relias');
    expect(text).toContain('deleted on 2026-11-24');
    expect(text).toContain('`undo delete 1`');
    expect(text).not.toContain('There is no activity');
    expect(t.snapshot()).toBe(before);
    // What it says to type does bring it back.
    expect(renderText(await t.say('undo delete 1'))).toContain('Undid the delete; restored #1');
  });

  it('`delete` and `edit` of it the same day say it was deleted today', async () => {
    await t.say('log 1h general Ethics');
    await t.say('delete 1');
    for (const line of ['delete 1', 'edit 1 title Law']) {
      const text = renderText(await t.say(line));
      expect(text).toContain('deleted today');
      expect(text).toContain('`undo delete 1`');
    }
  });

  it('whose log was undone says so, and does not offer an undo that would do nothing', async () => {
    await sayYesterday('log 1h general Ethics');
    await sayYesterday('undo');
    const text = renderText(await t.say('delete 1'));
    expect(text).toContain('#1');
    expect(text).toContain('2026-11-24');
    expect(text).toContain('undid its log');
    expect(text).not.toContain('undo delete');
  });
});

describe("another member's deleted activity", () => {
  it('reads as missing, as before, naming nothing of it', async () => {
    await sayYesterday('log 1h general Private', 'bob');
    await sayYesterday('delete 1', 'bob');
    const reply = await t.say('delete 1');
    expect(problemCodes(reply)).toEqual(['activity-not-found']);
    expect(renderText(reply)).toContain('There is no activity #1.');
    expect(renderText(reply)).not.toMatch(/deleted|Private/);
  });
});
