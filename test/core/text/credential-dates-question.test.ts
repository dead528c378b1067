/**
 * "when does my CCMA expire?": that credential's expiry, submit-by date and days left, not the
 * standing of every credential held; one not tracked is said to be so, with the line to track it.
 * A question: the database is the same after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredWithoutChange, makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
  await t.say('credential add CCMA expires 2027-06-30');
});
afterEach(() => t.close());

/** The reply to a question, checked to have written nothing. */
const asked = (said: string) => answeredWithoutChange(t, said);

describe('a question about one credential’s dates', () => {
  it.each([
    'when does my CCMA expire?', 'when does my ccma expire', 'whens my ccma due', 'when is my CCMA due?', 'how long do i have on my ccma',
    'how many days left on my ccma', 'ccma expiration date?', 'what is my ccma expiration date', 'when does my ccma expre',
    'is my CCMA expired?', 'When’s my CCMA expire', 'my CCMA expires next month?', 'when do i need to renew my ccma', 'how much time do i have left on my ccma',
    'wen does my ccma expire', 'when dose my ccma expire', 'when does my ccma run out', 'when is my ccma up', 'did my ccma expire', 'ccma expired?',
    'my ccma expires when', 'is my ccma still good',
  ])('"%s" gives the CCMA’s expiry and days left, and not the CMA', async (said) => {
    const text = await asked(said);
    expect(text).toContain('Your CCMA expires on 2027-06-30 (218 days left).');
    expect(text).toContain('Submit by: 2027-06-30 (218 days left)');
    expect(text).not.toContain('CMA (AAMA)');
  });

  it('gives the earlier submit-by date when processing takes time (non-AAMA points)', async () => {
    await t.say('log 2h general "Ethics" on 2026-11-01');
    const text = await asked('when do I have to submit my CMA renewal');
    expect(text).toContain('Your CMA expires on 2027-03-31 (127 days left); submit your renewal by 2027-03-10 (106 days left).');
    expect(text).not.toContain('CCMA');
  });

  it('answers each credential named', async () => {
    const text = await asked('when do my cma and ccma expire');
    expect(text).toContain('Your CMA expires on 2027-03-31');
    expect(text).toContain('Your CCMA expires on 2027-06-30');
  });

  it('"when does my BLS expire?" gives the card’s date', async () => {
    await t.say('credential add BLS certified 2025-06-20');
    const text = await asked('when does my BLS expire?');
    expect(text).toContain('Your BLS card is valid through 2027-06-30 (218 days left).');
    expect(text).not.toContain('CCMA');
  });

  it('a lapsed credential says when it expired and what is left to do', async () => {
    await t.say('credential add CMA expires 2026-09-30');
    const text = await asked('when does my cma expire?');
    expect(text).toContain('Your CMA expired on 2026-09-30 (55 days ago)');
    expect(text).toContain('CE is still accepted until 2026-12-29');
    expect(text).not.toContain('expires on');
    expect(text).not.toContain('CCMA');
  });

  it('a question naming no credential still shows every one', async () => {
    const text = await asked('when does my certification expire?');
    expect(text).toContain('CMA (AAMA): in progress');
    expect(text).toContain('CCMA (NHA): in progress');
  });
});

describe('a credential not tracked', () => {
  it('"when does my RMA expire?" says it is not tracked, with the line to track it and the ones tracked', async () => {
    const text = await asked('when does my RMA expire?');
    expect(text).toContain('You are not tracking RMA');
    expect(text).toContain('`credential add RMA expires <date>`');
    expect(text).toContain('You track CMA and CCMA');
    expect(text).not.toContain('CMA (AAMA): in progress');
  });

  it('"when does my BLS expire?" with no card logged gives the line to track the card', async () => {
    const text = await asked('when does my BLS expire?');
    expect(text).toContain('`credential add BLS certified <issue date>`');
  });

  it('"when does my BLS expire?" dates the latest CPR card logged, and gives the line with its date', async () => {
    await t.say('log cpr on 2025-06-20');
    const text = await asked('when does my bls expire');
    expect(text).toContain('issued 2025-06-20, is valid through 2027-06-30 (218 days left)');
    expect(text).toContain('`credential add BLS certified 2025-06-20`');
  });
});

describe('statements still change what they say', () => {
  it('"my CCMA expires 2027-07-31" updates the expiry, and "I did 2h clinical" logs', async () => {
    await t.say('my CCMA expires 2027-07-31');
    expect(t.database.sqlite.prepare("select expires_on from credentials where code = 'CCMA'").pluck().get()).toBe('2027-07-31');
    expect((await t.say('I did 2h clinical')).tone).toBe('success');
    expect(t.database.sqlite.prepare('select count(*) from activities').pluck().get()).toBe(1);
  });
});
