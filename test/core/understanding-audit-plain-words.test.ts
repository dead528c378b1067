/**
 * Plain statements and questions found misread in an audit of ~250 phrasings a medical assistant
 * types in a DM or mention: a wrong amount (".5 hours" logged as 5), a silent category choice
 * ("admin and clinical"), a vague date logged as today ("in March"), smart apostrophes, polite
 * words and question tags stored as titles, and questions answered "I don't know the command".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  // An RMA needs no category, so a misread log is not stopped by the CMA category question.
  await t.say('credential add RMA certified 2025-01-10');
});
afterEach(() => t.close());

const logged = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category, title, provider, aama_approved AS aama FROM activities ORDER BY id').all();
const row = (completed_on: string, amount: string, unit: string, category: string | null, title: string | null = null, provider: string | null = null, aama = 0) =>
  ({ completed_on, amount, unit, category, title, provider, aama });

const refuses = (line: string) => refusedCodes(t, line);

describe('the amount in a statement', () => {
  it.each([
    ['I did .5 hours of clinical', row('2026-11-24', '0.5', 'hours', 'clinical')],
    ['I did a 2-hour webinar on HIPAA', row('2026-11-24', '2', 'hours', null, 'webinar on HIPAA')],
    ['I did 2 contact hours of general', row('2026-11-24', '2', 'hours', 'general')],
    ['I did 3 AAMA approved CEUs of general yesterday', row('2026-11-23', '3', 'ceu', 'general', null, null, 1)],
    ['I did 3 AAMA-approved CEUs of general yesterday', row('2026-11-23', '3', 'ceu', 'general', null, null, 1)],
    ['I did an hour of clinical', row('2026-11-24', '1', 'hours', 'clinical')],
    ['I did half an hour of clinical yesterday', row('2026-11-23', '0.5', 'hours', 'clinical')],
    ['I did two hours of clinical', row('2026-11-24', '2', 'hours', 'clinical')],
    ['did 2h clinical yesterday', row('2026-11-23', '2', 'hours', 'clinical')],
  ])('"%s"', async (said, expected) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it('asks for the amount of a course named without one, instead of "I don\'t know the command “I”"', async () => {
    expect(await refuses('I did a webinar on HIPAA')).toEqual(['missing-amount']);
  });
});

describe('what a statement says besides the amount', () => {
  it.each([
    ['I’ve done 3 hours of clinical', row('2026-11-24', '3', 'hours', 'clinical')],
    ["I've done 3 hours of clinical yesterday", row('2026-11-23', '3', 'hours', 'clinical')],
    ['I spent 2 hours on clinical training', row('2026-11-24', '2', 'hours', 'clinical')],
    ['I did 90 minutes of clinical from yesterday', row('2026-11-23', '90', 'minutes', 'clinical')],
    ['I did 2 hours of clinical training yesterday thanks', row('2026-11-23', '2', 'hours', 'clinical')],
    ['I did 2 hours of clinical training yesterday 🎉', row('2026-11-23', '2', 'hours', 'clinical')],
    ['I did 2 hours of clinical training yesterday, thanks!', row('2026-11-23', '2', 'hours', 'clinical')],
    ['I did 3 hours, is that enough?', row('2026-11-24', '3', 'hours', null)],
    ['I did 2 hours of clinical, what do I still need?', row('2026-11-24', '2', 'hours', 'clinical')],
    ['I did 2 hours of clinical for my CMA', row('2026-11-24', '2', 'hours', 'clinical')],
    ['I did 2 hours of sepsis training for my RMA renewal', row('2026-11-24', '2', 'hours', null, 'sepsis')],
    ['i did 3 ceus general (aama approved)', row('2026-11-24', '3', 'ceu', 'general', null, null, 1)],
    ['I did 2 hours of clinical this morning', row('2026-11-24', '2', 'hours', 'clinical')],
  ])('"%s"', async (said, expected) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it.each(['I did 2 hours clinical and admin', 'I did 1 hour of admin/clinical', 'I did 2 hours of admin & clinical yesterday'])(
    'refuses two categories joined in "%s" instead of picking the first',
    async (said) => {
      expect(await refuses(said)).toEqual(['two-categories']);
    },
  );

  it('keeps a category word that is part of the topic', async () => {
    await t.say('I did 2 hours of clinical training on general anesthesia');
    expect(logged()).toEqual([row('2026-11-24', '2', 'hours', 'clinical', 'general anesthesia')]);
  });

  it('logs a topic that names a period with a possessive ("last year\'s changes") as done today', async () => {
    await t.say("I did 1 hour of clinical on last year's coding changes");
    expect(logged()).toMatchObject([{ completed_on: '2026-11-24', amount: '1', category: 'clinical' }]);
  });

  it.each([
    ['I did 2 hours clinical in March', 'imprecise-date'],
    ['I did 2 hours clinical last month', 'imprecise-date'],
    ['I did 2 hours clinical this week', 'imprecise-date'],
    ['I did 10 hours of clinical in 2025', 'imprecise-date'],
    ['I did 2 hours clinical on the 14th', 'imprecise-date'],
  ])('refuses the vague date in "%s" instead of logging it today', async (said, code) => {
    expect(await refuses(said)).toEqual([code]);
  });
});

describe('questions', () => {
  it.each(['What’s left?', 'what’s left for my CMA', 'am I done?', 'am i done with my CE', 'do I have enough CEUs?', 'have I met my requirements?', 'did I do enough?'])(
    '"%s" answers with need',
    async (said) => {
      expect(await t.text(said)).toContain('30 more points by 2028-01-09');
      expect(logged()).toEqual([]);
    },
  );

  it.each(['how many points do I have', 'how many hours have I logged?', 'how many hours did I do?', 'what’s my deadline?', 'when do i have to submit'])(
    '"%s" answers with status',
    async (said) => {
      expect(await t.text(said)).toContain('RMA (AMT): in progress');
    },
  );

  it('"did I log my CPR?" answers with history and logs nothing', async () => {
    expect(await t.text('did I log my CPR?')).toContain('Nothing logged yet');
    expect(logged()).toEqual([]);
  });
});

describe('a command word with punctuation or a polite word', () => {
  it.each(['Status?', 'status.', 'status please', 'status pls'])('"%s" answers with status', async (said) => {
    expect(await t.text(said)).toContain('RMA (AMT): in progress');
  });

  it.each(['need?', 'need please', 'need thanks'])('"%s" answers with need', async (said) => {
    expect(await t.text(said)).toContain('30 more points by 2028-01-09');
  });
});

describe('more statements from the audit', () => {
  it.each(['I did not do 2 hours of clinical', "I didn't do 2 hours of clinical yet", 'I haven’t done 2 hours yet', 'I never did the 2 hour webinar'])('logs nothing for the negation "%s"', async (said) => {
    await t.say(said);
    expect(logged()).toEqual([]);
  });

  it.each([
    ['I did an hour-long webinar on HIPAA', row('2026-11-24', '1', 'hours', null, 'webinar on HIPAA')],
    ['I did a 2-hour-long course on OSHA', row('2026-11-24', '2', 'hours', null, 'OSHA')],
    ['I did 2 CE hours of clinical', row('2026-11-24', '2', 'hours', 'clinical')],
    ['I did 2h clinical in the morning', row('2026-11-24', '2', 'hours', 'clinical')],
    ['I need to log 2 hours clinical', row('2026-11-24', '2', 'hours', 'clinical')],
  ])('"%s"', async (said, expected) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it.each(['I did 2 credits of general', 'I did 2 CE credits of general'])('asks which credits "%s" means instead of "I don\'t know the command “I”"', async (said) => {
    expect(await refuses(said)).toEqual(['unknown-unit']);
  });
});

it('logs a topic that holds a "not"', async () => {
  await t.say('I did 2 hours of training on do not resuscitate orders');
  expect(logged()).toMatchObject([{ amount: '2', unit: 'hours', title: expect.stringContaining('not resuscitate orders') }]);
});

describe('a provider, a credential and a possessive date', () => {
  it.each([
    // AAMA's own courses are AAMA-approved.
    ['i completed 6 contact hours general on 11/1 from AAMA', row('2026-11-01', '6', 'hours', 'general', null, 'AAMA', 1)],
    ["I did 2 hours of clinical from yesterday's webinar", row('2026-11-23', '2', 'hours', 'clinical', 'webinar')],
    ['I did 2 hours of clinical for CMA on Nov 20', row('2026-11-20', '2', 'hours', 'clinical')],
  ])('"%s"', async (said, expected) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(logged()).toEqual([expected]);
  });
});
