/**
 * A log reply says what the activity changed. Under a full cap (a CMA counts non-AAMA points up to
 * 30, chosen optimally), a new activity can take the place of points another one counted: the
 * reply must not promise "+2" when the total did not move.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

describe('a log under a full non-AAMA cap', () => {
  it('says it takes the place of other points and that the total is unchanged', async () => {
    await t.say('log 40h clinical "Big course" on 2026-10-01');
    // General points close the general minimum, so they are counted in place of 2 clinical points.
    const text = await t.text('log 2h general "Ethics" on 2026-11-01');
    expect(text).toMatch(/CMA: \+2 points general, in place of 2 points other activities counted \(a limit is reached\); now 30 of 60 points/);
  });

  it('says nothing of the kind when the total grows by what it counted', async () => {
    const text = await t.text('log 2h clinical "Small course" on 2026-11-01');
    expect(text).toContain('CMA: +2 points clinical; now 2 of 60 points');
    expect(text).not.toContain('in place of');
  });

  it('says nothing of the kind when only rounding differs (a credential with no limit)', async () => {
    await t.say('credential add CCMA expires 2027-06-30');
    await t.say('log 1.5 nha-credits general "Module one" on 2026-10-01');
    // 50 minutes is 0.4166… credits: the activity shows what it adds to the total as shown (1.5 to 1.91).
    const text = await t.text('log 50 minutes general "Module two" on 2026-11-01');
    expect(text).toMatch(/CCMA: \+0\.41 credits; now 1\.91 of 10 credits/);
    expect(text).not.toContain('in place of');
  });

  it('says nothing of the kind when the cap only moves which points count and the total grows by all of it', async () => {
    for (const line of ['log 20 points admin on 2026-01-01', 'log 20 points clinical on 2026-01-02', 'log 10 points clinical aama on 2026-01-03', 'log 10 points admin aama on 2026-01-04', 'log 10 points general on 2026-01-05']) await t.say(line);
    const text = await t.text('log 5 points general aama on 2026-01-06');
    expect(text).toContain('now 55 of 60 points');
    expect(text).not.toContain('in place of');
  });
});
