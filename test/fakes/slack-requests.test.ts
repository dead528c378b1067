import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import {
  makeAppHomeOpenedEvent,
  makeAppMentionEvent,
  makeBlockAction,
  makeDirectMessageEvent,
  makeSlashCommand,
  makeViewSubmission,
  postEvent,
  postInteraction,
  postSlashCommand,
} from './slack-requests.js';

const secret = 'test-signing-secret';
let fake: FakeSlack;
let app: App;
let url: string;
const mentions: Array<{ text: string; retryNum: number | undefined }> = [];

// The helpers are only worth having if the real Bolt HTTP receiver accepts what they send.
beforeAll(async () => {
  fake = await startFakeSlack();
  app = new App({
    token: 'xoxb-test',
    signingSecret: secret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command('/ceu', async ({ ack, command }) => ack({ text: `status for ${command.user_id}` }));
  app.event('app_mention', async ({ event, context }) => {
    mentions.push({ text: event.text, retryNum: context.retryNum });
  });
  app.action('confirm_log', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'logged', replace_original: true });
  });
  app.view('log_ceu', async ({ ack, view }) => ack({ response_action: 'errors', errors: { hours: `got ${view.state.values.hours?.hours_input?.value}` } }));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});

describe('signed requests to a real Bolt HTTP app', () => {
  it('gets a slash command through, with the reply riding on the ack', async () => {
    const result = await postSlashCommand(url, secret, makeSlashCommand(fake, 'status'));
    expect(result).toMatchObject({ status: 200, json: { text: 'status for U0001' } });
  });

  it('is refused with 401 when tampered, mis-signed, stale or unsigned', async () => {
    const fields = makeSlashCommand(fake, 'status');
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await postSlashCommand(url, secret, fields, { tamper: true })).status).toBe(401);
    expect((await postSlashCommand(url, secret, fields, { signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await postSlashCommand(url, secret, fields, { timestamp: tenMinutesAgo })).status).toBe(401);
    expect((await postSlashCommand(url, secret, fields, { unsigned: true })).status).toBe(401);
    expect((await postSlashCommand(url, 'other-secret', fields)).status).toBe(401);
  });

  it('delivers an app_mention, and a retry arrives with its retry number', async () => {
    const envelope = makeAppMentionEvent('status');
    expect((await postEvent(url, secret, envelope)).status).toBe(200);
    expect((await postEvent(url, secret, envelope, { retryNum: 1 })).status).toBe(200);
    await expect.poll(() => mentions).toEqual([
      { text: '<@UBOT> status', retryNum: undefined },
      { text: '<@UBOT> status', retryNum: 1 },
    ]);
  });

  it('routes a button click whose respond() lands on the fake response_url', async () => {
    const payload = makeBlockAction(fake, 'confirm_log', 'confirm');
    expect((await postInteraction(url, secret, payload)).status).toBe(200);
    const response = await fake.waitForResponse((r) => r.body.text === 'logged');
    expect(payload.response_url).toBe(`${fake.origin}${response.path}`);
  });

  it('returns a view_submission ack body to Slack', async () => {
    const payload = makeViewSubmission('log_ceu', { hours: { hours_input: { type: 'plain_text_input', value: '2.5' } } });
    const result = await postInteraction(url, secret, payload);
    expect(result.json).toEqual({ response_action: 'errors', errors: { hours: 'got 2.5' } });
  });
});

describe('payload builders', () => {
  it('make each event unique and keep ts and event_ts together', () => {
    const first = makeAppMentionEvent('a');
    const second = makeDirectMessageEvent('b', { event: { user: 'U0002', ts: '1700009999.000100' } });
    expect(first.event_id).not.toBe(second.event_id);
    expect(second.event).toMatchObject({ type: 'message', channel_type: 'im', user: 'U0002', channel: 'DU0002', event_ts: '1700009999.000100' });
    expect(makeAppHomeOpenedEvent('U0001').event).toMatchObject({ type: 'app_home_opened', user: 'U0001', tab: 'home' });
    expect(first).not.toHaveProperty('enterprise_id');
  });

  it('merge nested overrides one level deep', () => {
    const action = makeBlockAction(fake, 'confirm_log', 'yes', { user: { id: 'U0002' }, container: { message_ts: '1700000000.000200' } });
    expect(action.user).toEqual({ id: 'U0002', username: 'alex.rivera', name: 'alex.rivera', team_id: 'T0001' });
    expect(action.container).toMatchObject({ message_ts: '1700000000.000200', channel_id: 'C0001' });
    const submission = makeViewSubmission('log_ceu', {}, { view: { private_metadata: '{"credential":"CMA"}' } });
    expect(submission.view).toMatchObject({ callback_id: 'log_ceu', private_metadata: '{"credential":"CMA"}', state: { values: {} } });
  });
});
