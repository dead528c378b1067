/**
 * What an operator sees when Slack is misconfigured or out of reach at start-up: one line naming
 * the variable (and where in the app's settings its value is), never a token, within a bounded time.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackOptions } from '../../../src/adapters/slack/start-slack.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeTestCore } from '../../support/make-test-core.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeSlack(options: Parameters<typeof startFakeSlack>[0] = {}): Promise<FakeSlack> {
  const fake = await startFakeSlack(options);
  cleanups.push(() => fake.close());
  return fake;
}

/** Slack options as main passes them (no `retries`: Slack's client default), over HTTP unless overridden. */
function slackOptions(overrides: Partial<SlackOptions>): SlackOptions & { logs: string[] } {
  const core = makeTestCore();
  cleanups.push(() => core.cleanup());
  return { bot: core.bot, clock: core.clock, logger: core.logger, logs: core.logs, botToken: 'xoxb-test', signingSecret: 'secret', port: 0, host: '127.0.0.1', ...overrides };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Accepts connections and never answers: a firewall that drops, a proxy that hangs. */
async function silentServer(): Promise<Server> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return server;
}

async function startFailure(options: SlackOptions): Promise<{ message: string; afterMs: number }> {
  const startedAt = performance.now();
  try {
    const handle = await startSlack(options);
    cleanups.push(() => handle.stop());
  } catch (error) {
    return { message: (error as Error).message, afterMs: performance.now() - startedAt };
  }
  throw new Error('Slack started');
}

describe('starting Slack misconfigured', () => {
  it('refuses a bot token Slack rejects, saying where SLACK_BOT_TOKEN comes from', async () => {
    const fake = await fakeSlack();
    const { message } = await startFailure(slackOptions({ botToken: 'xoxb-wrong', apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Slack did not accept SLACK_BOT_TOKEN \(auth\.test: invalid_auth\): .*Bot User OAuth Token.*OAuth & Permissions/);
    expect(message).not.toContain('xoxb-wrong');
  });

  it('says so when the bot token is an app-level token', async () => {
    const fake = await fakeSlack();
    fake.failNext('auth.test', { error: 'not_allowed_token_type' });
    const { message } = await startFailure(slackOptions({ botToken: 'xapp-1-A1-2-abc', apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Slack did not accept SLACK_BOT_TOKEN \(auth\.test: not_allowed_token_type; it is an app-level token, xapp-…\): /);
    expect(message).not.toContain('xapp-1-A1-2-abc');
  });

  it('refuses a bot token given as SLACK_APP_TOKEN at once, naming it, where Bolt would retry for ever', async () => {
    const fake = await fakeSlack();
    // Slack's answer to apps.connections.open with a bot token; Bolt treats it as worth retrying.
    for (let i = 0; i < 3; i++) fake.failNext('apps.connections.open', { error: 'not_allowed_token_type' });
    const { message, afterMs } = await startFailure(slackOptions({ appToken: 'xoxb-test', apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Slack did not accept SLACK_APP_TOKEN \(apps\.connections\.open: not_allowed_token_type; it is a bot token, xoxb-…\): .*xapp-.*connections:write.*App-Level Tokens/);
    expect(message).not.toContain('xoxb-test');
    expect(afterMs).toBeLessThan(3000);
    expect(fake.socketCount()).toBe(0);
  }, 20_000);

  it('refuses an app-level token Slack rejects, naming SLACK_APP_TOKEN', async () => {
    const fake = await fakeSlack();
    const { message } = await startFailure(slackOptions({ appToken: 'xapp-wrong', apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Slack did not accept SLACK_APP_TOKEN \(apps\.connections\.open: invalid_auth\): .*App-Level Tokens/);
    expect(message).not.toContain('xapp-wrong');
    expect(fake.socketCount()).toBe(0);
  });

  it('gives up on a Slack that does not answer within the time allowed, naming SLACK_API_URL', async () => {
    const server = await silentServer();
    const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
    const { message, afterMs } = await startFailure(slackOptions({ apiUrl, readyTimeoutMs: 1500 }));
    expect(message).toMatch(/^Cannot reach Slack at 127\.0\.0\.1:\d+ \(no answer\).*SLACK_API_URL/);
    expect(afterMs).toBeLessThan(4000);
  }, 20_000);

  it('gives up on an API URL that is not Slack, naming SLACK_API_URL', async () => {
    const fake = await fakeSlack();
    const { message } = await startFailure(slackOptions({ apiUrl: `${fake.origin}/not-the-api/`, readyTimeoutMs: 5000 }));
    expect(message).toMatch(/^Slack's Web API at 127\.0\.0\.1:\d+ answered HTTP 404.*SLACK_API_URL/);
  });

  it('keeps trying while Slack cannot be reached at first, and starts once it answers', async () => {
    const port = await freePort();
    const options = slackOptions({ apiUrl: `http://127.0.0.1:${port}/api/`, readyTimeoutMs: 10_000 });
    const started = startSlack(options);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fake = await fakeSlack({ port });
    const handle = await started;
    cleanups.push(() => handle.stop());
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(options.logs.some((line) => line.includes('Slack not reachable yet') && line.includes('connection refused'))).toBe(true);
  }, 20_000);

  it('names PORT when the port is already in use', async () => {
    const fake = await fakeSlack();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    const { message } = await startFailure(slackOptions({ apiUrl: fake.apiUrl, port }));
    expect(message).toBe(`Cannot listen for Slack on port ${port} (PORT): it is in use; stop what uses it or set PORT to a free port.`);
  });

  it('names SLACK_SIGNING_SECRET in the log when requests fail their signature check (Slack cannot check it at start-up)', async () => {
    const fake = await fakeSlack();
    const options = slackOptions({ apiUrl: fake.apiUrl, signingSecret: 'the-secret-in-the-environment' });
    const handle = await startSlack(options);
    cleanups.push(() => handle.stop());
    const reply = await postSlashCommand(`http://127.0.0.1:${handle.port}/slack/events`, 'the-secret-slack-signs-with', makeSlashCommand(fake, 'help'));
    expect(reply.status).toBe(401);
    const hints = options.logs.filter((line) => line.includes('SLACK_SIGNING_SECRET'));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('Basic Information');
    expect(options.logs.join('\n')).not.toContain('the-secret');
  });
});
