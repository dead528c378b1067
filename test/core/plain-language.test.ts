import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

describe('plain language', () => {
  it.each(['how am I doing?', 'How am I doing', 'am I on track?', 'show me my progress'])('"%s" answers with status', async (said) => {
    expect(await t.text(said)).toContain('CMA (AAMA): in progress');
  });

  it.each(['what do I still need?', "what's left?", 'how many more points do I need?'])('"%s" answers with need', async (said) => {
    expect(await t.text(said)).toContain('10 administrative, 10 clinical, 10 general and 30 more AAMA-approved points by 2027-02-28');
  });

  it('"I did 2 hours of clinical training yesterday" logs it', async () => {
    const text = await t.text('I did 2 hours of clinical training yesterday');
    expect(text).toContain('Logged #1 2026-11-23 2 hours clinical');
  });

  it('keeps the topic and provider of a plain statement', async () => {
    await t.text('I completed 1.5 hours of general ethics review from Relias, AAMA approved');
    expect(t.database.sqlite.prepare('SELECT amount, unit, category, title, provider, aama_approved FROM activities').get()).toEqual({
      amount: '1.5', unit: 'hours', category: 'general', title: 'ethics review', provider: 'Relias', aama_approved: 1,
    });
  });

  it('understands a renewed CPR card', async () => {
    expect(await t.text('I renewed my CPR card on 2026-06-20')).toContain('Logged #1 2026-06-20 CPR/BLS card');
    await t.say('credential add BLS certified 2024-06-20');
    expect(await t.text('I got my cpr card yesterday')).toContain('BLS: card valid through 2028-11-30');
  });

  it('reads dates in plain statements the way the log command does', async () => {
    expect(await t.text('I did 1 hour of general ethics on Nov 2')).toContain('Logged #1 2026-11-02 1 hour general');
    expect((await t.say('I did 2 hours of clinical training tomorrow')).problems?.[0]?.code).toBe('future-date');
  });

  it('asks for what it could not understand instead of guessing', async () => {
    const reply = await t.say('banana');
    expect(reply.problems?.[0]?.code).toBe('unknown-command');
  });
});
