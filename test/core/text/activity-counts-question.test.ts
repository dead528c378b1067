/**
 * "does a college course count?", "does employment count?", "can I count a webinar?", "do
 * in-services count?": answered from RULES.md (college credit per body, AMT's employment cut-off,
 * AAMA's conditions for other CE), saying so where the rules are silent, and never logged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredWithoutChange, makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-03-31');
  await t.say('log 2h general "Ethics" on 2026-11-01');
});
afterEach(() => t.close());

/** The reply to a question, checked to have written nothing. */
const asked = (said: string) => answeredWithoutChange(t, said);

describe('college courses', () => {
  it.each(['does a college course count?', 'do college credits count', 'can i use my college class', 'Does my college course count towards ceus?'])('"%s": one college credit per body, and the line to log it', async (said) => {
    const text = await asked(said);
    expect(text).toContain('CMA (AAMA): 15 points, as non-AAMA points (at most 30 of those count).');
    expect(text).toContain('RMA, CMAS (AMT): 15 points (unverified).');
    expect(text).toContain('NCMA (NCCT): 15 clock hours (unverified); NCCT accepts a college course only with a grade of C or better (CE-0309).');
    expect(text).toContain('CCMA, CMAA, CPT, CET (NHA): 7.5 credits (unverified).');
    expect(text).toContain('`log 3 college-credits general "Anatomy"`');
  });

  it('answers only the credential named', async () => {
    const text = await asked('does a college class count for my cma');
    expect(text).toContain('CMA (AAMA): 15 points');
    expect(text).not.toMatch(/AMT|NCCT|NHA/);
  });
});

describe('employment', () => {
  it.each(['does employment count?', 'does my job count', 'does work count towards ceus', 'can I claim work hours for my RMA?'])('"%s": AMT’s cut-off, AAMA’s formal credit, and silence said as such', async (said) => {
    const text = await asked(said);
    expect(text).toContain('AMT gave CCP points for employment only through 2020-12-31');
    if (!/rma/i.test(said)) {
      expect(text).toContain('CMA (AAMA): no: only activities with formal credit');
      expect(text).toContain('NCMA (NCCT): my rules say nothing about employment');
    }
  });
});

describe('courses, webinars, in-services', () => {
  it.each([
    'can I count a webinar?', 'do in-services count?', 'do inservices count', 'does in service training count', 'do webinars count',
    'webinars count?', 'are webinars accepted', 'is a webinar ok for ceus', 'would a lunch and learn count', 'does a conference count',
    'does my employers training count', 'Can I count an online course?', 'does this count', 'did the webinar count', 'does a ce from medscape count',
  ])('"%s": the conditions from the rules, and the line to log a certificate', async (said) => {
    const text = await asked(said);
    expect(text).toContain('lasts at least one contact hour (50 minutes)');
    expect(text).toContain('at most 30 such points count');
    expect(text).toContain('CCMA, CMAA, CPT, CET (NHA): CE earned inside your cycle counts; 2 hours are 1 credit.');
    expect(text).toContain('`log 1h clinical "<title>"`');
  });

  it('an in-service is said to count only with its certificate', async () => {
    expect(await asked('do in-services count?')).toContain('my rules give no credit for one without a certificate');
  });

  it('answers only the credential named', async () => {
    const text = await asked('do inservices count toward cma');
    expect(text).toContain('CMA (AAMA): AAMA-approved CE counts.');
    expect(text).not.toMatch(/AMT|NCCT|NHA/);
  });

  it('an activity the rules do not name is said to be so', async () => {
    expect(await asked('does volunteering count?')).toMatch(/^My rules say nothing about that activity as such: it counts only as CE/);
  });

  it('"can i count the 2 hours i did yesterday", without its question mark, logs nothing', async () => {
    expect(await asked('can i count the 2 hours i did yesterday')).toContain('An activity counts when its certificate shows credit');
  });

  it('"does CPR count?" is still the card’s answer', async () => {
    expect(await asked('does CPR count?')).toContain('CMA (AAMA): yes. A CPR/BLS card issued within your current cycle counts as 4 clinical points');
  });
});

describe('statements still log', () => {
  it.each(['I did 2h clinical', 'I did 2 hours of clinical training yesterday, does it count?', 'did a 1 hour clinical webinar on HIPAA', 'did 2h clinical on employee accepted practices'])('"%s" is logged', async (said) => {
    expect((await t.say(said)).tone).toBe('success');
    expect(t.database.sqlite.prepare('select count(*) from activities').pluck().get()).toBe(2);
  });
});

describe('categories', () => {
  it.each(['does phlebotomy count as clinical?', 'what counts as clinical', 'is hipaa admin or general'])('"%s": the rules name no topic’s category; the CMA’s minimums and the line to log', async (said) => {
    const text = await asked(said);
    expect(text).toContain('My rules do not say which topics are administrative, clinical or general');
    expect(text).toContain('at least 10 administrative, 10 clinical and 10 general points');
    expect(text).toContain('`log 1h clinical "Phlebotomy"`');
  });
});

describe('a course taken at work, and a statement with a figure', () => {
  it.each(['does a ceu course I took at work count?', 'does the webinar my job paid for count?'])('"%s" is asked about a course, not about work itself', async (said) => {
    const text = await asked(said);
    expect(text).toContain('It counts when its certificate shows credit');
    expect(text).not.toContain('Work itself earns no credit');
  });

  it('leaves "I took a college course that counts for 3 credits" to the log reading, not a rules answer', async () => {
    expect(await t.text('I took a college course that counts for 3 credits')).not.toContain('A college course counts as the credits on your transcript');
  });
});
