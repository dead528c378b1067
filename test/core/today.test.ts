/**
 * "Today" is the member's own calendar day, worked out once a minute per zone: the day turns at
 * their midnight, to the minute, and each zone keeps its own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
let nowAt: string;
beforeEach(() => {
  t = makeBot(() => nowAt);
});
afterEach(() => t.close());

const logToday = async (timeZone: string, userId = 'alice') =>
  renderText(await t.say('log 1h general Ethics', { userId, timeZone }));

describe("the member's today", () => {
  it('turns at local midnight, the minute it passes', async () => {
    nowAt = '2026-11-25T05:59:59.999Z'; // 23:59 in Chicago
    expect(await logToday('America/Chicago')).toContain('2026-11-24');
    nowAt = '2026-11-25T06:00:00.000Z'; // 00:00 in Chicago
    expect(await logToday('America/Chicago')).toContain('2026-11-25');
    nowAt = '2026-11-25T05:59:00.000Z'; // a clock set back is asked afresh too
    expect(await logToday('America/Chicago')).toContain('2026-11-24');
  });

  it('turns at a midnight that is not on the hour in UTC', async () => {
    nowAt = '2026-11-25T18:14:59.999Z'; // 23:59 in Kathmandu (+05:45)
    expect(await logToday('Asia/Kathmandu')).toContain('2026-11-25');
    nowAt = '2026-11-25T18:15:00.000Z';
    expect(await logToday('Asia/Kathmandu')).toContain('2026-11-26');
  });

  it('is worked out for each zone, in the same minute', async () => {
    nowAt = '2026-11-25T05:30:00Z';
    expect(await logToday('America/Chicago', 'alice')).toContain('2026-11-24');
    expect(await logToday('Europe/Berlin', 'bob')).toContain('2026-11-25');
    expect(await logToday('Asia/Kathmandu', 'carol')).toContain('2026-11-25'); // +05:45
    expect(await logToday('America/Chicago', 'alice')).toContain('2026-11-24');
  });
});
