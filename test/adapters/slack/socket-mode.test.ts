import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import { makeAppHomeOpenedEvent, makeAppMentionEvent, makeBlockAction, makeSlashCommand, makeViewSubmission } from '../../fakes/slack-requests.js';
import { startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest({ socket: true });
});
afterEach(async () => {
  await s.close();
});

type Button = { action_id: string; value: string };

/** The button with `actionId` on a reply the app sent in an ack. */
function buttonOf(reply: unknown, actionId: string): Button {
  const blocks = ((reply as { blocks?: Array<{ type: string; elements?: Button[] }> }).blocks ?? []);
  const button = blocks.flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : [])).find((e) => e.action_id === actionId);
  if (!button) throw new Error(`the reply has no ${actionId} button: ${JSON.stringify(reply)}`);
  return button;
}

/** A change refreshes App Home after its answer: wait for `count` publishes before counting new ones. */
async function homePublishes(count: number): Promise<void> {
  await s.fake.waitForCall('views.publish', () => s.fake.callsTo('views.publish').length >= count);
}

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
    expect(ack.payload).toMatchObject({ response_action: 'errors', errors: { amount: expect.stringContaining('Enter the amount') } });
  });

  it('takes back a log when its Undo button is clicked, answering on the response_url', async () => {
    await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
    const logged = await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'log 2h clinical Sepsis'));
    expect(s.activityCount()).toBe(1);
    const undo = buttonOf(logged.payload, 'ceu:undo');
    const click = makeBlockAction(s.fake, undo.action_id, undo.value);
    const ack = await s.fake.sendEnvelope('interactive', click);
    expect(ack.payload ?? {}).toEqual({});
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('Deleted #1');
    expect(s.activityCount()).toBe(0);
  });

  it('logs a valid modal submission once, closing the modal, even when the same view is submitted again', async () => {
    await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
    const submission = makeViewSubmission('ceu_log_activity', makeLogFormValues());
    const ack = await s.fake.sendEnvelope('interactive', submission);
    // An empty ack closes the modal; `response_action: errors` would keep it open.
    expect(ack.payload ?? {}).toEqual({});
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours clinical “Phlebotomy basics” from Relias (AAMA-approved)');
    await s.fake.sendEnvelope('interactive', submission);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.activityCount()).toBe(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('publishes App Home when the member opens it', async () => {
    await s.fake.sendEnvelope('slash_commands', makeSlashCommand(s.fake, 'credential add RMA expires 2027-04-30'));
    await homePublishes(1);
    const since = s.fake.mark();
    await s.fake.sendEnvelope('events_api', makeAppHomeOpenedEvent('U0001'));
    const publish = await s.fake.waitForCallSince(since, 'views.publish');
    expect(publish.body.user_id).toBe('U0001');
    const view = publish.body.view as { type: string; blocks: Array<{ type: string; elements?: Button[] }> };
    expect(view.type).toBe('home');
    expect(view.blocks.find((b) => b.type === 'actions')?.elements?.map((e) => e.action_id)).toEqual(['ceu:open-log', 'ceu:need', 'ceu:help']);
    expect(JSON.stringify(view.blocks)).toContain('RMA (AMT): in progress');
  });
});
