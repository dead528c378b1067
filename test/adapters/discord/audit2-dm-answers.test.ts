/**
 * Answers that go by DM for something asked in a server: a mention answered privately. What the
 * member does from that DM (its buttons, the form they open) must land in the server they asked
 * in, not in the personal space a DM otherwise stands for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeButtonInteraction, makeMessageCreate, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import type { DiscordMessagePayload } from '../../fakes/fake-discord.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

const GUILD = FAKE_DISCORD_IDS.guild;
const DANA = FAKE_DISCORD_IDS.user;

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
  await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
    { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: 'RMA' }, { name: 'expires', type: 3, value: '2027-04-30' },
  ] }));
});
afterEach(async () => {
  await d.close();
});

type Rows = Array<{ components: Array<{ custom_id: string; label: string }> }>;
const buttonsOf = (message: DiscordMessagePayload) => (message.components as unknown as Rows).flatMap((row) => row.components);
const clickInDm = (customId: string, message: DiscordMessagePayload) =>
  d.fake.sendInteraction(makeButtonInteraction(customId, { guildId: null, channelId: message.channel_id, messageId: message.id, message }));

describe('the buttons of a mention answered by DM', () => {
  it('undo the activity logged in the server, not look for it in the DM space', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('log 2h general Ethics', { mentionsBot: true }));
    const answer = await d.fake.waitForMessage((m) => textOf(m).includes('Logged #1'));
    expect(answer.channel_id).toBe(d.fake.dmChannelOf(DANA));
    const undo = buttonsOf(answer).find((b) => b.label === 'Undo')!;
    expect(undo.custom_id).toBe(`ceu@${GUILD}:delete 1`);

    const clicked = await clickInDm(undo.custom_id, answer);
    expect(textOf(clicked.body)).toContain('Deleted #1');
    expect(d.activityCount()).toBe(0);
  });

  it('log another activity in the server through the form they open', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('log 2h general Ethics', { mentionsBot: true }));
    const answer = await d.fake.waitForMessage((m) => textOf(m).includes('Logged #1'));
    const logAnother = buttonsOf(answer).find((b) => b.label === 'Log another')!;

    const form = await clickInDm(logAnother.custom_id, answer);
    expect(form.body).toMatchObject({ type: 9, data: { custom_id: `ceu@${GUILD}:log-modal` } });
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(`ceu@${GUILD}:log-modal`, { amount: '1h', category: 'clinical', title: 'Sepsis', date: '', aama: '' }, { guildId: null }));
    expect(textOf(submitted.body)).toContain('Logged #2');

    const history = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'history' }));
    expect(textOf(history.body)).toContain('#2 2026-11-24 1 hour clinical “Sepsis”');
    const dmSpace = d.database.sqlite.prepare("SELECT COUNT(*) AS n FROM workspaces WHERE external_id LIKE 'dm:%'").get() as { n: number };
    expect(dmSpace.n).toBe(0);
  });

  it('on the answer to the form they open undo the activity in the server', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('log 2h general Ethics', { mentionsBot: true }));
    const answer = await d.fake.waitForMessage((m) => textOf(m).includes('Logged #1'));
    await clickInDm(buttonsOf(answer).find((b) => b.label === 'Log another')!.custom_id, answer);
    const submitted = await d.fake.sendInteraction(makeModalSubmitInteraction(`ceu@${GUILD}:log-modal`, { amount: '1h', category: 'clinical', title: 'Sepsis', date: '', aama: '' }, { guildId: null, overrides: { message: answer } }));
    expect(textOf(submitted.body)).toContain('Logged #2');
    const buttons = (submitted.body.data as { components: Rows }).components.flatMap((row) => row.components);
    const undo = buttons.find((b) => b.label === 'Undo')!;
    expect(undo.custom_id).toBe(`ceu@${GUILD}:delete 2`);

    const clicked = await clickInDm(undo.custom_id, answer);
    expect(textOf(clicked.body)).toContain('Deleted #2');
    expect(d.activityCount()).toBe(1);
  });

  it('undo an edit made in the server, naming that edit', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('log 2h general Ethics', { mentionsBot: true }));
    await d.fake.waitForMessage((m) => textOf(m).includes('Logged #1'));
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('edit 1 amount 3h', { mentionsBot: true }));
    const answer = await d.fake.waitForMessage((m) => textOf(m).includes('Edited: #1'));
    const undo = buttonsOf(answer).find((b) => b.label === 'Undo')!;
    expect(undo.custom_id).toMatch(new RegExp(`^ceu@${GUILD}:undo edit 1 amount \\d+$`));

    const clicked = await clickInDm(undo.custom_id, answer);
    expect(textOf(clicked.body)).toContain('Undid the edit; restored #1');
    expect(d.database.sqlite.prepare('select amount from activities where id = 1').pluck().get()).toBe('2');
  });

  it('show what the member still needs in the server', async () => {
    d.fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true }));
    const answer = await d.fake.waitForMessage((m) => m.channel_id === d.fake.dmChannelOf(DANA) && textOf(m).includes('RMA (AMT): in progress'));
    const need = buttonsOf(answer).find((b) => b.label === 'What do I still need?')!;

    const clicked = await clickInDm(need.custom_id, answer);
    expect(textOf(clicked.body)).toContain('RMA (AMT)');
    expect(textOf(clicked.body)).not.toContain('You have no credentials yet');
  });
});
