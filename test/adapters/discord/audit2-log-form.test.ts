/**
 * `/ceu log` without an amount opens a form that keeps what was typed (README, Discord). The form
 * has five fields, all taken (amount and unit, category, title, date, AAMA-approved): a unit,
 * provider or certificate given with the command has no field, and must not be lost on the way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { startFakeDiscordCdn, type FakeDiscordCdn } from '../../fakes/fake-discord-cdn.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

const PDF = Buffer.from('%PDF-1.7 Certificate of completion: Sepsis update');

let d: DiscordUnderTest;
let cdn: FakeDiscordCdn;
beforeEach(async () => {
  d = await startDiscordUnderTest();
  cdn = await startFakeDiscordCdn();
});
afterEach(async () => {
  await d.close();
  await cdn.close();
});

type Form = { custom_id: string; components: Array<{ components: Array<{ custom_id: string; label: string; value?: string }> }> };
const activities = () => d.database.sqlite.prepare('SELECT amount, unit, category, title, provider, certificate_name AS certificateName, certificate_url AS certificateUrl FROM activities WHERE deleted_at IS NULL').all();

describe('the log form opened by /ceu log without an amount', () => {
  it('keeps the unit, provider and certificate given with the command, which it has no field for', async () => {
    const file = cdn.upload('sepsis-cert.pdf', PDF);
    const opened = await d.fake.sendInteraction(makeSlashInteraction({
      subcommand: 'log',
      options: [
        { name: 'unit', type: 3, value: 'hours' }, { name: 'provider', type: 3, value: 'Relias Learning' },
        { name: 'category', type: 3, value: 'clinical' }, { name: 'certificate', type: 11, value: file.id },
      ],
      overrides: { data: { resolved: { attachments: { [file.id]: file } } } },
    }));
    expect(opened.body.type).toBe(9);
    const form = opened.body.data as unknown as Form;
    const amount = form.components.map((row) => row.components[0]!).find((input) => input.custom_id === 'amount')!;
    expect(amount.label).toContain('hours');

    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, { amount: '2', category: 'clinical', title: 'Sepsis update', date: '', aama: '' }));
    expect(textOf(submitted.body)).toContain('Logged #1');
    const dmChannel = d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!;
    const [copy] = d.fake.messagesIn(dmChannel);
    expect(activities()).toEqual([{
      amount: '2', unit: 'hours', category: 'clinical', title: 'Sepsis update', provider: 'Relias Learning',
      certificateName: 'sepsis-cert.pdf', certificateUrl: `https://discord.com/channels/@me/${dmChannel}/${copy!.id}`,
    }]);
  });

  it('takes an amount typed with another unit in the form as typed', async () => {
    const opened = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'log', options: [{ name: 'unit', type: 3, value: 'hours' }, { name: 'provider', type: 3, value: 'Relias' }] }));
    const form = opened.body.data as unknown as Form;
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, { amount: '90 min', category: 'general', title: '', date: '', aama: '' }));
    expect(textOf(submitted.body)).toContain('Logged #1');
    expect(activities()).toMatchObject([{ amount: '90', unit: 'minutes', provider: 'Relias' }]);
  });

  it('saves nothing when Discord removed the attached certificate while the form was open, and says so', async () => {
    const file = cdn.upload('sepsis-cert.pdf', PDF);
    const opened = await d.fake.sendInteraction(makeSlashInteraction({
      subcommand: 'log', options: [{ name: 'certificate', type: 11, value: file.id }], overrides: { data: { resolved: { attachments: { [file.id]: file } } } },
    }));
    cdn.expire(file);
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction((opened.body.data as unknown as Form).custom_id, { amount: '2h', category: 'general', title: '', date: '', aama: '' }));
    expect(textOf(submitted.body)).toContain('Discord has already removed sepsis-cert.pdf');
    expect(d.activityCount()).toBe(0);
  });

  it('saves nothing from a form whose unit, provider or certificate it no longer has (opened before a restart), and says what to do', async () => {
    const opened = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'log', options: [{ name: 'provider', type: 3, value: 'Relias' }] }));
    const form = opened.body.data as unknown as Form;
    await d.close();
    d = await startDiscordUnderTest();

    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, { amount: '2h', category: 'general', title: '', date: '', aama: '' }));
    expect(submitted.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(submitted.body)).toContain('Nothing was saved');
    expect(textOf(submitted.body)).toContain('/ceu log');
    expect(d.activityCount()).toBe(0);
  });
});
