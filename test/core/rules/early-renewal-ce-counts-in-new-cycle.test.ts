/**
 * README, `credential renew`: credit dated up to the day you renewed (when before the old expiry)
 * counted toward that renewal, and "what you do after renewing early counts toward the new cycle".
 * RULES.md: the earning window runs "from the first day after the previous period ended". A CMA
 * renewed in February starts its new cycle on March 1 and an NHA credential on its old anniversary,
 * so CE done between the renewal and that day is the new cycle's: `log`, `status`, `need` and
 * `history` must all say so, and none may put it in the old cycle the renewal had already closed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
let nowAt: string;
beforeEach(() => {
  t = makeBot(() => nowAt);
});
afterEach(() => t.close());

async function on(day: string, text: string): Promise<string> {
  nowAt = `${day}T15:00:00Z`;
  return t.text(text);
}
interface Standing { code: string; cycle: { start: string; end: string }; earned: number; remaining: number }
async function standing(day: string, command: 'status' | 'need', code: string): Promise<Standing> {
  const document = JSON.parse(await on(day, `${command} --json`)) as { credentials: Standing[] };
  return document.credentials.find((c) => c.code === code)!;
}

describe('CE done after an early renewal, before the old expiry', () => {
  it('counts toward a CMA’s new cycle in log, status, need and history alike', async () => {
    await on('2027-02-08', 'credential add CMA expires 2027-03-31');
    await on('2027-02-08', 'log 3h general "Before renewing" on 2027-02-01 aama');
    await on('2027-02-08', 'credential renew CMA');
    const logged = await on('2027-02-20', 'log 2h clinical "After renewal" on 2027-02-15 aama');
    expect(logged).toContain('CMA: +2 points clinical, AAMA-approved (after 2027-02-08, the last day your renewal covered: it counts toward this cycle); now 2 of 60 points');
    expect(logged).not.toContain('not counted');
    for (const command of ['status', 'need'] as const) {
      expect(await standing('2027-02-20', command, 'CMA')).toMatchObject({ cycle: { start: '2027-03-01', end: '2032-02-29' }, earned: 2, remaining: 58 });
    }
    const history = await on('2027-02-20', 'history');
    expect(history).toMatch(/“After renewal” \(AAMA-approved\)\n\s+CMA: \+2 points clinical, AAMA-approved \(after 2027-02-08, the last day your renewal covered: it counts toward this cycle\)/);
    expect(history).not.toMatch(/“After renewal”[^\n]*\n[^\n]*previous cycle/);
    // What the renewal covered stays the old cycle's record.
    expect(history).toMatch(/“Before renewing” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-03-31\): \+3 points general, AAMA-approved/);
  });

  it('keeps the renewal’s CE in the old cycle when it is logged after the new cycle began', async () => {
    await on('2027-02-08', 'credential add CMA expires 2027-03-31');
    await on('2027-02-08', 'credential renew CMA');
    const logged = await on('2027-03-05', 'log 3h general "Before renewing" on 2027-02-01 aama');
    expect(logged).toContain('CMA: not counted: Dated 2027-02-01, on or before 2027-02-08, the last day your renewal covered: it counts toward that renewal, not again toward this cycle');
    expect(await on('2027-03-05', 'history')).toMatch(/“Before renewing” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-03-31\): \+3 points general/);
  });

  it('counts toward an NHA credential’s new cycle in log, status, need and history alike', async () => {
    await on('2026-01-01', 'credential add CCMA certified 2025-02-14');
    await on('2027-01-26', 'credential renew CCMA');
    const logged = await on('2027-02-03', 'log 2h "x" on 2027-02-01');
    expect(logged).toContain('CCMA: +1 credit (after 2027-01-26, the last day your renewal covered: it counts toward this cycle); now 1 of 10 credits, 9 still needed');
    for (const command of ['status', 'need'] as const) {
      expect(await standing('2027-02-03', command, 'CCMA')).toMatchObject({ cycle: { start: '2027-02-14', end: '2029-02-13' }, earned: 1, remaining: 9 });
    }
    const history = await on('2027-02-03', 'history');
    expect(history).toMatch(/“x”\n\s+CCMA: \+1 credit \(after 2027-01-26/);
    expect(history).not.toContain('previous cycle');
  });

  it('does not let CE done after the renewal take the old cycle’s cap from CE the renewal used', async () => {
    await on('2027-02-08', 'credential add CMA expires 2027-03-31');
    await on('2027-02-08', 'log 30 points administrative "Before renewing" on 2026-06-01');
    await on('2027-02-08', 'log 30 points clinical "Approved" on 2026-06-02 aama');
    await on('2027-02-08', 'credential renew CMA');
    // Non-AAMA as well: in the old cycle's reckoning it would compete for the same 30-point cap.
    await on('2027-03-10', 'log 30 points general "After renewal" on 2027-02-20');
    const history = await on('2027-03-10', 'history');
    expect(history).toMatch(/“Before renewing”\n\s+CMA, previous cycle \(to 2027-03-31\): \+30 points administrative/);
    expect(history).toMatch(/“After renewal”\n\s+CMA: \+30 points general/);
  });
});

describe('CE done after a CMA renewal in its grace period, beyond what the lapsed cycle needed', () => {
  it('counts toward the new cycle, though the new cycle starts after the month of renewal', async () => {
    await on('2026-11-25', 'credential add CMA expires 2027-02-28');
    await on('2026-11-25', 'log 20 points administrative "Most of it" on 2026-06-01 aama');
    await on('2026-11-25', 'log 30 points general "The rest of it" on 2026-06-02 aama');
    await on('2027-03-20', 'log 10 points clinical "Closing the gap" on 2027-03-15 aama');
    await on('2027-04-02', 'log 4 points administrative "Beyond it" on 2027-04-01 aama');
    await on('2027-04-10', 'credential renew CMA');
    expect(await standing('2027-04-10', 'status', 'CMA')).toMatchObject({ cycle: { start: '2027-05-01' }, earned: 4 });
    const history = await on('2027-04-10', 'history');
    expect(history).toMatch(/“Closing the gap” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-02-28\): \+10 points clinical/);
    expect(history).toMatch(/“Beyond it” \(AAMA-approved\)\n\s+CMA: \+4 points administrative, AAMA-approved \(after 2027-03-15/);
  });
});
