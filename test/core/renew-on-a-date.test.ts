/**
 * `credential renew <code> on <date>`: the member says the day they renewed, often days later. The
 * renewal covered credit up to that day, not up to the day it was typed: CE done in between belongs
 * to the new cycle (NCCT's CE-0309 counts it), and a renewal made in a grace period stays one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText, type Reply } from '../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
let nowAt: string;
beforeEach(() => {
  t = makeBot(() => nowAt);
});
afterEach(() => t.close());

const ask = (text: string): Promise<Reply> => t.say(text);
const say = async (text: string): Promise<string> => renderText(await ask(text));
const status = async () => (JSON.parse(await say('status --json')) as { credentials: Array<{ code: string; cycle: { start: string; end: string }; state: string; earned: number }> }).credentials[0]!;

describe('credential renew NCMA on a day before today', () => {
  beforeEach(async () => {
    nowAt = '2026-11-26T15:00:00Z';
    await say('credential add NCMA expires 2026-12-31');
    await say('log 14h general "Annual update" on 2026-03-01');
    await say('log 2h clinical "Before renewing" on 2026-11-18');
    await say('log 3h clinical "After renewing" on 2026-11-25');
  });

  it('keeps out of the new cycle only the credit done by the day given, not by the day it was typed', async () => {
    nowAt = '2026-12-10T15:00:00Z';
    expect(await say('credential renew NCMA on 2026-11-20')).toContain('Renewed NCMA on 2026-11-20');
    nowAt = '2027-01-10T15:00:00Z';
    // CE-0309 counts the 25 November course toward 2027: it was done after the renewal.
    expect(await status()).toMatchObject({ cycle: { start: '2027-01-01' }, earned: 3 });
    // A certificate of the renewed year logged late: history says why it does not count again.
    await say('log 1h clinical "Late certificate" on 2026-11-19');
    expect(await say('history')).toMatch(/“Late certificate”\n\s+NCMA, previous cycle \(to 2026-12-31\): \+1 hour/);
  });

  it('refuses a day in the future, an impossible day or one before the renewal window, saying what to type, and changes nothing', async () => {
    nowAt = '2026-12-10T15:00:00Z';
    const before = t.snapshot();
    expect(problemCodes(await ask('credential renew NCMA on 2026-12-20'))).toEqual(['future-date']);
    expect(problemCodes(await ask('credential renew NCMA on 2026-02-30'))).toEqual(['impossible-date']);
    const early = await ask('credential renew NCMA on 2025-12-15');
    expect(problemCodes(early)).toEqual(['renew-too-early']);
    // The window opens 180 days before the 2026-12-31 expiry.
    expect(renderText(early)).toContain('give the day you renewed, from 2026-07-04 on: `credential renew NCMA on <date>`');
    expect(t.snapshot()).toBe(before);
  });
});

describe('credential renew CMA on a day in its grace period, typed after the period closed', () => {
  it('renews from that day instead of asking for the exam, but sends a day after the period to the exam', async () => {
    nowAt = '2026-09-01T15:00:00Z';
    await say('credential add CMA expires 2026-09-30');
    // The 90-day grace period ended on 2026-12-29.
    nowAt = '2027-01-15T15:00:00Z';
    expect(await status()).toMatchObject({ state: 'exam-required' });
    const before = t.snapshot();
    expect(problemCodes(await ask('credential renew CMA on 2027-01-05'))).toEqual(['renew-after-exam']);
    expect(t.snapshot()).toBe(before);
    expect(await say('credential renew CMA on 2026-12-20')).toContain('Renewed CMA on 2026-12-20: the new cycle runs 2027-01-01 to 2031-12-31');
    expect(await status()).toMatchObject({ code: 'CMA', cycle: { start: '2027-01-01', end: '2031-12-31' }, state: 'in-progress' });
  });
});
