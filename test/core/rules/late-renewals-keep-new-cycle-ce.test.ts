/**
 * A renewal recorded after the old expiry cuts from the new cycle only the grace-period CE the
 * lapsed cycle needed to be reinstated (RULES.md: AAMA and NCCT accept CE in a grace period). CE
 * done after an expiry with no grace route (AMT, NHA), after a cycle already met, after the lapsed
 * cycle's gap closed, or after an exam, belongs to the new cycle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDatedBot } from '../make-bot.js';

let t: ReturnType<typeof makeDatedBot>;
beforeEach(() => {
  t = makeDatedBot();
});
afterEach(() => t.close());

const on = (day: string, text: string) => t.on(day, text);
async function standing(day: string, code: string) {
  const document = JSON.parse(await on(day, 'status --json')) as { credentials: Array<{ code: string; cycle: { start: string }; earned: number; remaining: number }> };
  return document.credentials.find((c) => c.code === code)!;
}

describe('a renewal recorded after the expiry', () => {
  it.each(['credential renew RMA', 'credential add RMA expires 2029-04-30'])('of an RMA (no grace route) keeps CE done since the expiry in the new cycle: %s', async (renewal) => {
    await on('2026-03-01', 'credential add RMA expires 2026-04-30');
    await on('2026-03-01', 'log 30h general "Last cycle" on 2025-06-01');
    await on('2026-05-20', 'log 5h general "After expiry" on 2026-05-10');
    await on('2026-06-10', renewal);
    expect(await standing('2026-06-10', 'RMA')).toMatchObject({ cycle: { start: '2026-05-01' }, earned: 5, remaining: 25 });
  });

  it('of a CCMA (no grace route) keeps CE done since the expiry in the new cycle', async () => {
    await on('2026-03-01', 'credential add CCMA expires 2026-04-30');
    await on('2026-05-20', 'log 5h general "After expiry" on 2026-05-10');
    await on('2026-06-10', 'credential renew CCMA');
    expect(await standing('2026-06-10', 'CCMA')).toMatchObject({ earned: 2.5 });
  });

  it('of an NCMA met by its expiry keeps January’s CE in the new year', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2026-11-25', 'log 14h general "Whole year" on 2026-06-01');
    await on('2027-01-25', 'log 3h clinical "January" on 2027-01-20');
    await on('2027-02-10', 'credential renew NCMA');
    expect(await standing('2027-02-10', 'NCMA')).toMatchObject({ cycle: { start: '2027-01-01' }, earned: 3, remaining: 11 });
  });

  it('of an NCMA short at its expiry gives the new year the grace-period CE done after the gap closed', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2026-11-25', 'log 6h general "Most of the year" on 2026-06-01');
    await on('2027-02-05', 'log 8h general "Closing the gap" on 2027-02-01');
    await on('2027-02-06', 'log 3h clinical "Beyond it" on 2027-02-05');
    await on('2027-02-10', 'credential renew NCMA');
    expect(await standing('2027-02-10', 'NCMA')).toMatchObject({ earned: 3, remaining: 11 });
    const history = await on('2027-02-10', 'history');
    expect(history).toMatch(/“Closing the gap”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+8 hours/);
    expect(history).toMatch(/“Beyond it”\n\s+NCMA: \+3 hours/);
  });

  it('of an NCMA, with the grace-period CE logged only after the renewal, still counts that CE once', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2026-11-25', 'log 10h general "Most of the year" on 2026-06-01');
    await on('2027-01-25', 'credential renew NCMA');
    await on('2027-01-26', 'log 4h general "Closing the gap" on 2027-01-20');
    expect(await standing('2027-01-26', 'NCMA')).toMatchObject({ earned: 0, remaining: 14 });
    expect(await on('2027-01-26', 'history')).toMatch(/“Closing the gap”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+4 hours/);
  });

  it('of an NCMA gives the new year its CE back when a correction shows the old year was met on time', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2026-11-25', 'log 10h general "Most of the year" on 2026-06-01');
    await on('2027-02-05', 'log 3h clinical "February" on 2027-02-01');
    await on('2027-05-05', 'log 4h general "May" on 2027-05-01');
    await on('2027-05-10', 'credential renew NCMA');
    expect(await standing('2027-05-10', 'NCMA')).toMatchObject({ earned: 0 });
    await on('2027-05-11', 'edit 3 date 2026-11-01'); // "May" was done in November: 2026 was met by its expiry
    expect(await standing('2027-05-11', 'NCMA')).toMatchObject({ earned: 3 });
  });

  it('of an NCMA recorded by its certification date counts the grace-period CE once', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2026-11-25', 'log 10h general "Most of the year" on 2026-06-01');
    await on('2027-01-06', 'log 4h general "Closing the gap" on 2027-01-05');
    await on('2027-01-12', 'credential add NCMA certified 2027-01-10');
    expect(await standing('2027-01-12', 'NCMA')).toMatchObject({ earned: 0 });
  });

  it('of an NCMA a second time does not count the year before’s CE toward the lapsed year again', async () => {
    await on('2025-11-20', 'credential add NCMA expires 2025-12-31');
    await on('2025-11-20', 'log 14h general "2025" on 2025-06-01');
    await on('2025-11-20', 'credential renew NCMA');
    await on('2026-05-02', 'log 4h general "2026" on 2026-05-01');
    await on('2027-02-10', 'log 10h general "Grace" on 2027-02-01');
    await on('2027-02-10', 'credential renew NCMA');
    // The 10 hours closed 2026's gap (4 + 10): they are not 2027's too.
    expect(await standing('2027-02-10', 'NCMA')).toMatchObject({ cycle: { start: '2027-01-01' }, earned: 0 });
  });

  it('of an NCMA whose logged grace-period CE never closed the gap keeps that CE for the new year', async () => {
    await on('2026-11-25', 'credential add NCMA expires 2026-12-31');
    await on('2027-03-02', 'log 6h general "Grace" on 2027-03-01');
    await on('2027-04-12', 'credential renew NCMA on 2027-04-10');
    expect(await standing('2027-04-12', 'NCMA')).toMatchObject({ earned: 6 });
  });

  it('of a CMA reinstated by exam keeps the CE done after the exam', async () => {
    await on('2026-11-25', 'credential add CMA expires 2027-02-28');
    await on('2027-09-20', 'log 10 points clinical aama on 2027-09-10');
    await on('2027-10-01', 'credential add CMA certified 2027-08-15');
    expect(await standing('2027-10-01', 'CMA')).toMatchObject({ cycle: { start: '2027-09-01' }, earned: 10 });
  });
});
