import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppMentionEvent, makeSlashCommand, makeViewSubmission } from '../../fakes/slack-requests.js';
import { startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest({ socket: true });
});
afterEach(async () => {
  await s.close();
});

describe('Socket Mode', () => {
  it('answers a slash command in the ack over the socket', async () => {
    const ack = await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'credential add RMA expires 2027-04-30'));
    expect(textOf(ack.payload)).toContain('Tracking Registered Medical Assistant');
    const logged = await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'log 3h'));
    expect(textOf(logged.payload)).toContain('RMA: +3 points; now 3 of 30 points, 27 still needed');
  });

  it('answers a mention, and logs a redelivered event once', async () => {
    const envelope = makeAppMentionEvent('log 2h general Ethics');
    await s.fake.sendEnvelope('events_api', envelope);
    await s.fake.sendEnvelope('events_api', envelope, { retryAttempt: 1, retryReason: 'timeout' });
    await s.fake.waitForCall('chat.postEphemeral');
    await new Promise((r) => setTimeout(r, 100));
    expect(s.activityCount()).toBe(1);
  });

  it('returns field errors for a modal over the socket', async () => {
    const ack = await s.fake.sendEnvelope('interactive', makeViewSubmission('ceu_log_activity', { unit: { value: { type: 'static_select', selected_option: { value: 'hours' } } } }));
    expect(ack.payload).toMatchObject({ response_action: 'errors', errors: { amount: expect.stringContaining('Say how much') } });
  });
});
