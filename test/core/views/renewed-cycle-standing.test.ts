/**
 * After `credential renew NCMA`, the year just renewed does not count toward the next one: NCCT's
 * outside-CE rule (CE-0309) reaches back to January 1 of the year before, but that year's credit
 * went to the renewal. status, need, the reminders' tallies and history all say the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
let nowAt: string;
beforeEach(async () => {
  t = makeBot(() => nowAt);
  nowAt = '2026-11-25T15:00:00Z';
  await t.text('credential add NCMA expires 2026-12-31');
  await t.text('log 6h general "Infection control" on 2026-03-01');
  await t.text('log 8h general "Coding update" on 2026-09-01');
});
afterEach(() => t.close());

const ncmaStatus = async () => (JSON.parse(await t.text('status --json')) as { credentials: Array<{ cycle: { start: string }; earned: number; remaining: number }> }).credentials[0]!;

describe('an NCMA after its renewal', () => {
  it('starts the new year with none of the renewed year’s hours, in status and need alike', async () => {
    expect(await ncmaStatus()).toMatchObject({ earned: 14, remaining: 0 });
    nowAt = '2026-12-10T15:00:00Z';
    await t.text('credential renew NCMA');
    nowAt = '2027-01-10T15:00:00Z';
    expect(await ncmaStatus()).toMatchObject({ cycle: { start: '2027-01-01' }, earned: 0, remaining: 14 });
    expect(await t.text('need')).toContain('14 more hours');
    // Asked again: the tally status saved says the same.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await ncmaStatus()).toMatchObject({ earned: 0, remaining: 14 });
  });

  it('says in history why a course of the renewed year, logged late, does not count, and counts one done after renewing early', async () => {
    nowAt = '2026-12-10T15:00:00Z';
    await t.text('credential renew NCMA');
    nowAt = '2027-01-10T15:00:00Z';
    await t.text('log 2h general "Late certificate" on 2026-12-05');
    // Done after the renewal went in, so not part of it: CE-0309 counts it toward 2027.
    await t.text('log 3h clinical "After renewing" on 2026-12-20');
    const history = await t.text('history');
    // The renewal covered it: history gives it to the renewed year, as the record of that year.
    expect(history).toMatch(/“Late certificate”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+2 hours/);
    expect(history).toContain('NCMA: +3 hours');
    expect(await ncmaStatus()).toMatchObject({ earned: 3 });
    expect(history).toContain('NCMA, previous cycle (to 2026-12-31): +8 hours');
  });

  it('counts the year again when the renewal is taken back', async () => {
    nowAt = '2026-12-10T15:00:00Z';
    await t.text('credential renew NCMA');
    expect(await ncmaStatus()).toMatchObject({ earned: 0 });
    // What the renewal's reply offers "if you have not renewed after all".
    await t.text('credential add NCMA expires 2026-12-31');
    expect(await ncmaStatus()).toMatchObject({ earned: 14, remaining: 0 });
  });

  it('keeps a renewal by the new card’s date apart from the year before, too', async () => {
    nowAt = '2027-01-05T15:00:00Z';
    await t.text('credential add NCMA expires 2027-12-31');
    expect(await ncmaStatus()).toMatchObject({ earned: 0, remaining: 14 });
  });
});

describe('an NCMA expiry corrected, not renewed', () => {
  it('keeps counting the year before when a mistyped expiry is moved a few days on', async () => {
    t.close();
    t = makeBot(() => nowAt);
    await t.text('credential add NCMA expires 2026-12-13');
    await t.text('log 5h clinical Course on 2025-06-01');
    await t.text('credential add NCMA expires 2026-12-31');
    expect(await ncmaStatus()).toMatchObject({ cycle: { start: '2026-01-01' }, earned: 5 });
    expect(await t.text('history')).not.toContain('in the cycle you renewed from');
  });
});

describe('credential add … expires with a relative phrase', () => {
  it('is refused without a crash for a CMA too', async () => {
    const answer = await t.text('credential add CMA expires next month');
    expect(answer).toContain('is not the date on your card');
    expect(answer).not.toContain('Something went wrong');
    expect(answer).not.toContain('years away');
    expect(await t.text('credential add NCMA expires in 3 months')).not.toContain('years away');
  });
});
