/**
 * What one activity counted toward, as `log` and `history` say it: a clause the member must know
 * about that activity goes with the amount, not only into the engine's reason. RULES.md: an
 * unverified rule is shown as unverified, never as fact; an `aama` mark that cannot hold is said.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot | undefined;
afterEach(() => t?.close());

describe('outcome lines', () => {
  it('says CE done in the grace period counts only as far as we know (unverified)', async () => {
    t = makeBot('2027-03-20T12:00:00Z');
    await t.say('credential add CMA expires 2027-02-28');
    const line = 'CMA: +5 points clinical, AAMA-approved (completed in the grace period after 2027-02-28; that it counts is unverified)';
    expect(await t.text('log 5 points clinical aama "Wound care" on 2027-03-10')).toContain(line);
    expect(await t.text('history')).toContain(line);
  });

  it('says why college credit marked aama counted as non-AAMA', async () => {
    t = makeBot('2026-06-15T12:00:00Z');
    await t.say('credential add CMA expires 2027-02-28');
    expect(await t.text('log 1 college-credits general Psych on 2024-01-10 aama')).toContain('CMA: +15 points general (college credits always count as non-AAMA)');
  });

  it("names NCCT's grade condition on a college course it counts", async () => {
    t = makeBot('2026-06-15T12:00:00Z');
    await t.say('credential add NCMA certified 2026-03-01');
    expect(await t.text('log 1 college-credits Biology on 2026-04-10')).toContain('NCMA: +15 hours (NCCT accepts a college course only with a grade of C or better (CE-0309))');
  });

  it('keeps the plain line where nothing needs saying', async () => {
    t = makeBot('2026-06-15T12:00:00Z');
    await t.say('credential add RMA certified 2024-05-01');
    const text = await t.text('history');
    expect(text).toContain('Nothing logged yet');
    expect(await t.text('log 2h Ethics on 2026-04-10')).toContain('RMA: +2 points; now 2 of 30 points');
  });
});

describe('an activity a new CMA cannot count', () => {
  it('says the command that adds the missing category', async () => {
    t = makeBot('2026-06-15T12:00:00Z');
    await t.say('credential add RMA certified 2024-05-01');
    await t.say('log 2h Ethics on 2026-04-10');
    await t.say('credential add CMA expires 2027-02-28');
    expect(await t.text('history')).toContain('CMA: not counted: AAMA points need a category: `edit 1 category administrative` (or clinical, general)');
  });
});
