/**
 * Quotes paired as a reader pairs them, without a later apostrophe, inch mark or stray quote taking
 * the date, provider or words that follow a title: what is stored is what was meant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardCountsAnswer } from '../../../src/core/text/card-counts-question.js';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T15:00:00Z');
});
afterEach(() => t.close());

const stored = () => t.database.sqlite.prepare('SELECT completed_on, title, provider FROM activities ORDER BY id').all();

describe('a closing quote followed by keywords closes the title', () => {
  beforeEach(() => t.say('credential add CMA expires 2027-02-28'));

  it.each([
    ["log 1h general 'Ethics' on 2026-11-01 from Physicians' Guild", '2026-11-01', "Physicians' Guild"],
    ['log 1h general ‘Ethics’ on Nov 3 from Physicians’ Guild', '2026-11-03', 'Physicians’ Guild'],
    ["log 1h general 'Ethics' from Physicians' Guild on 2026-11-02", '2026-11-02', "Physicians' Guild"],
  ])('%s', async (line, completedOn, provider) => {
    expect((await t.say(line)).tone, line).toBe('success');
    expect(stored()).toEqual([{ completed_on: completedOn, title: 'Ethics', provider }]);
  });

  it("edits a title to 'Ethics' with the words after it, the apostrophe where typed", async () => {
    await t.say('log 1h general Sepsis');
    expect((await t.say("edit 1 title 'Ethics' for nurses'")).tone).toBe('success');
    expect(stored()).toEqual([{ completed_on: '2026-11-25', title: "Ethics for nurses'", provider: null }]);
  });
});

describe('a quote that does not pair up leaves the rest of the line to the grammar', () => {
  beforeEach(() => t.say('credential add CMA expires 2027-02-28'));

  it.each([
    ['log 2h clinical "Sepsis from "Relias" on 2026-11-01', '2026-11-01', 'Sepsis from "Relias', null],
    ['log 2h clinical "Intro to "HIPAA basics" from Relias on 2026-11-01', '2026-11-01', 'Intro to "HIPAA basics', 'Relias'],
    ['log 2h clinical "Wound care" 4" gauze', '2026-11-25', 'Wound care 4" gauze', null],
  ])('%s', async (line, completedOn, title, provider) => {
    expect((await t.say(line)).tone, line).toBe('success');
    expect(stored()).toEqual([{ completed_on: completedOn, title, provider }]);
  });
});

describe('a sentence with a quoted provider keeps both the title and the provider', () => {
  beforeEach(() => t.say('credential add RMA expires 2027-03-31'));

  it.each([
    ['I did 2 hours of Sepsis training from "Relias" yesterday', 'Sepsis', 'Relias'],
    ['I did 2 hours of clinical Sepsis training from "St. Mary\'s" yesterday', 'Sepsis', "St. Mary's"],
    ['I did 2 hours "Sepsis" from "Relias" yesterday', 'Sepsis', 'Relias'],
    ['I did 2 hours "Sepsis" from "Relias Learning" yesterday', 'Sepsis', 'Relias Learning'],
    ['I did 2 hours of "Sepsis" training at Children’s yesterday', 'Sepsis', 'Children’s'],
  ])('%s', async (said, title, provider) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(stored()).toEqual([{ completed_on: '2026-11-24', title, provider }]);
  });

  it.each([
    ['I did 2 hours of "Sepsis" management webinar yesterday', 'Sepsis management webinar'],
    ['I did 2 hours of advanced "Sepsis" care yesterday', 'advanced Sepsis care'],
    ['I did 2 hours of "Sepsis" for work yesterday', 'Sepsis for work'],
  ])('keeps the words of the topic said around a quoted title: %s', async (said, title) => {
    expect((await t.say(said)).tone).toBe('success');
    expect(stored()).toEqual([{ completed_on: '2026-11-24', title, provider: null }]);
  });
});

describe('a question about what is still needed, naming a card', () => {
  beforeEach(() => t.say('credential add CMA expires 2027-02-28'));

  it('answers with need, and changes nothing', async () => {
    const before = t.snapshot();
    expect(await t.text('how many points do I still need, counting my CPR card?')).toContain('10 administrative, 10 clinical, 10 general and 30 more AAMA-approved points by 2027-02-28');
    expect(t.snapshot()).toBe(before);
  });

  it.each(['how many points do I still need, counting my CPR card?', 'do I need more points after my BLS?', 'how many points are left after my CPR card?'])('is no question whether the card counts: %s', (said) => {
    expect(cardCountsAnswer(said)).toBeUndefined();
  });

  it('still answers whether the card counts when that is asked first', () => {
    expect(cardCountsAnswer('does my CPR card count, or do I need more?')).toBeDefined();
  });
});
