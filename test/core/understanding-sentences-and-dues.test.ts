/**
 * Sentences the bot cannot act on are answered as sentences ("I didn't understand that", with
 * questions it does answer), not "I don't know the command “my”"; dues and membership fees are
 * said not to renew anything; openers such as "to be honest" stay out of a logged title.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-25T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
});
afterEach(() => t.close());

describe('a sentence that is no command', () => {
  it.each(['my boss says I need more hours', 'what happens if I miss my deadline?', 'I have no idea', 'Is this thing on'])(
    '"%s" is answered with questions that work, changing nothing',
    async (line) => {
      const before = t.snapshot();
      const reply = await t.say(line);
      const text = renderText(reply);
      expect(problemCodes(reply)).toEqual(['unknown-command']);
      expect(text).toContain("I didn't understand that.");
      expect(text).toContain('"what do I still need?"');
      expect(text).not.toContain("don't know the command");
      expect(t.snapshot()).toBe(before);
    },
  );

  it('a single unknown word, or a typo of a command, is still named', async () => {
    expect(renderText(await t.say('blah'))).toContain('I don\'t know the command “blah”.');
    expect(renderText(await t.say('statsu'))).toContain('Did you mean `status`?');
  });
});

describe('dues and membership fees', () => {
  it.each([
    ['I renewed my CMA dues', 'does not renew your CMA', 'credential renew CMA'],
    ['I paid my AAMA dues', 'does not renew a credential', 'credential renew <code>'],
    ['just paid my AMT annual fee for my RMA', 'does not renew your RMA', 'credential renew RMA'],
    ['I renewed my CMA membership', 'does not renew your CMA', 'credential renew CMA'],
  ])('"%s" renews nothing and says how a renewal is recorded', async (line, says, command) => {
    const before = t.snapshot();
    const reply = await t.say(line);
    const text = renderText(reply);
    expect(reply.tone).toBe('warning');
    expect(text).toContain("I don't track dues or membership fees, so I changed nothing.");
    expect(text).toContain(says);
    expect(text).toContain(`\`${command}\``);
    expect(t.snapshot()).toBe(before);
  });

  it('a renewal sentence without dues still renews, and one that also paid the fee too', async () => {
    const expiry = () => t.database.sqlite.prepare("select expires_on from credentials where code = 'CMA'").pluck().get();
    expect((await t.say('I renewed my CMA')).tone).toBe('success');
    expect(expiry()).toBe('2031-11-30');
    await t.say('credential add CMA expires 2027-03-31');
    expect((await t.say('I renewed my CMA yesterday and paid the fee')).tone).toBe('success');
    expect(expiry()).toBe('2031-11-30');
  });

  it.each([
    ['I did 2 hours clinical, my employer paid the course fee', 'log'],
    ['I completed 1.5 hours of admin training on fee schedules and paid claims', 'log'],
    ['I renewed my CPR card yesterday and paid the fee', 'log'],
    ['When does my CMA expire, and do I need to pay a fee?', 'status'],
  ])('"%s" is still read as before, not as dues', async (line, kind) => {
    const text = renderText(await t.say(line));
    expect(text).not.toContain("I don't track dues");
    expect(text).toContain(kind === 'log' ? 'Logged #1' : 'CMA (AAMA): in progress');
  });
});

describe('openers', () => {
  it.each(['to be honest I did 2 hours of clinical on sepsis yesterday', 'Honestly, I did 2 hours of clinical on sepsis yesterday', 'so I did 2 hours of clinical on sepsis yesterday'])(
    '"%s" logs the title without the opener',
    async (line) => {
      await t.say(line);
      expect(t.database.sqlite.prepare('select title from activities').pluck().all()).toEqual(['sepsis']);
    },
  );

  it.each(['Well-child visits: I did 2 hours clinical yesterday', 'Hi-Flow oxygen therapy, I did 2 hours clinical yesterday'])('"%s" keeps the first word of its title', async (line) => {
    await t.say(line);
    expect(t.database.sqlite.prepare('select title from activities').pluck().get()).toMatch(/^(Well-child visits|Hi-Flow oxygen therapy)$/);
  });

  it('"hi" alone is still a greeting, and "hey, how am I doing?" a status question', async () => {
    for (const greeting of ['hi', 'hi there', 'hello?']) expect(renderText(await t.say(greeting))).toContain('ceu-bot keeps your continuing education on track');
    expect(renderText(await t.say('hey, how am I doing?'))).toContain('CMA (AAMA): in progress');
  });
});
