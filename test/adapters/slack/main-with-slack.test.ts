import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { tempDbPath } from '../console/run-console.js';
import { textOf } from './slack-under-test.js';

const ROOT = new URL('../../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

describe('npm start with Slack configured', () => {
  it('serves /ceu over HTTP from the environment, logs no secret, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '', HOME: '/tmp', CEU_DB: tempDbPath(), CEU_NOW: '2026-11-24T18:00:00Z',
        SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'main-secret', SLACK_API_URL: fake.apiUrl, PORT: String(port), LOG_LEVEL: 'debug',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    for (let i = 0; i < 200 && !stderr.includes('Slack listening'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain('Slack listening');
    const url = `http://127.0.0.1:${port}/slack/events`;
    const reply = await postSlashCommand(url, 'main-secret', makeSlashCommand(fake, 'credential add RMA expires 2027-04-30'));
    expect(textOf(reply.json)).toContain('Tracking Registered Medical Assistant');
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).not.toContain('xoxb-test');
    expect(stderr).not.toContain('main-secret');
  }, 30_000);

  it('refuses to start when Slack rejects the token, saying so', async () => {
    const port = await freePort();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', CEU_DB: tempDbPath(), SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: String(port) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Slack did not accept SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    expect(stderr).not.toContain('xoxb-wrong');
  }, 30_000);
});
