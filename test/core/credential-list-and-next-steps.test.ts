/**
 * `credential list` in the words every other reply uses, and what `status` and `need` offer to do
 * next for each state: CE (log, need) only where CE can still renew a credential; the exam's
 * `credential add … certified` once the CE route closed; `credential renew` where the body has no
 * CE route; `log cpr` for an expired card.
 * On 2026-11-25: a CMA that expired 2026-06-30 is exam-required (CE route closed 2026-09-28); an
 * NCMA that expired 2026-10-31 is in NCCT's grace until 2031-10-31; an RMA that expired 2026-10-31
 * has no CE route; a BLS card issued 2024-01-10 expired 2026-01-31.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T12:00:00Z');
});
afterEach(() => t.close());

const commandsOffered = (reply: Reply): string[] =>
  reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons.map((button) => button.command) : []));

describe('credential list', () => {
  it('says each state as status does, never the raw JSON code, with the days left', async () => {
    await t.say('credential add CCMA expires 2027-02-10');
    await t.say('credential add CMA expires 2026-06-30');
    await t.say('credential add NCMA expires 2026-10-31');
    await t.say('credential add BLS certified 2024-01-10');
    const text = await t.text('credential list');
    expect(text).not.toMatch(/in-progress|exam-required|, grace\b/);
    expect(text).toContain('CCMA (NHA): cycle 2025-02-11 to 2027-02-10, in progress, 77 days left');
    expect(text).toContain('CMA (AAMA): cycle 2021-07-01 to 2026-06-30, expired, exam required (ended 148 days ago)');
    expect(text).toContain('NCMA (NCCT): cycle 2025-11-01 to 2026-10-31, expired, CE route still open (grace): CE accepted until 2031-10-31 (1801 days left)');
    expect(text).toContain('BLS (AHA): cycle 2024-01-01 to 2026-01-31, expired (ended 298 days ago)');
  });

  it('says complete for a credential whose CE is done, with its days left', async () => {
    await t.say('credential add CCMA expires 2027-02-10');
    await t.say('log 20h');
    expect(await t.text('credential list')).toContain('CCMA (NHA): cycle 2025-02-11 to 2027-02-10, complete, 77 days left');
  });
});

describe('what status offers next', () => {
  it('offers no logging for a CMA only the exam renews, and says how to record the exam', async () => {
    await t.say('credential add CMA expires 2026-06-30');
    const reply = await t.say('status');
    expect(commandsOffered(reply)).toEqual([]);
    const text = await t.text('status');
    expect(text).toContain('When you have passed the exam, tell me with `credential add CMA certified <exam date>`.');
    expect(text).not.toContain('`log`');
  });

  it('offers log and need while CE still renews a credential in its grace period', async () => {
    await t.say('credential add NCMA expires 2026-10-31');
    expect(commandsOffered(await t.say('status'))).toEqual(['log', 'need']);
  });

  it('offers log and need beside a closed one when another credential still takes CE', async () => {
    await t.say('credential add CMA expires 2026-06-30');
    await t.say('credential add CCMA expires 2027-02-10');
    const reply = await t.say('status');
    expect(commandsOffered(reply)).toEqual(['log', 'need']);
    expect(await t.text('status')).toContain('`credential add CMA certified <exam date>`');
  });

  it('says how to record a renewal made with a body that has no CE route after expiry', async () => {
    await t.say('credential add RMA expires 2026-10-31');
    const reply = await t.say('status');
    expect(commandsOffered(reply)).toEqual([]);
    expect(await t.text('status')).toContain('If you have renewed already, tell me with `credential renew RMA` (or `credential renew RMA on <date>`).');
    expect(await t.text('need')).toContain('`credential renew RMA`');
  });

  it('says to log the new card for an expired CPR/BLS card', async () => {
    await t.say('credential add BLS certified 2024-01-10');
    const reply = await t.say('status');
    expect(commandsOffered(reply)).toEqual([]);
    expect(await t.text('status')).toContain('When you have the new card, log it with `log cpr on <issue date>`');
  });

  it('need names the exam step too, once CE no longer renews a credential', async () => {
    await t.say('credential add CMA expires 2026-06-30');
    expect(await t.text('need')).toContain('`credential add CMA certified <exam date>`');
  });

  it('need gives no monthly pace for a credential in its grace period: it may not be used meanwhile', async () => {
    await t.say('credential add NCMA expires 2026-10-31');
    const text = await t.text('need');
    expect(text).toContain('14 more hours by 2031-10-31 (1801 days left). Requirement by requirement:');
    expect(text).not.toContain('a month');
  });
});
