/**
 * RULES.md (AMT): "An annual fee is due every year in the anniversary month of certification",
 * whatever the CE cycle's state. A cycle ending the day before that month starts (certified on
 * the 1st) lapses just as the fee falls due: the one note of the expiry says the fee too, rather
 * than a second reminder the same day, and the fee is not said again that month.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, planMember, renderText, type TeamMember } from '../../../src/core/index.js';
import { credential, points, teamMember } from './team-member.js';

const plan = (member: TeamMember, nowAt: string) => planMember({ member, ladder: DEFAULT_LADDER, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' });
/** Certified 2024-05-01: the cycle ends 2027-04-30 and the fee falls due every May. */
const rma = (earned: number) => teamMember({ credentials: [credential('RMA', '2027-04-30')], activities: [points(earned, 'general', '2025-10-01')] });

describe('the AMT fee once the cycle has lapsed', () => {
  it('is said in the note of the expiry when the CE is complete: one reminder, in the fee’s series', () => {
    const { messages } = plan(rma(30), '2027-05-03T15:00:00Z');
    expect(messages.map((m) => m.key)).toEqual(['nudge:7:RMA:2027-04-30:complete-at-expiry']);
    // The fee's series: a fee reminder later this month (after `credential renew`) is covered by it.
    expect(messages[0]!.series).toBe('renewal:7:RMA:fee');
    const text = renderText(messages[0]!.reply);
    expect(text).toContain('RMA expired on 30 Apr 2027: your CE is complete');
    expect(text).toContain('AMT’s annual fee also falls due this month');
    expect(text).toContain('$50 (unverified');
  });

  it('is said in the lapse notice when the CE is not complete, which says paying it does not renew the RMA', () => {
    const { messages } = plan(rma(10), '2027-05-03T15:00:00Z');
    expect(messages.map((m) => m.key)).toEqual(['nudge:7:RMA:2027-04-30:expired']);
    const text = renderText(messages[0]!.reply);
    expect(text).toContain('RMA expired on 30 Apr 2027');
    expect(text).toContain('AMT’s annual fee also falls due this month');
    expect(text).toContain('Paying the fee alone does not renew your RMA.');
  });

  it('comes on its own in the next anniversary month, saying the RMA has expired and how to record a renewal', () => {
    const { messages } = plan(rma(10), '2028-05-01T15:00:00Z');
    expect(messages.map((m) => m.key)).toEqual(['renewal:7:RMA:2027-04-30:fee2028']);
    const text = renderText(messages[0]!.reply);
    expect(text).toContain('RMA: AMT annual fee due in May');
    expect(text).toContain('Your RMA expired on 30 Apr 2027; you may not use the credential until it is renewed. Paying the fee alone does not renew it.');
    expect(text).toContain('`credential renew RMA`');
    expect(plan(rma(10), '2028-06-01T15:00:00Z').messages).toEqual([]);
  });

  it('is not added to the note of an expiry later in the month, when it could go before it; said beside it, it leaves the lapse to the note', () => {
    // Certified 2024-05-15: the fee falls due on 1 May 2027 while the cycle still runs (to 14 May).
    const member = teamMember({ credentials: [credential('RMA', '2027-05-14')], activities: [points(30, 'general', '2025-10-01')] });
    expect(plan(member, '2027-05-03T15:00:00Z').messages.map((m) => m.key)).toEqual(['renewal:7:RMA:2027-05-14:fee2027']);
    // Monday 17 May: the note of the expiry keeps its own series and words; the fee (kept out by
    // the outbox when it went on 3 May) does not repeat the lapse when it goes beside it.
    const { messages } = plan(member, '2027-05-17T15:00:00Z');
    expect(messages.map((m) => [m.key, m.series])).toEqual([
      ['nudge:7:RMA:2027-05-14:complete-at-expiry', 'nudge:7:RMA:2027-05-14'],
      ['renewal:7:RMA:2027-05-14:fee2027', 'renewal:7:RMA:fee'],
    ]);
    expect(renderText(messages[0]!.reply)).not.toContain('annual fee');
    const fee = renderText(messages[1]!.reply);
    expect(fee).toContain('Paying the fee alone does not renew your RMA.');
    expect(fee).not.toContain('credential renew');
  });
});
