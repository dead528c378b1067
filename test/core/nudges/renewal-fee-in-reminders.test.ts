/**
 * The reminders to renew an NCMA or an NHA credential say the renewal fee, as unverified (RULES.md)
 * or as the workspace set it. AMT's fee has its own reminder, in its own month, and is not repeated.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, planMember, renderText, type TeamMember } from '../../../src/core/index.js';
import { credential, teamMember } from './team-member.js';

const plan = (member: TeamMember, nowAt: string, overrides: Record<string, number | boolean> = {}) =>
  planMember({ member, ladder: DEFAULT_LADDER, overrides, now: new Date(nowAt), defaultTz: 'UTC' });
const only = (member: TeamMember, nowAt: string, overrides: Record<string, number | boolean> = {}) => {
  const { messages } = plan(member, nowAt, overrides);
  expect(messages).toHaveLength(1);
  return renderText(messages[0]!.reply);
};

describe('the renewal fee in reminders', () => {
  it('is in an NCMA’s ladder reminder, as unverified or as the workspace set it', () => {
    const ncma = teamMember({ credentials: [credential('NCMA', '2027-06-30')] });
    // 120 days before 30 Jun 2027: Tuesday 2 Mar 2027.
    expect(only(ncma, '2027-03-02T15:00:00Z')).toContain('NCCT annual renewal fee: $77 (unverified; check on NCCT’s site).');
    expect(only(ncma, '2027-03-02T15:00:00Z', { 'ncma.renewalFeeUsd': 80 })).toContain('NCCT annual renewal fee: $80, as set by this workspace');
  });

  it('is in an NCMA’s grace-period reminder', () => {
    const ncma = teamMember({ credentials: [credential('NCMA', '2026-12-31')] });
    expect(only(ncma, '2027-01-04T15:00:00Z')).toContain('NCCT annual renewal fee: $77 (unverified');
  });

  it('is in a CCMA’s ladder reminder', () => {
    const ccma = teamMember({ credentials: [credential('CCMA', '2027-08-31')] });
    // 30 days before 31 Aug 2027: Monday 2 Aug 2027.
    expect(only(ccma, '2027-08-02T15:00:00Z')).toContain('NHA renewal fee every 2 years: $185 (unverified');
  });

  it('is not in an RMA’s ladder reminder: AMT’s fee has its own', () => {
    const rma = teamMember({ credentials: [credential('RMA', '2027-04-30')] });
    expect(only(rma, '2027-03-31T15:00:00Z')).not.toContain('fee');
  });
});
