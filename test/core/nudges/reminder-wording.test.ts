/**
 * What reminders say, read as a medical assistant reads them: one way of writing dates in a
 * message, figures that match the rules, and a next step the bot accepts in that state.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, planMember, renderText, type TeamMember } from '../../../src/core/index.js';
import { credential, points, teamMember } from './team-member.js';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

function reminderOn(member: TeamMember, nowAt: string) {
  const { messages } = planMember({ member, ladder: DEFAULT_LADDER, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' });
  expect(messages).toHaveLength(1);
  const reply = messages[0]!.reply;
  const buttons = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons.map((button) => button.command) : []));
  return { text: renderText(reply), buttons };
}

/** CMA ending 28 Feb 2027 with 20 non-AAMA points: submit by 7 Feb (21 days' processing), or in the grace by 8 May. */
const withNonAama = () =>
  teamMember({ credentials: [credential('CMA', '2027-02-28')], activities: [points(20, 'administrative', '2023-01-10', false), points(16, 'clinical', '2024-05-02')] });

describe('dates in a reminder', () => {
  it('are written one way in a deadline reminder, the processing time included', () => {
    const { text } = reminderOn(withNonAama(), '2026-11-24T10:00:00Z');
    expect(text).toContain('submit by 7 Feb 2027, 21 days before 28 Feb 2027');
    expect(text).not.toMatch(ISO_DATE);
  });

  it('are written one way in a grace-period reminder, which says what follows it once', () => {
    const { text } = reminderOn(teamMember({ credentials: [credential('CMA', '2027-02-28')] }), '2027-03-01T10:00:00Z');
    expect(text).toContain('After 29 May 2027: recertify by exam');
    expect(text.match(/29 May 2027/g)).toHaveLength(3); // heading, the lapse sentence, what follows
    expect(text).not.toMatch(ISO_DATE);
  });

  it('are written one way when the CE route has closed, naming its last day', () => {
    const { text } = reminderOn(teamMember({ credentials: [credential('CMA', '2027-02-28')] }), '2027-06-01T10:00:00Z');
    expect(text).toContain('The CE route closed after 29 May 2027: recertify by exam');
    expect(text).not.toMatch(ISO_DATE);
  });
});

describe('a reminder in a grace period', () => {
  it('with non-AAMA credit, names the submit-by date before the end of CE', () => {
    const { text } = reminderOn(withNonAama(), '2027-03-01T10:00:00Z');
    expect(text).toContain('CE accepted until 29 May 2027');
    expect(text).toContain('Still needed: 10 general and 14 more AAMA-approved points by 8 May 2027.');
    expect(text).toContain('submit by 8 May 2027, 21 days before 29 May 2027');
  });

  it('past that submit-by date, asks for the credit as soon as possible', () => {
    const { text } = reminderOn(withNonAama(), '2027-05-10T10:00:00Z');
    expect(text).toContain('Still needed, as soon as you can: 10 general and 14 more AAMA-approved points.');
  });

  it('gives no monthly pace: the credential may not be used until it is renewed', () => {
    // NCCT's lapse lasts five years: "about 0.17 hours a month" would read as all the time in the world.
    const { text } = reminderOn(teamMember({ credentials: [credential('NCMA', '2027-03-31')], activities: [points(4, 'clinical', '2026-06-01')] }), '2027-04-01T10:00:00Z');
    expect(text).toContain('Still needed: 10 more hours.');
    expect(text).not.toContain('a month');
  });
});

describe('a reminder that a credential has lapsed', () => {
  it('after the CE route closed, says how to record the exam, which is what renews it', () => {
    const { text, buttons } = reminderOn(teamMember({ credentials: [credential('CMA', '2027-02-28')] }), '2027-06-01T10:00:00Z');
    expect(text).toContain('`credential add CMA certified <exam date>`');
    expect(buttons).not.toContain('credential renew CMA');
  });

  it('with no CE route after expiry, offers Already renewed, as `credential renew` accepts then', () => {
    const { text, buttons } = reminderOn(teamMember({ credentials: [credential('RMA', '2027-04-30')] }), '2027-05-03T10:00:00Z');
    expect(text).toContain('`credential renew RMA`');
    expect(buttons).toContain('credential renew RMA');
  });
});

describe('buttons on a notice sent once', () => {
  it('offer no Snooze a week: the notice would not come back, and other reminders would be held', () => {
    const fee = reminderOn(teamMember({ credentials: [credential('RMA', '2028-04-30')], activities: [points(30, 'general', '2026-01-05')] }), '2026-05-04T10:00:00Z');
    expect(fee.text).toContain('AMT annual fee due in May');
    const closed = reminderOn(teamMember({ credentials: [credential('CMA', '2027-02-28')] }), '2027-06-01T10:00:00Z');
    const lapsed = reminderOn(teamMember({ credentials: [credential('RMA', '2027-04-30')] }), '2027-05-03T10:00:00Z');
    const card = reminderOn(teamMember({ credentials: [credential('BLS', '2026-10-31')] }), '2026-11-02T10:00:00Z');
    for (const { buttons } of [fee, closed, lapsed, card]) expect(buttons.filter((command) => command.startsWith('snooze'))).toEqual([]);
    // A reminder with stages still to come keeps it.
    expect(reminderOn(teamMember({ credentials: [credential('BLS', '2026-12-31')] }), '2026-12-01T10:00:00Z').buttons).toEqual(['snooze BLS']);
  });
});

describe('a CPR/BLS card reminder', () => {
  it('mentions CMA points only to a member who holds a CMA', () => {
    const cardOnly = reminderOn(teamMember({ credentials: [credential('BLS', '2026-12-31'), credential('CCMA', '2028-06-30')], activities: [points(20, 'general', '2026-11-01')] }), '2026-12-01T10:00:00Z');
    expect(cardOnly.text).toContain('log it with `log cpr on <issue date>`: it renews BLS here.');
    expect(cardOnly.text).not.toContain('CMA clinical');
    const withCma = reminderOn(teamMember({ credentials: [credential('BLS', '2026-12-31'), credential('CMA', '2029-06-30')], activities: [points(40, 'general', '2026-11-01')] }), '2026-12-01T10:00:00Z');
    expect(withCma.text).toContain('it renews BLS here (and counts as CMA clinical points)');
  });
});

describe('a pace note', () => {
  it('gives the even pace the cycle asks for: a CMA’s 60 points in 60 months is 1 a month', () => {
    const behind = teamMember({ credentials: [credential('CMA', '2028-06-30')] });
    expect(reminderOn(behind, '2026-11-24T10:00:00Z').text).toMatch(/the cycle's even pace is about 1 point a month\.$/m);
    const rma = teamMember({ credentials: [credential('RMA', '2027-04-30')] }); // 30 points in 36 months
    expect(reminderOn(rma, '2026-11-24T10:00:00Z').text).toContain("the cycle's even pace is about 0.83 points a month.");
  });
});
