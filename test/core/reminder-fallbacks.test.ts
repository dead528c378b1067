import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { createSchedulerStore } from '../../src/storage/index.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-24T12:00:00Z');
});
afterEach(() => t.close());

/** Alice holds a CMA and the DM with its reminder was refused (her DMs are closed). */
async function failOneReminder(): Promise<void> {
  await t.say('credential add CMA expires 2027-01-31');
  const scheduler = createSchedulerStore(t.database);
  const member = scheduler.listDueMembers('2026-11-24T12:00:00.000Z', 0, 10)[0]!;
  scheduler.enqueue([{
    key: 'nudge:1:CMA:2027-01-31:d90', workspaceId: member.workspaceId, memberId: member.memberId, kind: 'nudge',
    target: { kind: 'direct', userId: member.userId },
    reply: { visibility: 'private', tone: 'warning', blocks: [{ kind: 'heading', text: 'CMA: submit by 31 Jan 2027 (68 days left)' }] },
  }], '2026-11-24T12:00:00.000Z');
  const [claimed] = scheduler.claimDue('2026-11-24T12:00:00.000Z', 10);
  scheduler.markFailed(claimed!.id, 'Cannot send messages to this user (50007)', '2026-11-24T12:00:01.000Z');
}

describe('a reminder that could not be delivered by DM', () => {
  it('is shown privately, once, on the member’s next request, and the admin view shows them unreachable', async () => {
    await failOneReminder();

    expect(await t.text('team', { userId: 'dana', isAdmin: true })).toContain('@alice [unreachable by DM since 2026-11-24]');
    // A JSON answer stays exactly the document.
    const json = renderText(await t.say('status --json'));
    expect(() => JSON.parse(json)).not.toThrow();
    const next = await t.text('status', { platform: 'console' });
    expect(next).toContain('I could not reach you by DM, so here is the reminder I tried to send.');
    expect(next).toContain('CMA: submit by 31 Jan 2027 (68 days left)');
    expect(await t.text('status')).not.toContain('could not reach you');
  });

  it('waits for a request whose private reply is sure to arrive (not a DM answering a channel mention)', async () => {
    await failOneReminder();
    const unsure = await t.bot.handle({ actor: makeActor(), conversation: { id: 'general', isDirect: false }, input: { kind: 'text', text: 'status' }, privateReplyMayFail: true });
    expect(renderText(unsure)).not.toContain('could not reach you');
    expect(await t.text('status')).toContain('CMA: submit by 31 Jan 2027 (68 days left)');
  });
});

describe('the platform’s time zone', () => {
  it('is kept for reminders, and the member’s own setting wins', async () => {
    await t.say('status', { timeZone: 'America/Chicago' });
    expect(t.database.sqlite.prepare('select tz, platform_tz from members').get()).toEqual({ tz: null, platform_tz: 'America/Chicago' });
    await t.say('settings tz Europe/London', { timeZone: 'America/Denver' });
    expect(t.database.sqlite.prepare('select tz, platform_tz from members').get()).toEqual({ tz: 'Europe/London', platform_tz: 'America/Denver' });
  });
});
