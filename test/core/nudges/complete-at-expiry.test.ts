/**
 * A credential whose CE is complete but whose renewal is not recorded here when it expires: one
 * note, the day after the expiry, says how to record the renewal (and by when to apply if not),
 * instead of silence (a grace period) or "contact AMT about reinstatement" (no CE route); the
 * team digest says the CE is complete rather than only "expired".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, planMember, renderText, type TeamMember } from '../../../src/core/index.js';
import { attentionLine } from '../../../src/core/nudges/plan-digest.js';
import { evaluate } from '../../../src/core/rules/index.js';
import { credential, points, teamMember } from './team-member.js';

const plan = (member: TeamMember, nowAt: string) => planMember({ member, ladder: DEFAULT_LADDER, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' });

describe('CE complete at the expiry, renewal not recorded', () => {
  it('an RMA (no grace route) gets one note to record the renewal, not "contact AMT about reinstatement" alone', () => {
    const member = teamMember({ credentials: [credential('RMA', '2027-01-31')], activities: [points(30, 'general', '2026-11-01')] });
    const first = plan(member, '2027-02-01T15:00:00Z').messages;
    expect(first.map((m) => m.key)).toEqual([expect.stringMatching(/:RMA:2027-01-31:complete-at-expiry$/)]);
    const text = renderText(first[0]!.reply);
    expect(text).toContain('RMA expired on 31 Jan 2027: your CE is complete');
    expect(text).toContain('`credential renew RMA`');
    expect(text).toContain('If you have not, our sources describe no CE route');
    // Past the notice period, nothing more.
    expect(plan(member, '2027-03-15T15:00:00Z').messages).toEqual([]);
  });

  it('a CMA in its grace period gets one note with the day to apply by', () => {
    const member = teamMember({ credentials: [credential('CMA', '2027-02-28')], activities: [points(40, 'general', '2026-11-01'), points(10, 'administrative', '2026-11-01'), points(10, 'clinical', '2026-11-01')] });
    const messages = plan(member, '2027-03-01T15:00:00Z').messages;
    expect(messages.map((m) => m.key)).toEqual([expect.stringMatching(/:CMA:2027-02-28:complete-at-expiry$/)]);
    expect(renderText(messages[0]!.reply)).toContain('If you have not, apply with AAMA by 29 May 2027');
  });

  it('the digest says the CE is complete and the renewal not recorded, not only that it expired', () => {
    const rma = evaluate({ code: 'RMA', expiresOn: '2027-01-31' }, [{ id: 1, completedOn: '2026-11-01', amount: '30', unit: 'points', category: 'general', aamaApproved: false }], '2027-02-10');
    expect(attentionLine(rma, '2027-02-10')?.text).toBe('RMA expired on 31 Jan 2027; CE complete, renewal not recorded here');
    const short = evaluate({ code: 'RMA', expiresOn: '2027-01-31' }, [], '2027-02-10');
    expect(attentionLine(short, '2027-02-10')?.text).toBe('RMA expired on 31 Jan 2027');
  });

  it('the digest names a lapse in NCCT’s five-year grace for 90 days, like any lapse, then counts it', () => {
    const ncma = (asOf: string) => evaluate({ code: 'NCMA', expiresOn: '2026-12-31' }, [], asOf);
    expect(attentionLine(ncma('2027-03-31'), '2027-03-31')?.text).toMatch(/^NCMA expired on 31 Dec 2026; CE accepted until/);
    expect(attentionLine(ncma('2028-06-05'), '2028-06-05')).toBeUndefined();
  });
});
