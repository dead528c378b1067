/**
 * The AMT fee in the month a cycle lapses, through the real planner, SQLite outbox and drainer:
 * said once with the note of the expiry, not again when the member then records the renewal, and
 * again the next year.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, renderText, type Bot } from '../../../src/core/index.js';
import type { Scheduler } from '../../../src/scheduler/index.js';
import { makeConsoleScheduler, makeTestOutbox, type TestOutbox } from '../../scheduler/make-outbox.js';

let t: TestOutbox;
let scheduler: Scheduler;
let printed: () => string;
let bot: Bot;

beforeEach(() => {
  t = makeTestOutbox();
  t.clock.advance(Date.parse('2026-11-25T15:00:00Z') - t.clock.now().getTime());
  ({ scheduler, printed } = makeConsoleScheduler(t));
  bot = createBot({ store: t.store, clock: t.clock });
});
afterEach(async () => {
  await scheduler.stop();
  t.cleanup();
});

const moveTo = (at: string) => t.clock.advance(Date.parse(at) - t.clock.now().getTime());
const say = async (text: string) => renderText(await bot.handle({
  actor: { platform: 'console', tenantId: 'console', userId: 'alice', displayName: 'alice', isAdmin: true },
  conversation: { id: 'console:alice', isDirect: true }, input: { kind: 'text', text },
}));
const count = (pattern: RegExp) => printed().match(pattern)?.length ?? 0;
async function sweepAndDrain(): Promise<void> {
  await scheduler.sweep();
  await scheduler.drain();
}

describe('the AMT fee in the month the cycle lapses', () => {
  it('comes with the note of the expiry, once, and next year again', async () => {
    expect(await say('credential add RMA certified 2024-05-01')).toContain('Cycle: 2024-05-01 to 2027-04-30');
    await say('log 30h "x" on 2025-10-01');

    moveTo('2027-05-03T15:00:00Z');
    await sweepAndDrain();
    expect(count(/── reminder for alice ──/g)).toBe(1);
    expect(printed()).toContain('RMA expired on 30 Apr 2027: your CE is complete');
    expect(count(/annual fee/g)).toBe(1);

    // As the note asks: the renewal is recorded; the new cycle's fee this May is the one already said.
    moveTo('2027-05-04T15:00:00Z');
    expect(await say('credential renew RMA')).toContain('the new cycle runs 2027-05-01 to 2030-04-30');
    await sweepAndDrain();
    moveTo('2027-05-10T15:00:00Z');
    await sweepAndDrain();
    expect(count(/annual fee/g)).toBe(1);

    moveTo('2028-05-01T15:00:00Z');
    await sweepAndDrain();
    expect(count(/AMT annual fee due in May/g)).toBe(1);
  });
});
