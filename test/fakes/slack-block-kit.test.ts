import { LogLevel, WebClient, type Logger, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { assertBlockKit, startFakeSlack, type FakeSlack } from './fake-slack.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

// The client logs each refusal's messages as errors; these tests provoke them on purpose.
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined };
const client = (): WebClient => new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
const sections = (count: number) => Array.from({ length: count }, (_, i) => section(`line ${i}`));
const refusal = (promise: Promise<unknown>): Promise<WebAPIPlatformError> => promise.then(() => Promise.reject(new Error('Slack accepted it')), (e: unknown) => e as WebAPIPlatformError);

describe('the fake Web API holds messages to Block Kit limits', () => {
  it('refuses a 51-block message with invalid_blocks, and takes 50', async () => {
    const error = await refusal(client().chat.postMessage({ channel: 'C0001', text: 'long', blocks: sections(51) }));
    expect(error.data).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] });
    await expect(client().chat.postMessage({ channel: 'C0001', text: 'fits', blocks: sections(50) })).resolves.toMatchObject({ ok: true });
    expect(fake.takeBlockKitViolations()).toEqual([{ where: 'chat.postMessage', problems: ['no more than 50 items allowed [json-pointer:/blocks]'] }]);
  });

  it('refuses a 3001-character section, and takes 3000', async () => {
    const error = await refusal(client().chat.postEphemeral({ channel: 'C0001', user: 'U0001', text: 'x', blocks: [section('a'), section('x'.repeat(3001))] }));
    expect(error.data).toMatchObject({ error: 'invalid_blocks', errors: ['must be less than 3001 characters [json-pointer:/blocks/1/text/text]'] });
    await expect(client().chat.postEphemeral({ channel: 'C0001', user: 'U0001', text: 'x', blocks: [section('x'.repeat(3000))] })).resolves.toMatchObject({ ok: true });
    fake.takeBlockKitViolations();
  });

  it('names every broken limit in one answer: fields, header, button, actions, context', async () => {
    const button = (i: number) => ({ type: 'button' as const, action_id: `b${i}`, text: { type: 'plain_text' as const, text: i === 0 ? 'x'.repeat(76) : 'ok' }, value: i === 1 ? 'v'.repeat(2001) : 'v' });
    const blocks = [
      { type: 'section' as const, fields: Array.from({ length: 11 }, (_, i) => ({ type: 'mrkdwn' as const, text: i === 0 ? 'f'.repeat(2001) : 'f' })) },
      { type: 'header' as const, text: { type: 'plain_text' as const, text: 'h'.repeat(151) } },
      { type: 'actions' as const, elements: Array.from({ length: 26 }, (_, i) => button(i)) },
      { type: 'context' as const, elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) },
    ];
    const error = await refusal(client().chat.update({ channel: 'C0001', ts: '1700000000.000100', text: 'x', blocks }));
    expect(error.data.error).toBe('invalid_blocks');
    expect((error.data as unknown as { errors: string[] }).errors).toEqual([
      'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
      'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
      'must be less than 151 characters [json-pointer:/blocks/1/text/text]',
      'no more than 25 items allowed [json-pointer:/blocks/2/elements]',
      'must be less than 76 characters [json-pointer:/blocks/2/elements/0/text/text]',
      'must be less than 2001 characters [json-pointer:/blocks/2/elements/1/value]',
      'no more than 10 items allowed [json-pointer:/blocks/3/elements]',
    ]);
    fake.takeBlockKitViolations();
  });

  it('posts a text over 40,000 characters cut, with the message_truncated warning, and flags it', async () => {
    const posted = await client().chat.postMessage({ channel: 'C0001', text: 't'.repeat(40_001) });
    expect(posted.response_metadata).toMatchObject({ warnings: ['message_truncated'] });
    expect(posted.message?.text).toHaveLength(40_000);
    expect(fake.takeBlockKitViolations()).toEqual([{ where: 'chat.postMessage', problems: ['text is cut at 40000 characters [json-pointer:/text]'] }]);
  });

  it('refuses a 101-block Home tab with invalid_arguments, and takes 100', async () => {
    const error = await refusal(client().views.publish({ user_id: 'U0001', view: { type: 'home', blocks: sections(101) } }));
    expect(error.data).toMatchObject({ ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] } });
    await expect(client().views.publish({ user_id: 'U0001', view: { type: 'home', blocks: sections(100) } })).resolves.toMatchObject({ ok: true });
    fake.takeBlockKitViolations();
  });

  it('refuses a modal whose title or option is too long', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'A title that is too long!' },
      blocks: [{ type: 'input' as const, label: { type: 'plain_text' as const, text: 'Pick' }, element: { type: 'checkboxes' as const, action_id: 'a', options: [{ text: { type: 'plain_text' as const, text: 'o'.repeat(76) }, value: 'yes' }] } }],
    };
    const error = await refusal(client().views.open({ trigger_id: '1.2.abc', view }));
    expect(error.data.response_metadata?.messages).toEqual([
      '[ERROR] must be less than 76 characters [json-pointer:/view/blocks/0/element/options/0/text/text]',
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
    fake.takeBlockKitViolations();
  });
});

