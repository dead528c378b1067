import { createHmac } from 'node:crypto';
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { makeSlashCommand, signSlackRequest } from './slack-requests.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

const client = (token = 'xoxb-test', options: ConstructorParameters<typeof WebClient>[1] = {}): WebClient =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...options });

describe('the fake Slack Web API, called by the real WebClient', () => {
  it('answers auth.test with the bot identity and records the bearer token', async () => {
    const result = await client().auth.test();
    expect(result).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001' });
    expect(fake.callsTo('auth.test')).toEqual([{ method: 'auth.test', token: 'xoxb-test', body: {}, receivedAt: expect.any(Number) }]);
  });

  it('records chat.postMessage with blocks parsed back to objects and hands out increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*2 of 60* points' } }];
    const first = await client().chat.postMessage({ channel: 'C0001', text: 'progress', blocks });
    const second = await client().chat.postMessage({ channel: 'C0001', text: 'again' });
    const call = await fake.waitForCall('chat.postMessage', (c) => c.body.text === 'progress');
    expect(call.body).toMatchObject({ channel: 'C0001', text: 'progress', blocks });
    expect(first.ts).toBe('1700000000.000100');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({ bot_id: 'BBOT', blocks });
  });

  it('looks members up in its user table and refuses unknown ones with user_not_found', async () => {
    const found = await client().users.info({ user: 'U0002' });
    expect(found.user).toMatchObject({ id: 'U0002', team_id: 'T0001', tz: 'America/New_York', is_admin: true, is_bot: false });
    const error = (await client().users.info({ user: 'U9999' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data.error).toBe('user_not_found');
  });

  it('refuses a wrong bot token with invalid_auth and unknown methods with unknown_method', async () => {
    const wrongToken = (await client('xoxb-wrong').auth.test().catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(wrongToken.data.error).toBe('invalid_auth');
    const unknown = (await client().apiCall('pins.add', { channel: 'C0001' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(unknown.data.error).toBe('unknown_method');
  });

  it('opens a modal only with a trigger_id and echoes the view with an id and hash', async () => {
    const view = { type: 'modal' as const, callback_id: 'log_ceu', title: { type: 'plain_text' as const, text: 'Log' }, blocks: [] };
    const opened = await client().views.open({ trigger_id: '1.2.abc', view });
    expect(opened.view).toMatchObject({ callback_id: 'log_ceu', id: expect.stringMatching(/^V/), hash: expect.stringMatching(/^h/) });
    expect(fake.callsTo('views.open')[0]?.body.view).toEqual(view);
  });

  it('surfaces an injected 429 as the client rate-limit error, once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const limited = client('xoxb-test', { rejectRateLimitedCalls: true });
    const error = (await limited.chat.postMessage({ channel: 'C0001', text: 'hi' }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(1);
    await expect(limited.chat.postMessage({ channel: 'C0001', text: 'hi' })).resolves.toMatchObject({ ok: true });
  });

  it('lets a client that retries get through after the Retry-After pause', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const retrying = client('xoxb-test', { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    await expect(retrying.chat.postMessage({ channel: 'C0001', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers an injected platform error once, then normally', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = (await client().chat.postMessage({ channel: 'C0001', text: 'hi' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(error.data.error).toBe('channel_not_found');
    await expect(client().chat.postMessage({ channel: 'C0001', text: 'hi' })).resolves.toMatchObject({ ok: true });
  });

  it('rejects a wait that sees no match, listing the calls it saw', async () => {
    await client().auth.test();
    await expect(fake.waitForCall('chat.postMessage', undefined, 50)).rejects.toThrow(/chat\.postMessage call[\s\S]*saw:[\s\S]*auth\.test/);
  });
});

describe('the fake response_url', () => {
  it('records JSON posts and refuses a sixth use of the same url', async () => {
    const url = fake.responseUrl('cmd');
    const post = (text: string): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect((await post('1')).status).toBe(200);
    await expect(fake.waitForResponse((r) => r.body.text === '1')).resolves.toMatchObject({ path: '/respond/cmd', name: 'cmd' });
    for (const n of ['2', '3', '4', '5']) await post(n);
    expect((await post('6')).status).toBe(404);
  });

  it('gives each slash command its own response_url on the fake', () => {
    const first = makeSlashCommand(fake, 'status');
    const second = makeSlashCommand(fake, 'status');
    expect(first.response_url.startsWith(`${fake.origin}/respond/`)).toBe(true);
    expect(first.response_url).not.toBe(second.response_url);
    expect(first.trigger_id).not.toBe(second.trigger_id);
  });
});

describe('signSlackRequest', () => {
  it('produces the v0 HMAC-SHA256 signature Slack documents', () => {
    const body = 'command=%2Fceu&text=status';
    const expected = createHmac('sha256', 'shh').update(`v0:1700000000:${body}`).digest('hex');
    expect(signSlackRequest('shh', body, 1_700_000_000)).toEqual({ 'x-slack-signature': `v0=${expected}`, 'x-slack-request-timestamp': '1700000000' });
  });
});
