/**
 * `/ceu log` with an amount but no unit cannot log, and retyping every option to add one word is
 * what a member would give up on: the log form opens instead, filled in with what the command gave
 * (the amount in "Amount and unit", for the unit to be added), as Slack's does. Discord takes a
 * form only as the first answer to an interaction, and one answer per interaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeModalSubmitInteraction, makeSlashInteraction, type DiscordCommandOption, type InteractionContext } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { startFakeDiscordCdn, type FakeDiscordCdn } from '../../fakes/fake-discord-cdn.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

let d: DiscordUnderTest;
let cdn: FakeDiscordCdn | undefined;
afterEach(async () => {
  await d.close();
  await cdn?.close();
  cdn = undefined;
});

type Input = { custom_id: string; label: string; value?: string };
type Form = { custom_id: string; components: Array<{ components: Input[] }> };

const inputs = (form: Form): Record<string, Input> => Object.fromEntries(form.components.map((row) => [row.components[0]!.custom_id, row.components[0]!]));
const activities = () => d.database.sqlite.prepare('SELECT amount, unit, category, title, provider, completed_on AS completedOn, aama_approved AS aama, certificate_name AS certificateName FROM activities WHERE deleted_at IS NULL').all();
const callbacksFor = (interactionId: string) => d.fake.callsTo('POST /interactions/:id/:token/callback').filter((call) => call.path.startsWith(`/interactions/${interactionId}/`));

async function logCommand(options: DiscordCommandOption[], overrides?: InteractionContext['overrides']) {
  const command = makeSlashInteraction({ subcommand: 'log', options, ...(overrides ? { overrides } : {}) });
  return { command, answer: await d.fake.sendInteraction(command) };
}

describe('/ceu log with an amount but no unit', () => {
  it('opens the log form filled in with the amount, category and title, and its submission logs once', async () => {
    d = await startDiscordUnderTest();
    const { command, answer } = await logCommand([
      { name: 'amount', type: 10, value: 2 }, { name: 'category', type: 3, value: 'clinical' }, { name: 'title', type: 3, value: 'Sepsis' },
    ]);
    expect(answer.body.type).toBe(9);
    const form = answer.body.data as unknown as Form;
    const fields = inputs(form);
    expect(fields.amount).toMatchObject({ value: '2' });
    expect(fields.amount!.label).toContain('unit');
    expect(fields.category).toMatchObject({ value: 'clinical' });
    expect(fields.title).toMatchObject({ value: 'Sepsis' });
    expect(fields.date!.value).toBeUndefined();
    // One answer: the form, not an error beside it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callbacksFor(command.id)).toHaveLength(1);
    expect(d.activityCount()).toBe(0);

    const sent = { amount: '2h', category: 'clinical', title: 'Sepsis', date: '', aama: '' };
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, sent));
    expect(textOf(submitted.body)).toContain('Logged #1');
    const again = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, sent));
    expect(textOf(again.body)).toContain('#1 is already logged from this form');
    expect(activities()).toEqual([{ amount: '2', unit: 'hours', category: 'clinical', title: 'Sepsis', provider: null, completedOn: '2026-11-24', aama: 0, certificateName: null }]);
  });

  it('keeps the date and AAMA approval in the form, and the provider and certificate it has no field for', async () => {
    d = await startDiscordUnderTest();
    cdn = await startFakeDiscordCdn();
    const file = cdn.upload('sepsis-cert.pdf', Buffer.from('%PDF-1.7 Sepsis update'));
    const { answer } = await logCommand([
      { name: 'amount', type: 10, value: 1.5 }, { name: 'category', type: 3, value: 'general' }, { name: 'date', type: 3, value: '2026-11-01' },
      { name: 'provider', type: 3, value: 'Relias' }, { name: 'aama', type: 5, value: true }, { name: 'certificate', type: 11, value: file.id },
    ], { data: { resolved: { attachments: { [file.id]: file } } } });
    expect(answer.body.type).toBe(9);
    const form = answer.body.data as unknown as Form;
    expect(inputs(form)).toMatchObject({ amount: { value: '1.5' }, category: { value: 'general' }, date: { value: '2026-11-01' }, aama: { value: 'yes' } });

    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, { amount: '1.5 ceu', category: 'general', title: '', date: '2026-11-01', aama: 'yes' }));
    expect(textOf(submitted.body)).toContain('Logged #1');
    expect(activities()).toEqual([{ amount: '1.5', unit: 'ceu', category: 'general', title: null, provider: 'Relias', completedOn: '2026-11-01', aama: 1, certificateName: 'sepsis-cert.pdf' }]);
    // The copy made while the command was refused is taken back: one copy, the one the activity links to.
    expect(d.fake.messagesIn(d.fake.dmChannelOf(FAKE_DISCORD_IDS.user)!)).toHaveLength(1);
  });

  it('answers with the refusal, once, when the core takes too long for a form to be the answer', async () => {
    d = await startDiscordUnderTest({ coreDelayMs: 150, deferAfterMs: 20 });
    const { command, answer } = await logCommand([{ name: 'amount', type: 10, value: 2 }, { name: 'category', type: 3, value: 'clinical' }]);
    expect(answer.body.type).toBe(5);
    const edit = await d.fake.waitForCall('PATCH /webhooks/:app/:token/messages/@original');
    expect(textOf(edit.body)).toContain('Say what unit 2 is in');
    expect(callbacksFor(command.id)).toHaveLength(1);
    expect(d.activityCount()).toBe(0);
  });
});
