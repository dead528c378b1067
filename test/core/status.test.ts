import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-24T12:00:00Z');
});
afterEach(() => t.close());

async function json(line: string): Promise<any> {
  const reply = await t.say(line);
  const block = reply.blocks.find((b) => b.kind === 'json');
  return block && 'value' in block ? block.value : undefined;
}

/** RULES.md worked example 1, logged through commands. */
async function logExampleOne(): Promise<void> {
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('log 8 points clinical aama on 2023-01-10');
  await t.say('log cpr on 2022-06-15');
  await t.say('log cpr on 2024-06-20');
  await t.say('log 20 points admin on 2023-05-05');
}

describe('status --json', () => {
  it('follows the DESIGN.md contract exactly for worked example 1', async () => {
    await logExampleOne();
    expect(await json('status --json')).toEqual({
      member: 'alice',
      asOf: '2026-11-24',
      credentials: [
        {
          code: 'CMA', body: 'AAMA', unit: 'points',
          cycle: { start: '2022-03-01', end: '2027-02-28' },
          state: 'in-progress',
          required: 60, earned: 36, remaining: 24,
          requirements: [
            { id: 'administrative', required: 10, earned: 20, remaining: 0 },
            { id: 'clinical', required: 10, earned: 16, remaining: 0 },
            { id: 'general', required: 10, earned: 0, remaining: 10 },
            { id: 'aama-approved', required: 30, earned: 16, remaining: 14 },
          ],
          // daysLeft counts to the expiry, as DESIGN.md's example does (96 days from 2026-11-24).
          submitBy: '2027-02-07', daysLeft: 96,
        },
      ],
    });
  });

  it('need --json returns the same document', async () => {
    await logExampleOne();
    expect(await json('need --json')).toEqual(await json('status --json'));
  });

  it('reads the flag as a phone writes it, with a dash for the two hyphens ("status —json")', async () => {
    await logExampleOne();
    expect(await json('status —json')).toEqual(await json('status --json'));
  });

  it('follows an admin override of an unverified figure (CPR not approved: 22 approved still needed)', async () => {
    await logExampleOne();
    await t.say('settings rule cma.cprCountsAsApproved false', { isAdmin: true });
    const cma = (await json('status --json')).credentials.find((c: any) => c.code === 'CMA');
    expect(cma.remaining).toBe(24);
    expect(cma.requirements.find((r: any) => r.id === 'aama-approved').remaining).toBe(22);
  });

  it('never shows a requirement as met when a hundredth is missing', async () => {
    await t.say('credential add CCMA expires 2027-08-31');
    await t.say('log 1199.4min');
    const ccma = (await json('status --json')).credentials[0];
    expect(ccma).toMatchObject({ earned: 9.99, remaining: 0.01, state: 'in-progress' });
  });

  it('counts CE done in the CMA grace period toward the renewal it is due for', async () => {
    const late = makeBot('2027-03-10T12:00:00Z');
    try {
      await late.say('credential add CMA expires 2027-02-28');
      await late.say('log 10 points general aama yesterday');
      const reply = (await late.say('status --json')).blocks[0] as any;
      expect(reply.value.credentials[0]).toMatchObject({ state: 'grace', earned: 10, remaining: 50, submitBy: '2027-05-29' });
    } finally {
      late.close();
    }
  });

  it('answers with an empty list when the member holds nothing', async () => {
    expect(await json('status --json')).toEqual({ member: 'alice', asOf: '2026-11-24', credentials: [] });
  });

  it('uses the member time zone for "today"', async () => {
    const late = makeBot('2026-11-25T03:00:00Z');
    try {
      await late.say('settings tz America/Chicago');
      const doc = await (async () => {
        const reply = await late.say('status --json');
        return (reply.blocks[0] as any).value;
      })();
      expect(doc.asOf).toBe('2026-11-24');
    } finally {
      late.close();
    }
  });
});

describe('status and need in words', () => {
  it('shows bars, days left, submit-by and pace per credential', async () => {
    await logExampleOne();
    const text = await t.text('status');
    expect(text).toContain('CMA (AAMA): in progress');
    expect(text).toContain('Submit by: 2027-02-07 (75 days left)');
    expect(text).toMatch(/Total\s+\[#{12}-{8}\] 36\/60 points/);
    expect(text).toContain('general        [--------------------] 0/10 points');
    expect(text).toContain('Pace needed: about');
    expect(text).toContain('Still needed: 10 general and 14 more AAMA-approved points.');
  });

  it('names the exact gap: 10 general and 14 AAMA-approved, 24 in all', async () => {
    await logExampleOne();
    const text = await t.text('need');
    expect(text).toContain('10 general and 14 more AAMA-approved points by 2027-02-07 (75 days left; about');
    expect(text).toContain('at least 10 general points');
    expect(text).toContain('at least 14 AAMA-approved points');
  });

  it('says what to do when nothing is held yet', async () => {
    expect(await t.text('need')).toContain('credential add CMA expires 2027-02-28');
  });

  it('refuses stray words after status', async () => {
    const reply = await t.say('status --jsn');
    expect(reply.problems?.map((p) => p.code)).toEqual(['unexpected-words']);
  });
});
