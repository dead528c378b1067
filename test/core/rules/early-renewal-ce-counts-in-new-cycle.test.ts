/**
 * CE done after a renewal and before the new cycle starts. RULES.md: the earning window is the
 * current period (AAMA: 60 months from the end of the month of recertification; AMT: "nothing
 * before its start counts"); CE dated up to the day of the renewal counted toward it. So CE done
 * between an early renewal and the new cycle's first day counts toward neither cycle, and `log`,
 * `status`, `need` and `history` must agree on that: none may put it in the old cycle the renewal
 * had already closed, nor count it toward the new one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDatedBot } from '../make-bot.js';

let t: ReturnType<typeof makeDatedBot>;
beforeEach(() => {
  t = makeDatedBot();
});
afterEach(() => t.close());

const on = (day: string, text: string) => t.on(day, text);
interface Standing { code: string; cycle: { start: string; end: string }; earned: number; remaining: number }
async function standing(day: string, command: 'status' | 'need', code: string): Promise<Standing> {
  const document = JSON.parse(await on(day, `${command} --json`)) as { credentials: Standing[] };
  return document.credentials.find((c) => c.code === code)!;
}

describe('CE done after an early renewal, before the new cycle starts', () => {
  it('counts toward neither CMA cycle, and log, status, need and history agree', async () => {
    await on('2027-02-08', 'credential add CMA expires 2027-03-31');
    await on('2027-02-08', 'log 3h general "Before renewing" on 2027-02-01 aama');
    await on('2027-02-08', 'credential renew CMA');
    const logged = await on('2027-02-20', 'log 2h clinical "After renewal" on 2027-02-15 aama');
    expect(logged).toContain('CMA: not counted: Dated 2027-02-15, outside the period 2027-03-01..2032-02-29');
    for (const command of ['status', 'need'] as const) {
      expect(await standing('2027-02-20', command, 'CMA')).toMatchObject({ cycle: { start: '2027-03-01', end: '2032-02-29' }, earned: 0, remaining: 60 });
    }
    const history = await on('2027-02-20', 'history');
    expect(history).toMatch(/“After renewal” \(AAMA-approved\)\n\s+CMA: not counted: Dated 2027-02-15, outside the period 2027-03-01..2032-02-29/);
    // What the renewal covered stays the old cycle's record.
    expect(history).toMatch(/“Before renewing” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-03-31\): \+3 points general, AAMA-approved/);
  });

  it('keeps the renewal’s CE in the old cycle’s record when it is logged after the new cycle began', async () => {
    await on('2027-02-08', 'credential add CMA expires 2027-03-31');
    await on('2027-02-08', 'credential renew CMA');
    await on('2027-03-05', 'log 3h general "Before renewing" on 2027-02-01 aama');
    expect(await on('2027-03-05', 'history')).toMatch(/“Before renewing” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-03-31\): \+3 points general/);
  });

  it('counts toward neither AMT cycle (nothing before its start counts)', async () => {
    await on('2026-12-01', 'credential add RMA expires 2027-04-30');
    await on('2026-12-01', 'log 30h "Old" on 2026-06-01');
    await on('2027-02-05', 'credential renew RMA on 2027-01-15');
    const logged = await on('2027-02-05', 'log 10h "After" on 2027-02-01');
    expect(logged).toContain('RMA: not counted: Dated 2027-02-01, outside the period 2027-05-01..2030-04-30');
    expect(await standing('2027-02-05', 'status', 'RMA')).toMatchObject({ earned: 0 });
    const history = await on('2027-02-05', 'history');
    expect(history).toMatch(/“After”\n\s+RMA: not counted/);
    expect(history).toMatch(/“Old”\n\s+RMA, previous cycle \(to 2027-04-30\): \+30 points/);
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
    expect(history).toMatch(/“After renewal”\n\s+CMA: not counted/);
  });
});

describe('CE done after a CMA renewal in its grace period, beyond what the lapsed cycle needed', () => {
  it('counts toward neither cycle when dated before the new cycle (after the month of renewal)', async () => {
    await on('2026-11-25', 'credential add CMA expires 2027-02-28');
    await on('2026-11-25', 'log 20 points administrative "Most of it" on 2026-06-01 aama');
    await on('2026-11-25', 'log 30 points general "The rest of it" on 2026-06-02 aama');
    await on('2027-03-20', 'log 10 points clinical "Closing the gap" on 2027-03-15 aama');
    await on('2027-04-02', 'log 4 points administrative "Beyond it" on 2027-04-01 aama');
    await on('2027-04-10', 'credential renew CMA');
    expect(await standing('2027-04-10', 'status', 'CMA')).toMatchObject({ cycle: { start: '2027-05-01' }, earned: 0 });
    const history = await on('2027-04-10', 'history');
    expect(history).toMatch(/“Closing the gap” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-02-28\): \+10 points clinical/);
    expect(history).toMatch(/“Beyond it” \(AAMA-approved\)\n\s+CMA: not counted: Dated 2027-04-01, outside the period 2027-05-01/);
  });

  it('keeps grace CE in the old cycle’s record when the logged CE never closed its gap', async () => {
    await on('2026-12-01', 'credential add CMA expires 2027-02-28');
    await on('2026-12-01', 'log 20 points administrative aama on 2025-01-10');
    await on('2026-12-01', 'log 20 points clinical aama on 2025-01-11');
    await on('2026-12-01', 'log 16 points general aama on 2025-01-12');
    await on('2027-04-12', 'log 3 points general "Grace" aama on 2027-03-10');
    await on('2027-04-12', 'credential renew CMA on 2027-04-10');
    expect(await standing('2027-04-12', 'status', 'CMA')).toMatchObject({ cycle: { start: '2027-05-01' }, earned: 0 });
    expect(await on('2027-04-12', 'history')).toMatch(/“Grace” \(AAMA-approved\)\n\s+CMA, previous cycle \(to 2027-02-28\): \+3 points general/);
  });
});
