/**
 * `delete` and `undo` as people type them: "delete the last one", "remove 2", "delete 2 3",
 * "delete CMA", "undo the last one". Read as the one thing they can mean, or refused with the
 * line to type instead, changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add RMA certified 2025-01-10');
  await t.say('log 2h Sepsis on 2026-11-20');
  await t.say('log 1h HIPAA on 2026-11-01');
});
afterEach(() => t.close());

const live = () => t.database.sqlite.prepare('SELECT id FROM activities WHERE deleted_at IS NULL ORDER BY id').all();

describe('"the last one"', () => {
  it.each(['delete the last one', 'delete last', 'delete my last entry', 'delete the latest', 'rm last one'])(
    '`%s` names the latest log and the line that deletes it, and deletes nothing',
    async (line) => {
      expect(await refusedCodes(t, line)).toEqual(['which-activity']);
      // The last logged, not the last dated: #2 was logged after #1, though done before it.
      expect(await t.text(line)).toContain('`delete 2`');
    },
  );

  it('says there is nothing to delete when nothing is logged', async () => {
    await t.say('delete 1');
    await t.say('delete 2');
    expect(await refusedCodes(t, 'delete the last one')).toEqual(['which-activity']);
    expect(await t.text('delete the last one')).toContain('You have no activities to delete');
  });

  it.each(['undo the last one', 'undo that last one'])('`%s` undoes the last change', async (line) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(live()).toEqual([{ id: 1 }]);
  });
});

describe('other words for one activity', () => {
  it('`remove 2` deletes activity #2, kept in the audit trail', async () => {
    expect((await t.say('remove 2')).tone).toBe('success');
    expect(live()).toEqual([{ id: 1 }]);
    expect(t.database.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'delete' AND entity_id = '2'").get()).toEqual({ n: 1 });
  });

  it('`delete 1 2` deletes neither and says to delete one at a time', async () => {
    expect(await refusedCodes(t, 'delete 1 2')).toEqual(['one-at-a-time']);
    expect(await t.text('delete 1 2')).toContain('`delete 1`, then `delete 2`');
  });

  it('`delete RMA` and `remove RMA` point to `credential remove RMA`, changing nothing', async () => {
    for (const line of ['delete RMA', 'remove RMA']) {
      expect(await refusedCodes(t, line)).toEqual(['invalid-id']);
      expect(await t.text(line)).toContain('`credential remove RMA`');
    }
  });
});
