import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandManifest, MANAGE_GUILD } from '../../../src/adapters/discord/command-manifest.js';
import { COMMANDS } from '../../../src/core/index.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeBot } from '../../core/make-bot.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await fake.close();
});

function runRegister(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/adapters/discord/register-commands.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run discord:register', () => {
  it('puts /ceu and /ceu-admin, generated from the core declarations, to one server', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guilds[0]!.id };
    const run = await runRegister(env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Registered /ceu and /ceu-admin in server ${fake.guilds[0]!.id}`);
    const registered = fake.commands(fake.guilds[0]!.id)!;
    expect(registered).toMatchObject(commandManifest(COMMANDS));
    expect(run.stdout + run.stderr).not.toContain(fake.token);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const run = await runRegister({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(0);
    expect(fake.commands()).toHaveLength(2);
  });

  it('says what to set when Discord is not configured', async () => {
    const run = await runRegister({});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });
});

describe('the command manifest', () => {
  const [ceu, admin] = commandManifest(COMMANDS);

  it('has one subcommand per member command, with typed options from the declarations', () => {
    expect(ceu!.options.map((o) => o.name)).toEqual(COMMANDS.filter((c) => !c.adminOnly).map((c) => c.name));
    const log = ceu!.options.find((o) => o.name === 'log')!;
    expect(log.options!.find((o) => o.name === 'amount')).toMatchObject({ type: 10, min_value: 0.01, max_value: 6000 });
    expect(log.options!.find((o) => o.name === 'unit')!.choices!.map((c) => c.value)).toContain('iacet');
    expect(log.options!.find((o) => o.name === 'aama')).toMatchObject({ type: 5 });
    expect(log.options!.find((o) => o.name === 'certificate')).toMatchObject({ type: 11 });
    expect(log.options!.find((o) => o.name === 'provider')).toMatchObject({ autocomplete: true });
    expect(ceu!.options.find((o) => o.name === 'delete')!.options![0]).toMatchObject({ name: 'id', type: 4, required: true, autocomplete: true });
  });

  it('gives a string option the length the core accepts, so Discord stops a longer one before it is sent', async () => {
    const sub = (name: string) => ceu!.options.find((o) => o.name === name)!;
    const option = (command: string, name: string) => sub(command).options!.find((o) => o.name === name)!;
    expect(option('log', 'title')).toMatchObject({ type: 3, max_length: 200 });
    expect(option('log', 'provider')).toMatchObject({ type: 3, max_length: 100 });
    // `edit`'s value may be a title, the longest field it takes.
    expect(option('edit', 'value')).toMatchObject({ type: 3, max_length: 200 });
    // The limit is the core's own: as long as it allows is accepted, one more is refused.
    const t = makeBot();
    try {
      const log = (title: string, provider: string) => t.structured('log', { amount: 1, unit: 'hours', title, provider });
      expect((await log('x'.repeat(200), 'y'.repeat(100))).tone).toBe('success');
      expect((await log('x'.repeat(201), 'y')).tone).toBe('error');
      expect((await log('x', 'y'.repeat(101))).tone).toBe('error');
    } finally {
      t.close();
    }
    for (const command of [ceu!, admin!]) {
      for (const option of command.options.flatMap((o) => o.options ?? [])) {
        if (option.max_length !== undefined) expect(option).toMatchObject({ type: 3, max_length: expect.any(Number) });
        expect(option.max_length ?? 1).toBeGreaterThanOrEqual(1);
        expect(option.max_length ?? 6000).toBeLessThanOrEqual(6000);
      }
    }
  });

  it('hides admin commands from members with default_member_permissions, and keeps Discord limits', () => {
    expect(admin).toMatchObject({ name: 'ceu-admin', default_member_permissions: MANAGE_GUILD, contexts: [0] });
    expect(admin!.options.map((o) => o.name)).toEqual(['team', 'digest', 'admin']);
    const digest = admin!.options.find((o) => o.name === 'digest')!;
    // Only text and announcement channels: a digest cannot go to a voice channel or a category.
    expect(digest.options!.find((o) => o.name === 'channel')).toMatchObject({ type: 7, channel_types: [0, 5] });
    for (const command of [ceu!, admin!]) {
      expect(command.options.length).toBeLessThanOrEqual(25);
      for (const sub of command.options) {
        expect(sub.description.length).toBeLessThanOrEqual(100);
        const required = (sub.options ?? []).map((o) => Boolean(o.required));
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
        for (const option of sub.options ?? []) {
          expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
          expect(option.description.length).toBeLessThanOrEqual(100);
          expect((option.choices ?? []).length).toBeLessThanOrEqual(25);
          expect(Boolean(option.choices && option.autocomplete)).toBe(false);
        }
      }
    }
  });
});
