import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAutocompleteInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { DISCORD_PERMISSIONS } from '../../fakes/discord-permissions.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
});
afterEach(async () => {
  await d.close();
});

const STRING = 3;
const BOOLEAN = 5;
const NUMBER = 10;
const slash = (subcommand: string, options: Array<{ name: string; type: number; value: string | number | boolean }> = [], extra = {}) =>
  d.fake.sendInteraction(makeSlashInteraction({ subcommand, options, ...extra }));

describe('/ceu subcommands over INTERACTION_CREATE', () => {
  it('adds a credential, logs with typed options and answers status as embeds, all ephemeral', async () => {
    const added = await slash('credential', [{ name: 'action', type: STRING, value: 'add' }, { name: 'code', type: STRING, value: 'CMA' }, { name: 'expires', type: STRING, value: '2027-02-28' }]);
    expect(added.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(added.body)).toContain('Tracking Certified Medical Assistant');
    const logged = await slash('log', [
      { name: 'amount', type: NUMBER, value: 2 }, { name: 'unit', type: STRING, value: 'hours' }, { name: 'category', type: STRING, value: 'clinical' },
      { name: 'title', type: STRING, value: 'Phlebotomy basics' }, { name: 'date', type: STRING, value: '2026-11-01' }, { name: 'aama', type: BOOLEAN, value: true },
    ]);
    expect(textOf(logged.body)).toContain('CMA: +2 points clinical, AAMA-approved');
    const buttons = (logged.body.data as { components: Array<{ components: Array<{ custom_id: string; label: string }> }> }).components[0]!.components;
    expect(buttons.map((b) => [b.label, b.custom_id])).toEqual([['Undo', 'ceu:delete 1'], ['Log another', 'ceu:log']]);
    const status = await slash('status');
    const embed = (status.body.data as { embeds: Array<{ title: string; color: number; description: string }> }).embeds[0]!;
    expect(embed.title).toBe('CMA (AAMA): in progress');
    expect(embed.color).toBe(0x1565c0);
    expect(embed.description).toContain('`░░░░░░░░░░` 2/60 points');
    expect(d.activityCount()).toBe(1);
  });

  it.each([
    ['need', [], 'You have no credentials yet'],
    ['history', [], 'Nothing logged yet'],
    ['undo', [], 'Nothing to undo'],
    ['help', [{ name: 'command', type: STRING, value: 'log' }], 'log cpr on 2024-06-20'],
    ['settings', [{ name: 'tz', type: STRING, value: 'America/Denver' }], 'Time zone: America/Denver'],
    ['pause', [{ name: 'until', type: STRING, value: '2027-01-15' }], 'Reminders paused until 2027-01-15'],
  ])('answers /ceu %s', async (subcommand, options, expected) => {
    expect(textOf((await slash(subcommand, options)).body)).toContain(expected);
  });

  it('refuses bad options privately with every problem and the usage, storing nothing', async () => {
    const reply = await slash('log', [{ name: 'amount', type: NUMBER, value: 500 }, { name: 'unit', type: STRING, value: 'hours' }, { name: 'date', type: STRING, value: '2026-02-30' }]);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(reply.body)).toContain('more than 100 hours');
    expect(textOf(reply.body)).toContain('not a real date');
    expect(textOf(reply.body)).toContain('Usage: log');
    expect(d.activityCount()).toBe(0);
  });

  it('opens the log form when /ceu log has no amount, keeping what was typed', async () => {
    const reply = await slash('log', [{ name: 'category', type: STRING, value: 'clinical' }, { name: 'title', type: STRING, value: 'Sepsis' }]);
    // The form is named by the command that opened it, so that it logs one activity (log-form-once.test.ts).
    expect(reply.body).toMatchObject({ type: 9, data: { custom_id: expect.stringMatching(/^ceu:log-modal#\d+$/) } });
    const inputs = (reply.body.data as { components: Array<{ components: Array<{ custom_id: string; value?: string; label: string }> }> }).components.map((row) => row.components[0]!);
    expect(inputs.find((i) => i.custom_id === 'category')?.value).toBe('clinical');
    expect(inputs.find((i) => i.custom_id === 'title')?.value).toBe('Sepsis');
    for (const input of inputs) expect(input.label.length).toBeLessThanOrEqual(45);
  });

  it('gates admin commands by Manage Server', async () => {
    const member = await d.fake.sendInteraction(makeSlashInteraction({ commandName: 'ceu-admin', subcommand: 'admin', options: [{ name: 'action', type: STRING, value: 'list' }] }));
    expect(textOf(member.body)).toContain('for admins of this workspace');
    const manager = await d.fake.sendInteraction(makeSlashInteraction({ commandName: 'ceu-admin', subcommand: 'admin', options: [{ name: 'action', type: STRING, value: 'list' }], permissions: DISCORD_PERMISSIONS.manager }));
    expect(textOf(manager.body)).toContain('Nobody has been named yet');
  });

  it('keeps a DM apart from the server, in a personal space', async () => {
    await slash('log', [{ name: 'amount', type: NUMBER, value: 1 }, { name: 'unit', type: STRING, value: 'hours' }], { guildId: null });
    const tenants = d.database.sqlite.prepare('SELECT external_id FROM workspaces').all();
    expect(tenants).toEqual([{ external_id: expect.stringMatching(/^dm:\d+$/) }]);
  });
});

describe('more subcommands', () => {
  it('stores an attached certificate with the activity, and edits, lists and deletes', async () => {
    const attachment = { id: '5000000000000000001', filename: 'sepsis-cert.pdf', size: 1024, url: 'https://cdn.discordapp.com/attachments/1/2/sepsis-cert.pdf', proxy_url: 'https://media.discordapp.net/attachments/1/2/sepsis-cert.pdf', content_type: 'application/pdf' };
    const logged = await d.fake.sendInteraction(makeSlashInteraction({
      subcommand: 'log',
      options: [{ name: 'amount', type: NUMBER, value: 2 }, { name: 'unit', type: STRING, value: 'hours' }, { name: 'certificate', type: 11, value: attachment.id }],
      overrides: { data: { resolved: { attachments: { [attachment.id]: attachment } } } },
    }));
    expect(textOf(logged.body)).toContain('[certificate: sepsis-cert.pdf]');
    expect(d.database.sqlite.prepare('SELECT certificate_url, certificate_name FROM activities').get()).toEqual({ certificate_url: attachment.url, certificate_name: 'sepsis-cert.pdf' });
    expect(textOf((await slash('edit', [{ name: 'id', type: 4, value: 1 }, { name: 'field', type: STRING, value: 'date' }, { name: 'value', type: STRING, value: '2026-11-20' }])).body)).toContain('Edited: #1 2026-11-20');
    expect(textOf((await slash('history')).body)).toContain('#1 2026-11-20 2 hours');
    expect(textOf((await slash('status', [{ name: 'json', type: BOOLEAN, value: true }])).body)).toContain('"member":');
    expect(textOf((await slash('delete', [{ name: 'id', type: 4, value: 1 }])).body)).toContain('Deleted #1');
    expect(d.activityCount()).toBe(0);
  });

  it('lets a Manage Server member name an admin with a user option', async () => {
    const reply = await d.fake.sendInteraction(makeSlashInteraction({
      commandName: 'ceu-admin', subcommand: 'admin', permissions: DISCORD_PERMISSIONS.manager,
      options: [{ name: 'action', type: STRING, value: 'add' }, { name: 'user', type: 6, value: '3000000000000000009' }],
    }));
    expect(textOf(reply.body)).toContain('is now an admin');
  });
});

describe('autocomplete', () => {
  it("suggests the member's providers and activities well within 3 seconds", async () => {
    await slash('log', [{ name: 'amount', type: NUMBER, value: 1 }, { name: 'unit', type: STRING, value: 'hours' }, { name: 'provider', type: STRING, value: 'Relias' }]);
    const started = Date.now();
    const providers = await d.fake.sendInteraction(makeAutocompleteInteraction('log', 'provider', 're'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(providers.body).toEqual({ type: 8, data: { choices: [{ name: 'Relias', value: 'Relias' }] } });
    const activities = await d.fake.sendInteraction(makeAutocompleteInteraction('delete', 'id', ''));
    expect(activities.body).toMatchObject({ type: 8, data: { choices: [{ value: '1' }] } });
  });
});

describe('autocomplete of an activity id', () => {
  it('offers the activities whose id starts with the digits typed, not every one dated 2026', async () => {
    for (const title of ['Ethics', 'Sepsis']) {
      await slash('log', [{ name: 'amount', type: NUMBER, value: 1 }, { name: 'unit', type: STRING, value: 'hours' }, { name: 'title', type: STRING, value: title }]);
    }
    const choices = async (subcommand: string, typed: string) =>
      ((await d.fake.sendInteraction(makeAutocompleteInteraction(subcommand, 'id', typed))).body.data as { choices: Array<{ value: string }> }).choices.map((c) => c.value);
    expect(await choices('delete', '2')).toEqual(['2']);
    expect(await choices('edit', '1')).toEqual(['1']);
    expect(await choices('edit', 'sepsis')).toEqual(['2']);
  });
});

describe('a slow core', () => {
  it('defers privately, then edits the original response', async () => {
    await d.close();
    d = await startDiscordUnderTest({ coreDelayMs: 300, deferAfterMs: 50 });
    const callback = await slash('help');
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await d.fake.waitForCall('PATCH /webhooks/:applicationId/:token/messages/@original');
    expect(textOf(edit.body)).toContain('ceu-bot keeps your continuing education on track');
  });
});

describe('an unexpected failure in the core', () => {
  it('is answered privately with "nothing was saved" and logged', async () => {
    await d.close();
    d = await startDiscordUnderTest({ failing: true });
    const reply = await slash('status');
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(reply.body)).toContain('Something went wrong; nothing was saved.');
    expect(d.logs.join('\n')).toContain('disk I/O error');
  });
});