describe('the fake response_url and Socket Mode acks hold replies to the same limits', () => {
  it('refuses a 51-block response_url post with a 400 that does not use up the url', async () => {
    const url = fake.responseUrl('cmd');
    const post = (blocks: unknown[]): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 't', blocks }) });
    const refused = await post(sections(51));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] });
    for (let i = 0; i < 5; i++) expect((await post(sections(1))).status).toBe(200);
    expect(fake.takeBlockKitViolations()).toEqual([{ where: 'response_url /respond/cmd', problems: ['no more than 50 items allowed [json-pointer:/blocks]'] }]);
  });

  it('records a Socket Mode ack whose reply breaks a limit', async () => {
    const opened = await client().apps.connections.open({ token: 'xapp-test' });
    const socket = new WebSocket(opened.url!);
    socket.on('message', (data) => {
      const envelope = JSON.parse(data.toString()) as { envelope_id?: string };
      if (envelope.envelope_id) socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'x', blocks: sections(51) } }));
    });
    await fake.socketConnected();
    await fake.sendEnvelope('slash_commands', { command: '/ceu', text: 'status' });
    expect(fake.takeBlockKitViolations()).toEqual([{ where: expect.stringMatching(/^socket ack /), problems: ['no more than 50 items allowed [json-pointer:/blocks]'] }]);
    socket.close();
  });

  it('fails close() while a violation is recorded', async () => {
    await refusal(client().chat.postMessage({ channel: 'C0001', text: 'long', blocks: sections(51) }));
    await expect(fake.close()).rejects.toThrow(/Block Kit it would refuse or cut:\n {2}chat\.postMessage:\n {4}no more than 50 items allowed/);
    fake.takeBlockKitViolations();
  });
});

describe('assertBlockKit, for ack bodies that never reach the fake', () => {
  it('throws for a slash-command reply of 51 blocks or a 3001-character section, and passes one that fits', () => {
    expect(() => assertBlockKit({ response_type: 'ephemeral', text: 'x', blocks: sections(51) })).toThrow('no more than 50 items allowed [json-pointer:/blocks]');
    expect(() => assertBlockKit({ text: 'x', blocks: [section('x'.repeat(3001))] })).toThrow('must be less than 3001 characters [json-pointer:/blocks/0/text/text]');
    expect(() => assertBlockKit({ response_type: 'ephemeral', text: 'x', blocks: sections(50) })).not.toThrow();
  });

  it('checks the view of a response_action update against the 100-block limit, and lets field errors and empty acks through', () => {
    expect(() => assertBlockKit({ response_action: 'update', view: { type: 'modal', title: { type: 'plain_text', text: 'Log' }, blocks: sections(101) } })).toThrow(
      'no more than 100 items allowed [json-pointer:/view/blocks]',
    );
    expect(() => assertBlockKit({ response_action: 'errors', errors: { amount: 'Say how much' } })).not.toThrow();
    expect(() => assertBlockKit(undefined)).not.toThrow();
  });
});
