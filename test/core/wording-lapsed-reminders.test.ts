/**
 * What reminders and the team digest say about expired credentials (RULES.md: an expired
 * credential may not be used), driven through the real planner on plain TeamMember values.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest, DEFAULT_LADDER, planMember, renderText, type DigestSchedule, type TeamMember } from '../../src/core/index.js';
import { credential, points, teamMember } from './nudges/team-member.js';

const reminderOn = (member: TeamMember, nowAt: string): string => {
  const { messages } = planMember({ member, ladder: DEFAULT_LADDER, overrides: {}, now: new Date(nowAt), defaultTz: 'UTC' });
  expect(messages).toHaveLength(1);
  return renderText(messages[0]!.reply);
};

describe('reminders for an expired credential', () => {
  it('in AAMA’s grace period say plainly the CMA may not be used, and until when CE is accepted', () => {
    const member = teamMember({ credentials: [credential('CMA', '2026-09-30')], activities: [points(20, 'general', '2026-01-01')] });
    const text = reminderOn(member, '2026-11-24T15:00:00Z');
    expect(text).toContain('Your CMA expired on 30 Sep 2026; you may not use the credential until it is renewed. CE is still accepted until 29 Dec 2026 (35 days left).');
    expect(text).not.toContain('CE still accepted (35 days left)');
  });

  it('in NCCT’s grace period say it for the NCMA too', () => {
    const member = teamMember({ credentials: [credential('NCMA', '2026-10-31')] });
    expect(reminderOn(member, '2026-11-24T15:00:00Z')).toContain('Your NCMA expired on 31 Oct 2026; you may not use the credential until it is renewed. CE is still accepted until 31 Oct 2031');
  });

  it('when the CE route closes, or a credential lapses with none, say it too', () => {
    const cma = teamMember({ credentials: [credential('CMA', '2026-08-31')] }); // route closed 2026-11-29
    expect(reminderOn(cma, '2026-12-01T15:00:00Z')).toContain('Your CMA expired on 31 Aug 2026; you may not use the credential until it is renewed.');
    for (const code of ['RMA', 'CCMA'] as const) {
      const member = teamMember({ credentials: [credential(code, '2026-10-31')] });
      expect(reminderOn(member, '2026-11-02T15:00:00Z')).toContain(`Your ${code} expired on 31 Oct 2026; you may not use the credential until it is renewed.`);
    }
  });

  it('for an expired card say it no longer certifies the member', () => {
    const member = teamMember({ credentials: [credential('BLS', '2026-10-31')] });
    expect(reminderOn(member, '2026-11-02T15:00:00Z')).toContain('An expired card does not certify you. Book a BLS class to get a new card.');
  });

  it('before expiry say what a missed deadline means for using the credential', () => {
    const member = teamMember({ credentials: [credential('CMA', '2027-01-31')] });
    expect(reminderOn(member, '2026-11-24T15:00:00Z')).toContain('If 31 Jan 2027 passes, you may not use your CMA until it is renewed.');
  });

  it('before expiry say what follows a missed deadline in the future tense, not that it has expired', () => {
    const cma = reminderOn(teamMember({ credentials: [credential('CMA', '2027-01-31')] }), '2026-11-24T15:00:00Z');
    expect(cma).toContain('If 31 Jan 2027 passes, you may not use your CMA until it is renewed. AAMA would still accept CE until 30 Apr 2027. After that: recertify by exam:');
    const rma = reminderOn(teamMember({ credentials: [credential('RMA', '2027-01-31')] }), '2026-12-24T15:00:00Z');
    expect(rma).toContain('If 31 Jan 2027 passes, you may not use your RMA until it is renewed. Our sources describe no CE route after the cycle ends; contact AMT about reinstatement.');
    for (const text of [cma, rma]) expect(text).not.toContain('Expired on');
  });
});

describe('the digest on expired credentials', () => {
  const schedule: DigestSchedule = { channelId: 'C0TEAM', weekday: 2, time: '09:00', tz: 'UTC' };
  const nowAt = '2026-11-24T09:00:00Z';
  const digestLines = (team: TeamMember[]) =>
    renderText(buildDigest({ workspaceId: 1, platform: 'slack', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team, overrides: {}, now: new Date(nowAt) }).reply)
      .split('\n')
      .filter((l) => l.includes('<@U'));

  it('names a member in a grace period before members whose credentials are still valid', () => {
    const lines = digestLines([
      teamMember({ memberId: 1, userId: 'U1', credentials: [credential('RMA', '2026-12-14')] }), // valid, 20 days left
      teamMember({ memberId: 2, userId: 'U2', credentials: [credential('CMA', '2026-09-30')] }), // grace, 35 days of CE left
    ]);
    expect(lines[0]).toContain('<@U2>');
    expect(lines[1]).toContain('<@U1>');
  });

  it('counts one day of CE left as one day', () => {
    const lines = digestLines([teamMember({ memberId: 2, userId: 'U2', credentials: [credential('CMA', '2026-08-26')] })]); // CE until 2026-11-24
    expect(lines[0]).toContain('CE accepted through today');
    const tomorrow = digestLines([teamMember({ memberId: 2, userId: 'U2', credentials: [credential('CMA', '2026-08-27')] })]);
    expect(tomorrow[0]).toContain('CE accepted for 1 more day');
  });
});
