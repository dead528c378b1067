/**
 * The digest says only what is true of the team: a credential whose CE is done is not "expiring"
 * news, so an empty list does not claim that nothing expires; and a long grace period (NCCT's five
 * years) is dated, not counted in days.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
afterEach(() => t.close());
const admin = { userId: 'dana', isAdmin: true };

describe('the digest', () => {
  it('does not say no credential expires within 90 days while a complete one does', async () => {
    t = makeBot('2026-11-25T12:00:00Z');
    await t.say('credential add CCMA expires 2027-02-10', { userId: 'alice' }); // 77 days left
    await t.say('log 20h', { userId: 'alice' }); // complete
    const preview = await t.text('digest preview', admin);
    expect(preview).not.toContain('No credential expires within 90 days');
    expect(preview).toContain('Nobody has CE left to do on a credential expiring within 90 days, and nobody is behind pace.');
    expect(preview).toContain('1 member is on track.');
  });

  it('dates a grace period that runs on for more than a month, in the digest’s date format', async () => {
    t = makeBot('2026-11-25T12:00:00Z');
    await t.say('credential add NCMA expires 2026-10-31', { userId: 'nia' }); // grace until 2031-10-31
    const line = (await t.text('digest preview', admin)).split('\n').find((l) => l.includes('@nia'));
    expect(line).toBe('  - @nia: NCMA expired on 31 Oct 2026; CE accepted until 31 Oct 2031');
  });

  it('still counts the days of a grace period that ends within a month', async () => {
    t = makeBot('2026-11-25T12:00:00Z');
    await t.say('credential add CMA expires 2026-08-31', { userId: 'kim' }); // AAMA's 90 days: until 2026-11-29
    const line = (await t.text('digest preview', admin)).split('\n').find((l) => l.includes('@kim'));
    expect(line).toBe('  - @kim: CMA expired on 31 Aug 2026; CE accepted for 4 more days');
  });
});
