import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add RMA certified 2025-01-10');
});
afterEach(() => t.close());

const activities = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category, title, provider FROM activities ORDER BY id').all();

describe('plain questions', () => {
  it.each(['how many hours do I have left?', 'how many points have I got left', 'how much do I have left to go?', 'how many more hours until I am done?'])(
    '"%s" answers with need',
    async (said) => {
      expect(await t.text(said)).toContain('30 more points by 2028-01-09');
      expect((await t.say(said)).tone).not.toBe('error');
    },
  );

  it.each(['when does my RMA expire?', 'When does my RMA end', 'when is my renewal due?', 'how long do I have?', 'how many days left?'])('"%s" answers with status', async (said) => {
    expect(await t.text(said)).toContain('RMA (AMT): in progress');
  });

  it.each(['hours left?', 'points left', 'credits remaining?', 'do I need anything else?', 'do i need any more hours for my RMA'])('"%s", said short, answers with need', async (said) => {
    expect(await t.text(said)).toContain('30 more points by 2028-01-09');
  });

  it.each(['is my RMA expired?', 'is my RMA still valid', 'is my rma current?', 'has my RMA lapsed?'])('"%s" answers with status', async (said) => {
    expect(await t.text(said)).toContain('RMA (AMT): in progress');
  });

  it.each(['help me', 'Help me!', 'help me please', 'help please', 'can you help me?'])('"%s" answers with help', async (said) => {
    const reply = await t.say(said);
    expect(reply.tone, said).not.toBe('error');
    expect(await t.text(said)).toContain('keeps your continuing education on track');
  });
});

describe('plain statements', () => {
  it('"did a 1 hour webinar on HIPAA" logs it, without "I"', async () => {
    expect((await t.say('did a 1 hour webinar on HIPAA')).tone).toBe('success');
    expect(activities()).toEqual([{ completed_on: '2026-11-24', amount: '1', unit: 'hours', category: null, title: 'webinar on HIPAA', provider: null }]);
  });

  it('reads "at Relias" as the provider', async () => {
    await t.say('I did 1 hour of clinical yesterday at Relias');
    expect(activities()).toEqual([{ completed_on: '2026-11-23', amount: '1', unit: 'hours', category: 'clinical', title: null, provider: 'Relias' }]);
  });

  it('keeps no stray "in" as a title', async () => {
    await t.say('I completed 3 CEUs in general on Nov 2');
    expect(activities()).toEqual([{ completed_on: '2026-11-02', amount: '3', unit: 'ceu', category: 'general', title: null, provider: null }]);
  });

  it('drops a leading "on" or "about" from the topic', async () => {
    await t.say('I did 2 hours of training on infection control via Relias');
    expect(activities()).toEqual([{ completed_on: '2026-11-24', amount: '2', unit: 'hours', category: null, title: 'infection control', provider: 'Relias' }]);
  });
});

describe('unknown words', () => {
  it.each(['how', 'when', 'what', 'me', 'did', 'why', 'a', 'I', 'thanks', 'ok'])('suggests no command for the English word "%s"', async (word) => {
    const reply = await t.say(`${word} zzz`);
    expect(problemCodes(reply)).toEqual(['unknown-command']);
    expect(reply.problems![0]!.message).not.toMatch(/Did you mean/);
  });

  it('"help me" style words after help suggest no command', async () => {
    const reply = await t.say('help with');
    expect(reply.problems?.[0]?.message ?? '').not.toMatch(/Did you mean/);
  });

  it.each([['stauts', 'status'], ['hlep', 'help'], ['lgo', 'log'], ['histroy', 'history'], ['delet', 'delete'], ['ned', 'need']])('still suggests a command for the typo "%s"', async (typo, command) => {
    const reply = await t.say(typo);
    expect(reply.problems![0]!.message).toContain(`Did you mean \`${command}\`?`);
  });

  it('changes nothing when it does not understand', async () => {
    const before = dumpTables(t.database.sqlite);
    await t.say('how is the weather');
    expect(dumpTables(t.database.sqlite)).toEqual(before);
  });
});

describe('"at" in a plain statement', () => {
  it('is a place, not a provider, before a lowercase word', async () => {
    await t.say('I did 2 hours of training at work yesterday');
    expect(activities()).toEqual([{ completed_on: '2026-11-23', amount: '2', unit: 'hours', category: null, title: 'at work', provider: null }]);
  });
});
