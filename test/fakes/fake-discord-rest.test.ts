import { AttachmentBuilder, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Partials, RESTJSONErrorCodes, type Client, type Message } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_DISCORD_IDS } from './discord-ids.js';
import { makeAutocompleteInteraction, makeMessageCreate, makeSlashInteraction } from './discord-interactions.js';
import { connectDiscordClient, type ConnectedDiscordClient } from './discord-test-client.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let connected: ConnectedDiscordClient | undefined;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  await connected?.client.destroy();
  connected = undefined;
  await fake.close();
});

async function connect(options: Parameters<typeof connectDiscordClient>[1] = {}): Promise<Client> {
  connected = await connectDiscordClient(fake, options);
  return connected.client;
}

async function general(client: Client): Promise<{ send(content: string | { content: string; files?: AttachmentBuilder[] }): Promise<Message> }> {
  const channel = await client.channels.fetch(FAKE_DISCORD_IDS.channel);
  if (!channel?.isSendable()) throw new Error('#general is not sendable');
  return channel;
}

describe('the fake Discord REST API', () => {
  it('answers 404 outside its routes, 405 for a wrong method and 401 for a bot route without the token', async () => {
    const unknown = await fetch(`${fake.apiUrl}/v10/guilds/${FAKE_DISCORD_IDS.guild}/bans`);
    expect([unknown.status, await unknown.json()]).toEqual([404, { message: '404: Not Found', code: 0 }]);
    const wrongMethod = await fetch(`${fake.apiUrl}/v10/gateway/bot`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    const noAuth = await fetch(`${fake.apiUrl}/v10/users/@me`);
    expect([noAuth.status, await noAuth.json()]).toEqual([401, { message: '401: Unauthorized', code: 0 }]);
    expect(fake.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /guilds/2000000000000000001/bans 404', 'DELETE /gateway/bot 405', 'GET /users/@me 401']);
  });

  it('opens one DM channel per user and records the message sent there', async () => {
    const client = await connect();
    const first = await client.users.send(FAKE_DISCORD_IDS.user, 'Your BLS card expires in 30 days.');
    const dm = fake.callsTo('POST /users/@me/channels')[0];
    expect(dm).toMatchObject({ body: { recipient_id: FAKE_DISCORD_IDS.user }, response: { type: 1, recipients: [{ id: FAKE_DISCORD_IDS.user, username: 'dana.reyes' }] } });
    expect(first.channelId).toBe(fake.dmChannelOf(FAKE_DISCORD_IDS.user));
    expect(fake.messagesIn(first.channelId).map((message) => message.content)).toEqual(['Your BLS card expires in 30 days.']);
    const again = await fetch(`${fake.apiUrl}/v10/users/@me/channels`, { method: 'POST', headers: { authorization: 'Bot test-token', 'content-type': 'application/json' }, body: JSON.stringify({ recipient_id: FAKE_DISCORD_IDS.user }) });
    expect(((await again.json()) as { id: string }).id).toBe(first.channelId);
  });

  it('surfaces an injected 403 50007 as a DiscordAPIError, once', async () => {
    const client = await connect();
    fake.failNext(/^POST \/channels\/\d+\/messages$/, { status: 403, code: 50007, message: 'Cannot send messages to this user' });
    const error = await client.users.send(FAKE_DISCORD_IDS.user, 'hi').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: RESTJSONErrorCodes.CannotSendMessagesToThisUser });
    await expect(client.users.send(FAKE_DISCORD_IDS.user, 'hi')).resolves.toMatchObject({ content: 'hi' });
  });

  it('waits out an injected global 429, then lets the request through', async () => {
    const client = await connect();
    fake.failNext('POST /channels/:channelId/messages', { status: 429, retryAfter: 0.3, global: true });
    const channel = await general(client);
    const sent = await channel.send('after the pause');
    expect(sent.content).toBe('after the pause');
    const [limited] = fake.callsTo('POST /channels/:channelId/messages');
    expect(limited).toMatchObject({ status: 429, response: { retry_after: 0.3, global: true } });
  });

  it('echoes a command overwrite with ids that stay put across overwrites, globally and per guild', async () => {
    const client = await connect();
    const ceu = { name: 'ceu', description: 'Continuing education', options: [{ type: 1, name: 'log', description: 'Log an activity' }] };
    const first = await client.application!.commands.set([ceu]);
    const second = await client.application!.commands.set([ceu]);
    expect([...first.keys()]).toEqual([...second.keys()]);
    expect(fake.commands()).toEqual([expect.objectContaining({ name: 'ceu', application_id: FAKE_DISCORD_IDS.application, type: 1 })]);
    const fetched = await client.application!.commands.fetch();
    expect(fetched.map((command) => command.name)).toEqual(['ceu']);
    await client.application!.commands.set([ceu], FAKE_DISCORD_IDS.guild);
    expect(fake.commands(FAKE_DISCORD_IDS.guild)).toEqual([expect.objectContaining({ guild_id: FAKE_DISCORD_IDS.guild })]);
    const elsewhere = await client.application!.commands.set([ceu], '2999999999999999999').catch((caught: unknown) => caught);
    expect(elsewhere).toMatchObject({ status: 403, code: RESTJSONErrorCodes.MissingAccess });
  });

  it('reads payload_json and the file out of a multipart upload', async () => {
    const client = await connect();
    const certificate = new AttachmentBuilder(Buffer.from('%PDF-1.7 certificate'), { name: 'bls-card.pdf' });
    const sent = await (await general(client)).send({ content: 'Certificate attached', files: [certificate] });
    const call = fake.callsTo('POST /channels/:channelId/messages')[0];
    expect(call?.body).toMatchObject({ content: 'Certificate attached', attachments: [{ id: '0' }] });
    expect(call?.files).toEqual([{ field: 'files[0]', name: 'bls-card.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7 certificate') }]);
    expect(sent.attachments.first()?.name).toBe('bls-card.pdf');
  });

  it('refuses what Discord refuses: over 2,000 characters, an empty message, more than 25 choices', async () => {
    const client = await connect();
    const tooLong = await (await general(client)).send('x'.repeat(2001)).catch((caught: unknown) => caught);
    expect(tooLong).toMatchObject({ status: 400, code: 50035, rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    const codes: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      const answered = interaction.isAutocomplete()
        ? interaction.respond(Array.from({ length: 26 }, (_, index) => ({ name: `Provider ${index}`, value: `p${index}` })))
        : interaction.isChatInputCommand()
          ? interaction.reply({ content: '', flags: MessageFlags.Ephemeral })
          : Promise.resolve();
      answered.catch((error: { code?: unknown }) => codes.push(error.code));
    });
    const empty = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'log' }));
    expect(empty.response).toEqual({ message: 'Cannot send an empty message', code: 50006 });
    const choices = await fake.sendInteraction(makeAutocompleteInteraction('log', 'provider', 'P'));
    expect(choices.response).toMatchObject({ code: 50035, errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    await vi.waitFor(() => expect(codes).toEqual([50006, 50035]));
  });

  it('refuses repeated custom ids, choice values over 100 characters and modal text inputs over their limits', async () => {
    const client = await connect();
    const button = (customId: string) => ({ type: 2, style: 2, label: 'Log', custom_id: customId });
    const repeated = await (await general(client)).send({ content: 'x', components: [{ type: 1, components: [button('ceu:log'), button('ceu:need')] }, { type: 1, components: [button('ceu:log')] }] } as never).catch((caught: unknown) => caught);
    expect(repeated).toMatchObject({ code: 50035, rawError: { errors: { components: { 1: { components: { 0: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } } } } } });
    const codes: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      const answered = interaction.isAutocomplete()
        ? interaction.respond([{ name: 'Relias', value: 'r'.repeat(101) }])
        : interaction.isChatInputCommand()
          ? interaction.showModal({ custom_id: 'ceu:log-modal', title: 'Log', components: [{ type: 1, components: [{ type: 4, custom_id: 'title', label: 'L'.repeat(46), style: 1, max_length: 5, value: 'too long' }] }] } as never)
          : Promise.resolve();
      answered.catch((error: { code?: unknown }) => codes.push(error.code));
    });
    const choices = await fake.sendInteraction(makeAutocompleteInteraction('log', 'provider', 'r'));
    expect(choices.response).toMatchObject({ errors: { data: { choices: { 0: { value: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } } });
    const modal = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'log' }));
    expect(modal.response).toMatchObject({ errors: { data: { components: { 0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] }, value: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } } } } });
    await vi.waitFor(() => expect(codes).toEqual([50035, 50035]));
  });

  it('takes one answer per interaction even when it is delivered twice', async () => {
    const client = await connect();
    const codes: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) interaction.reply({ content: 'Logged', flags: MessageFlags.Ephemeral }).catch((error: { code?: unknown }) => codes.push(error.code));
    });
    const payload = makeSlashInteraction({ subcommand: 'log' });
    await fake.sendInteraction(payload);
    fake.dispatch('INTERACTION_CREATE', payload);
    await vi.waitFor(() => expect(codes).toEqual([RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]));
    expect(fake.messages.filter((message) => message.content === 'Logged')).toHaveLength(1);
  });

  it('answers an interaction callback asked for with_response with the created message', async () => {
    const client = await connect();
    const ids: Array<string | undefined> = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      interaction
        .reply({ content: 'Logged', withResponse: true })
        .then((response) => ids.push(response.resource?.message?.id))
        .catch((error: Error) => connected?.errors.push(error));
    });
    const callback = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'log' }));
    expect(callback).toMatchObject({ status: 200, query: { with_response: 'true' } });
    await vi.waitFor(() => expect(ids).toEqual([fake.messages[0]?.id]));
  });
});

describe('gateway intents, enforced like Discord', () => {
  it('blanks a guild message that does not mention the bot when MessageContent was not requested', async () => {
    const client = await connect({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages], partials: [Partials.Channel] });
    const contents: string[] = [];
    client.on(Events.MessageCreate, (message) => contents.push(message.content));
    fake.dispatch('MESSAGE_CREATE', makeMessageCreate('chatter'));
    fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status', { mentionsBot: true }));
    fake.dispatch('MESSAGE_CREATE', makeMessageCreate('status in a DM', { guildId: null }));
    await vi.waitFor(() => expect(contents).toEqual(['', `<@${FAKE_DISCORD_IDS.botUser}> status`, 'status in a DM']));
  });

  it('does not deliver DMs without the DirectMessages intent', async () => {
    await connect({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    expect(fake.dispatch('MESSAGE_CREATE', makeMessageCreate('hello?', { guildId: null }))).toBe(0);
    expect(fake.dispatch('MESSAGE_CREATE', makeMessageCreate('hello?'))).toBe(1);
  });
});
