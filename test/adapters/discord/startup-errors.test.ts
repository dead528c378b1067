/**
 * What an operator sees when Discord is misconfigured or out of reach at start-up: one line naming
 * the variable or the Developer Portal setting to fix, never the token, and within a bounded time.
 */
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { makeTestCore, type TestCore } from '../../support/make-test-core.js';
import { tempDbPath } from '../console/run-console.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeDiscord(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  cleanups.push(() => fake.close());
  return fake;
}

function testCore(): TestCore {
  const core = makeTestCore();
  cleanups.push(() => core.cleanup());
  return core;
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
async function silentServer(): Promise<string> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
}

async function startFailure(start: Promise<unknown>): Promise<{ message: string; afterMs: number }> {
  const startedAt = performance.now();
  try {
    await start;
  } catch (error) {
    return { message: (error as Error).message, afterMs: performance.now() - startedAt };
  }
  throw new Error('Discord started');
}

describe('starting Discord misconfigured', () => {
  it('refuses to start when the Message Content intent is off in the Developer Portal, naming the setting', async () => {
    const fake = await fakeDiscord({ disallowedIntents: GatewayIntentBits.MessageContent });
    const core = testCore();
    const { message } = await startFailure(startDiscord({ bot: core.bot, logger: core.logger, token: fake.token, apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Discord refused the Message Content intent: .*Bot → Privileged Gateway Intents.*Developer Portal/);
    expect(message).not.toContain(fake.token);
    expect(fake.connections()).toBe(0);
  });

  it('refuses a token Discord does not accept, saying where to copy DISCORD_TOKEN from', async () => {
    const fake = await fakeDiscord();
    const core = testCore();
    const { message } = await startFailure(startDiscord({ bot: core.bot, logger: core.logger, token: 'not-the-token', apiUrl: fake.apiUrl }));
    expect(message).toMatch(/^Discord did not accept DISCORD_TOKEN: .*Reset Token/);
    expect(message).not.toContain('not-the-token');
  });

  it('refuses a DISCORD_APPLICATION_ID that is not the application of DISCORD_TOKEN', async () => {
    const fake = await fakeDiscord();
    const core = testCore();
    const { message } = await startFailure(startDiscord({ bot: core.bot, logger: core.logger, token: fake.token, apiUrl: fake.apiUrl, applicationId: '1111111111111111111' }));
    expect(message).toMatch(/^DISCORD_APPLICATION_ID is not the application DISCORD_TOKEN belongs to: .*Application ID/);
    expect(message).not.toContain('1111111111111111111');
    expect(fake.connections()).toBe(0);
  });

  it('gives up on a Discord that does not answer within the time allowed, naming DISCORD_API_URL', async () => {
    const core = testCore();
    const { message, afterMs } = await startFailure(startDiscord({ bot: core.bot, logger: core.logger, token: 'a-token', apiUrl: await silentServer(), readyTimeoutMs: 1500 }));
    expect(message).toMatch(/^Cannot reach Discord at 127\.0\.0\.1:\d+ \(no answer\).*DISCORD_API_URL/);
    expect(afterMs).toBeLessThan(4000);
  }, 20_000);

  it('gives up on a Discord API URL that is not Discord, naming DISCORD_API_URL', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no such page","code":0}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const core = testCore();
    const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
    const { message } = await startFailure(startDiscord({ bot: core.bot, logger: core.logger, token: 'a-token', apiUrl, readyTimeoutMs: 5000 }));
    expect(message).toMatch(/^Discord's API at 127\.0\.0\.1:\d+ answered HTTP 404.*DISCORD_API_URL/);
  });

  it('keeps trying while Discord cannot be reached at first, and connects once it answers', async () => {
    const port = await freePort();
    const core = testCore();
    const started = startDiscord({ bot: core.bot, logger: core.logger, token: 'test-token', apiUrl: `http://127.0.0.1:${port}/api`, readyTimeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fake = await fakeDiscord({ port });
    const handle = await started;
    cleanups.push(() => handle.stop());
    expect(fake.connections()).toBe(1);
    expect(core.logs.some((line) => line.includes('Discord not reachable yet') && line.includes('connection refused'))).toBe(true);
  }, 20_000);
});

describe('npm start with Discord misconfigured', () => {
  function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', CEU_DB: tempDbPath(), ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  }
  /** The lines meant for a person: not pino's JSON log lines. */
  const plainLines = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));

  it('prints one line naming the portal setting and exits 1 when the Message Content intent is off', async () => {
    const fake = await fakeDiscord({ disallowedIntents: GatewayIntentBits.MessageContent });
    const { code, stderr } = await runMain({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(code).toBe(1);
    expect(plainLines(stderr)).toEqual([expect.stringMatching(/^Discord refused the Message Content intent: .*Privileged Gateway Intents/)]);
    expect(stderr).not.toContain(fake.token);
  }, 30_000);

  it('reports a Slack problem and a Discord problem together, one line each', async () => {
    const discord = await fakeDiscord({ disallowedIntents: GatewayIntentBits.MessageContent });
    const slack: FakeSlack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const { code, stderr } = await runMain({
      DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(plainLines(stderr).sort()).toEqual([
      expect.stringMatching(/^Discord refused the Message Content intent: /),
      expect.stringMatching(/^Slack did not accept SLACK_BOT_TOKEN /),
    ]);
    expect(stderr).not.toContain('xoxb-wrong');
    expect(stderr).not.toContain(discord.token);
  }, 30_000);
});
