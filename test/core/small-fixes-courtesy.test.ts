/**
 * A bare "thanks", "ok" or 👍 in a DM or a mention is courtesy, not a command the bot does not know:
 * it gets a short kind answer and changes nothing. A real command, a log line or other words are
 * read as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

describe('courtesy alone', () => {
  it.each(['thanks', 'Thanks!', 'thank you', 'Thank you so much!', 'thx', 'ty', 'Great, thanks!', 'ok thanks', 'thanks 🙏', ':pray:'])(
    '"%s" is answered "You\'re welcome", changing nothing',
    async (line) => {
      const before = t.snapshot();
      const reply = await t.say(line);
      expect(reply.tone).not.toBe('error');
      expect(problemCodes(reply)).toEqual([]);
      expect(renderText(reply)).toContain("You're welcome.");
      expect(renderText(reply)).toContain('`help`');
      expect(t.snapshot()).toBe(before);
    },
  );

  it.each(['ok', 'OK.', 'okay', 'great', 'Great!', 'cool', 'got it', 'perfect 👍', '👍', '👍🏽', ':+1:', ':thumbsup::skin-tone-3:'])(
    '"%s" gets a short kind answer, changing nothing',
    async (line) => {
      const before = t.snapshot();
      const reply = await t.say(line);
      expect(reply.tone).not.toBe('error');
      expect(problemCodes(reply)).toEqual([]);
      expect(renderText(reply)).toContain('`help`');
      expect(renderText(reply)).not.toContain("don't know");
      expect(t.snapshot()).toBe(before);
    },
  );
});

describe('courtesy with more', () => {
  it('around a command, leaves the command as it was', async () => {
    expect(renderText(await t.say('status, thanks'))).toContain('You have no credentials yet');
    expect(renderText(await t.say('/ceu help 👍'))).toContain('ceu-bot keeps your continuing education on track');
  });

  it('as a title, is still logged as typed', async () => {
    await t.say('log 1h general Giving thanks');
    await t.say('log 1h general ok');
    expect(t.database.sqlite.prepare('select title from activities order by id').pluck().all()).toEqual(['Giving thanks', 'ok']);
  });

  it.each(['thanks zzz', 'ok now what', 'yes', 'no thanks', '😡'])('"%s" is not courtesy alone: unknown, as before', async (line) => {
    expect(problemCodes(await t.say(line))).toEqual(['unknown-command']);
  });
});
