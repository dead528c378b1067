import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { tempDbPath } from '../console/run-console.js';
import { textOf } from './discord-under-test.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

describe('npm start with Discord configured', () => {
  it('logs in from the environment, answers /ceu, logs no token, and stops on SIGTERM', async () => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', CEU_DB: tempDbPath(), CEU_NOW: '2026-11-24T18:00:00Z', DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    for (let i = 0; i < 200 && !stderr.includes('Discord connected'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain('Discord connected');
    const reply = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'help' }));
    expect(textOf(reply.body)).toContain('ceu-bot keeps your continuing education on track');
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).not.toContain(fake.token);
  }, 30_000);
});
