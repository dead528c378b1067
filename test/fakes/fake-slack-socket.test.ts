import { App } from '@slack/bolt';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { makeAppMentionEvent, makeSlashCommand } from './slack-requests.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

async function socketUrl(token = 'xapp-test'): Promise<string> {
  const client = new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  const opened = await client.apps.connections.open();
  return opened.url!;
}

async function connect(): Promise<{ socket: WebSocket; messages: Array<Record<string, unknown>> }> {
  const socket = new WebSocket(await socketUrl());
  const messages: Array<Record<string, unknown>> = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
  await fake.socketConnected();
  return { socket, messages };
}

describe('the fake Socket Mode endpoint', () => {
  it('hands out its ws:// url only for the app-level token', async () => {
    expect(await socketUrl()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket\?/);
    await expect(socketUrl('xoxb-test')).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('greets a client with hello and resolves an envelope with the client ack', async () => {
    const { socket, messages } = await connect();
    socket.on('message', (data) => {
      const envelope = JSON.parse(data.toString()) as { envelope_id?: string };
      if (envelope.envelope_id) socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'got it' } }));
    });
    const ack = await fake.sendEnvelope('events_api', makeAppMentionEvent('status'));
    expect(messages[0]).toMatchObject({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } });
    expect(messages[1]).toMatchObject({ envelope_id: ack.envelope_id, type: 'events_api', accepts_response_payload: false, retry_attempt: 0 });
    expect(ack.payload).toEqual({ text: 'got it' });
    socket.close();
  });

  it('tells connected clients to reconnect with a disconnect message', async () => {
    const { socket, messages } = await connect();
    fake.sendDisconnect();
    await expect.poll(() => messages.at(-1)).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });
    socket.close();
  });

  it('rejects an envelope the client never acks, and one sent after the client left', async () => {
    const { socket } = await connect();
    await expect(fake.sendEnvelope('slash_commands', makeSlashCommand(fake, 'status'), { timeoutMs: 50 })).rejects.toThrow(/not acked within 50ms/);
    socket.close();
    await expect.poll(() => fake.socketCount()).toBe(0);
    await expect(fake.sendEnvelope('slash_commands', makeSlashCommand(fake, 'status'))).rejects.toThrow(/no Socket Mode client/);
  });

  it('works with a real Bolt app in Socket Mode: a slash command reply rides on the ack', async () => {
    const app = new App({ token: 'xoxb-test', appToken: 'xapp-test', socketMode: true, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
    app.command('/ceu', async ({ ack, command }) => ack({ text: `you said ${command.text}` }));
    await app.start();
    try {
      const ack = await fake.sendEnvelope('slash_commands', makeSlashCommand(fake, 'status'));
      expect(ack.payload).toEqual({ text: 'you said status' });
    } finally {
      // Bolt's stop() does not wait for the close handshake; fake.close() in afterEach finishes it.
      await app.stop();
    }
  });
});
