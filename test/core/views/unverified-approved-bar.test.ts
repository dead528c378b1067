/**
 * RULES.md verifies the CMA's 30 AAMA-approved minimum; only whether CPR card points count as
 * approved (`cprCountsAsApproved`) is unverified. The tag on the AAMA-approved bar says which.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot | undefined;
afterEach(() => t?.close());

describe('the AAMA-approved bar', () => {
  const approvedBar = async () => (await t!.text('status')).split('\n').find((line) => line.includes('AAMA-approved  ['));

  it('names CPR points as the unverified part, not the 30-point minimum, and only once they count', async () => {
    t = makeBot('2026-11-25T15:00:00Z');
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('log 8 points clinical aama on 2024-05-02');
    expect(await approvedBar()).toBe('  AAMA-approved  [#####---------------] 8/30 points');
    await t.say('log cpr on 2022-06-15');
    expect(await approvedBar()).toBe('  AAMA-approved  [########------------] 12/30 points (CPR card points count as AAMA-approved: unverified)');
    expect(await t.text('status')).not.toContain('unverified figure)');
  });
});
