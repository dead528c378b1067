/**
 * Every `credential …` or `snooze …` line a reminder suggests, in its text or on a button, is one
 * the bot accepts when the member types it then: run on the same SQLite file, at the same instant,
 * with `<date>` filled in as the member would. A reminder that offers a command the bot refuses
 * leaves the member with no way to do what it asks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type Reply } from '../../../src/core/index.js';
import type { Scheduler } from '../../../src/scheduler/index.js';
import { makeConsoleScheduler, makeTestOutbox, type TestOutbox } from '../../scheduler/make-outbox.js';

interface Run {
  t: TestOutbox;
  scheduler: Scheduler;
  printed: () => string;
}
const runs: Run[] = [];
afterEach(async () => {
  for (const { t, scheduler } of runs.splice(0)) {
    await scheduler.stop();
    t.cleanup();
  }
});

interface Scenario {
  /** Lines typed at `setupAt` (`@manager` is an admin). */
  setup: string[];
  setupAt: string;
  /** The instant the reminder is read and its commands typed. */
  readAt: string;
  /** What the member fills `<date>` and `<exam date>` with. */
  day: string;
}

async function play(s: Scenario): Promise<Run & { say(line: string): Promise<Reply> }> {
  const t = makeTestOutbox();
  const run = { t, ...makeConsoleScheduler(t) };
  runs.push(run);
  const say = (line: string) => {
    const [, who = 'ana', text = line] = /^@(\w+) (.*)$/.exec(line) ?? [];
    const actor = { platform: 'console' as const, tenantId: 'console', userId: who, displayName: who, isAdmin: who === 'manager' };
    return createBot({ store: t.store, clock: t.clock }).handle({ actor, conversation: { id: `console:${who}`, isDirect: true }, input: { kind: 'text', text } });
  };
  const moveTo = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());
  moveTo(s.setupAt);
  for (const line of s.setup) await say(line);
  moveTo(s.readAt);
  await run.scheduler.sweep();
  await run.scheduler.drain();
  return { ...run, say };
}

/** The reminder ana read, and the commands it suggests with `<…>` filled in. */
async function suggested(s: Scenario): Promise<{ text: string; commands: string[] }> {
  const { printed } = await play(s);
  const text = printed().split(/(?=── )/).filter((part) => part.startsWith('── reminder for ana ')).join('');
  const commands = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((c) => /^(credential|snooze) /.test(c));
  return { text, commands: [...new Set(commands)].map((c) => c.replace(/<[^>]*date>/g, s.day)) };
}

/** Each command typed on a fresh copy of the scenario, so one's change does not decide another's answer. */
async function refusedAmong(s: Scenario, commands: string[]): Promise<string[]> {
  const refused: string[] = [];
  for (const command of commands) {
    const reply = await (await play(s)).say(command);
    if (reply.tone === 'error') refused.push(command);
  }
  return refused;
}

describe('commands a reminder suggests', () => {
  it('an NCMA lapsed past NCCT’s five-year grace, CE complete: records the renewal the way the bot takes it', async () => {
    const s: Scenario = {
      setup: ['credential add NCMA expires 2026-12-31', 'log 14h general "Course A" on 2026-03-01'],
      setupAt: '2026-11-25T15:00:00Z', readAt: '2032-01-02T15:00:00Z', day: '2031-06-01',
    };
    const { text, commands } = await suggested(s);
    expect(text).toContain('NCMA: the CE route has closed');
    expect(commands.length).toBeGreaterThan(0);
    expect(await refusedAmong(s, commands)).toEqual([]);
  });

  it('an NCMA in its second year of grace: no Already renewed that `credential renew` would refuse', async () => {
    const s: Scenario = {
      setup: ['credential add NCMA expires 2026-12-31', 'log 4h general "Course A" on 2026-03-01'],
      setupAt: '2026-11-25T15:00:00Z', readAt: '2028-03-06T15:00:00Z', day: '2028-02-01',
    };
    const { text, commands } = await suggested(s);
    expect(text).toContain('NCMA expired on 31 Dec 2026: CE accepted until 31 Dec 2031');
    expect(commands).toContain('credential add NCMA certified 2028-02-01');
    expect(await refusedAmong(s, commands)).toEqual([]);
  });

  it('a CMA’s last call before its grace closes', async () => {
    const s: Scenario = {
      setup: ['credential add CMA expires 2027-02-28', 'log 20 points clinical aama on 2026-10-01', 'log 20 points general aama on 2026-10-01', 'log 20 points admin aama on 2026-10-01'],
      setupAt: '2026-11-25T15:00:00Z', readAt: '2027-05-24T15:00:00Z', day: '2027-04-20',
    };
    const { text, commands } = await suggested(s);
    expect(text).toContain('CMA: apply with AAMA by 29 May 2027');
    expect(commands).toEqual(['credential renew CMA', 'credential renew CMA on 2027-04-20']);
    expect(await refusedAmong(s, commands)).toEqual([]);
  });

  it('a ladder stage further out than `credential renew` allows offers no Already renewed', async () => {
    const s: Scenario = {
      setup: ['@manager settings ladder 200 120 30', 'credential add CMA expires 2027-06-30', 'log 20 points clinical aama on 2026-10-01'],
      setupAt: '2026-11-25T15:00:00Z', readAt: '2026-12-14T15:00:00Z', day: '2026-12-01',
    };
    const { text, commands } = await suggested(s);
    expect(text).toContain('CMA: submit by 30 Jun 2027 (198 days left)');
    expect(await refusedAmong(s, commands)).toEqual([]);
  });
});
