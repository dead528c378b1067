/**
 * RULES.md, CMA "Expired": CE still renews the credential "within three months after expiry"; AAMA
 * also words it "90 days": the deadline shown is the earlier of the two. For most month-end
 * expiries that is the 90th day, but three months after January 31 (a common year's April 30) comes
 * a day before it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { makeBot, type TestBot } from '../make-bot.js';
import { makeCe } from './make-activity.js';

const graceEnd = (expiresOn: string, asOf: string) => {
  const e = evaluate({ code: 'CMA', expiresOn }, [], asOf);
  return e.state === 'grace' ? e.notes.find((n) => n.includes('still accepts CE until'))?.match(/until (\d{4}-\d\d-\d\d)/)?.[1] : e.state;
};

describe('CMA grace period: the earlier of three months and 90 days', () => {
  it('closes the CE route on April 30 for a January 31 expiry in a common year, not on the 90th day (May 1)', () => {
    const expiresOn = '2027-01-31';
    const lastDay = evaluate({ code: 'CMA', expiresOn }, [], '2027-04-30');
    expect(lastDay).toMatchObject({ state: 'grace', submitBy: '2027-04-30', daysLeft: 0 });
    expect(lastDay.notes).toContain(
      'Expired on 2027-01-31; AAMA still accepts CE until 2027-04-30. After that: recertify by exam: $50 reactivation fee plus the exam fee ($125 AAMA member / $250 non-member), at most 3 attempts.',
    );
    expect(evaluate({ code: 'CMA', expiresOn }, [], '2027-05-01').state).toBe('exam-required');
    // CE completed the day after the route closed no longer counts toward the lapsed period.
    const late = evaluate({ code: 'CMA', expiresOn }, [makeCe('2', 'ceu', 'general', true, '2027-05-01')], '2027-05-02').activities[0];
    expect(late).toMatchObject({ code: 'outside-window', counted: 0 });
    // With non-AAMA credit the submit-by date moves 21 days before that earlier deadline.
    expect(evaluate({ code: 'CMA', expiresOn }, [makeCe('10', 'hours', 'general', false, '2026-01-01')], '2027-04-01').submitBy).toBe('2027-04-09');
  });

  it('keeps the 90th day where it is the earlier date, leap years included', () => {
    expect(graceEnd('2027-02-28', '2027-03-01')).toBe('2027-05-29'); // end of May is later
    expect(graceEnd('2028-02-29', '2028-03-01')).toBe('2028-05-29'); // AAMA's own example: "90 days from 2/29/2020"
    expect(graceEnd('2028-01-31', '2028-02-01')).toBe('2028-04-30'); // both April 30 in a leap year
    expect(graceEnd('2027-12-31', '2028-01-01')).toBe('2028-03-30'); // 90 days, before March 31
    expect(graceEnd('2026-11-30', '2026-12-01')).toBe('2027-02-28');
    expect(graceEnd('2027-11-30', '2027-12-01')).toBe('2028-02-28'); // not February 29
  });

  it('counts three calendar months for an expiry typed mid-month (February 15 → May 15, not May 16)', () => {
    expect(graceEnd('2027-02-15', '2027-03-01')).toBe('2027-05-15');
    expect(evaluate({ code: 'CMA', expiresOn: '2027-02-15' }, [], '2027-05-16').state).toBe('exam-required');
  });
});

describe('CMA grace period in replies', () => {
  let bot: TestBot | undefined;
  afterEach(() => bot?.close());

  it('tells a member whose CMA expired on January 31 that CE is accepted through April 30, and not on May 1', async () => {
    bot = makeBot('2027-04-30T12:00:00Z');
    await bot.text('credential add CMA expires 2027-01-31');
    const status = await bot.text('status');
    expect(status).toContain('CE is still accepted until 2027-04-30 (today)');
    expect(status).not.toContain('2027-05-01');
    bot.close();

    bot = makeBot('2027-05-01T12:00:00Z');
    await bot.text('credential add CMA expires 2027-01-31');
    const need = await bot.text('need');
    expect(need).toContain('CE alone no longer renews it');
    expect(need).toContain('The CE route closed after 2027-04-30');
  });
});
