import { createHash } from 'node:crypto';
import buttonClickFixture from './fixtures/discord/button-click.json' with { type: 'json' };
import messageCreateFixture from './fixtures/discord/message-create.json' with { type: 'json' };
import slashCommandFixture from './fixtures/discord/slash-command.json' with { type: 'json' };
import { FAKE_DISCORD_IDS, nextSnowflake, nextSnowflakeId } from './discord-ids.js';
import { DISCORD_PERMISSIONS, permissionString } from './discord-permissions.js';
import { makeDiscordBotUser, makeDiscordUser, type DiscordUserPayload, type DiscordUserSeed } from './discord-users.js';
import { mergeOverrides } from './merge-overrides.js';

export type DiscordJson = Record<string, unknown>;

/** An INTERACTION_CREATE `d` with the fields discord.js reads; the rest as Discord sends it. */
export interface DiscordInteractionPayload {
  id: string;
  application_id: string;
  type: number;
  token: string;
  version: number;
  channel_id: string;
  channel: DiscordJson;
  guild_id?: string;
  member?: DiscordJson & { user: DiscordUserPayload; permissions: string };
  user?: DiscordUserPayload;
  data: DiscordJson;
  message?: DiscordJson;
  [field: string]: unknown;
}

export interface DiscordMessageCreatePayload {
  id: string;
  channel_id: string;
  guild_id?: string;
  content: string;
  author: DiscordUserPayload;
  mentions: DiscordJson[];
  [field: string]: unknown;
}

/** Who acts, and where. */
export interface InteractionContext {
  /** A user id or seed; default Dana (FAKE_DISCORD_IDS.user). */
  user?: DiscordUserSeed | string;
  /** The member's permissions in the channel; default an ordinary member's (no MANAGE_GUILD). */
  permissions?: string | bigint;
  /** Default the fake's guild; null for the bot's DM (top-level `user`, no `member`). */
  guildId?: string | null;
  channelId?: string;
  locale?: string;
  applicationId?: string;
  /** Top-level fields replace, object fields merge one level down. */
  overrides?: DiscordJson;
}

export interface DiscordCommandOption {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 10 number. */
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const AUTOCOMPLETE = 4;
const MODAL_SUBMIT = 5;

/** `/ceu <subcommand> <options>`; `data.options` nests the options under the subcommand, as Discord does. */
export function makeSlashInteraction(input: { subcommand?: string; options?: DiscordCommandOption[]; commandName?: string } & InteractionContext): DiscordInteractionPayload {
  return baseInteraction(slashCommandFixture, APPLICATION_COMMAND, commandData(input.commandName, input.subcommand, input.options ?? []), input);
}

/** The user is typing in `focusedOptionName`; `value` is the partial text so far. */
export function makeAutocompleteInteraction(
  subcommand: string,
  focusedOptionName: string,
  value: string,
  otherOptions: DiscordCommandOption[] = [],
  context: InteractionContext = {},
): DiscordInteractionPayload {
  const options = [...otherOptions, { name: focusedOptionName, type: 3, value, focused: true }];
  return baseInteraction(slashCommandFixture, AUTOCOMPLETE, commandData(undefined, subcommand, options), context);
}

/** A click on a button of a bot message (by default an ephemeral reply to the clicker's `/ceu log`). */
export function makeButtonInteraction(customId: string, input: { messageId?: string; message?: DiscordJson } & InteractionContext = {}): DiscordInteractionPayload {
  const payload = baseInteraction(buttonClickFixture, MESSAGE_COMPONENT, { custom_id: customId, component_type: 2 }, { ...input, overrides: undefined });
  const clicker = payload.member?.user ?? payload.user;
  const fixture = structuredClone(buttonClickFixture.message);
  const button = { ...fixture.components[0]!.components[0]!, custom_id: customId };
  const message = {
    ...fixture,
    id: input.messageId ?? nextSnowflakeId(),
    channel_id: payload.channel_id,
    components: [{ ...fixture.components[0]!, components: [button] }],
    interaction_metadata: { ...fixture.interaction_metadata, user: clicker, authorizing_integration_owners: payload.authorizing_integration_owners },
    ...input.message,
  };
  return mergeOverrides({ ...payload, message }, input.overrides);
}

/**
 * A submitted modal: one text input per field, each in an action row (the classic layout) or, with
 * `wrap: 'label'`, in a label component (type 18) as modals built from labels come back.
 */
export function makeModalSubmitInteraction(
  customId: string,
  fields: Record<string, string>,
  input: { wrap?: 'action-row' | 'label' } & InteractionContext = {},
): DiscordInteractionPayload {
  const components = Object.entries(fields).map(([fieldId, value], index) => {
    const textInput = { type: 4, id: index * 2 + 2, custom_id: fieldId, value };
    return input.wrap === 'label' ? { type: 18, id: index * 2 + 1, component: textInput } : { type: 1, id: index * 2 + 1, components: [textInput] };
  });
  return baseInteraction(slashCommandFixture, MODAL_SUBMIT, { custom_id: customId, components }, input);
}

/**
 * A MESSAGE_CREATE from Dana (or `author`/`authorId`) in #general, or in her DM with the bot when
 * `guildId` is null. `mentionsBot` prefixes `<@botId>` and lists the bot in `mentions`, as Discord does.
 */
export function makeMessageCreate(
  content: string,
  input: { mentionsBot?: boolean; guildId?: string | null; authorId?: string; author?: DiscordUserSeed; channelId?: string; botUserId?: string; overrides?: DiscordJson } = {},
): DiscordMessageCreatePayload {
  const fixture = structuredClone(messageCreateFixture);
  const { id, timestamp } = nextSnowflake();
  const author = { ...fixture.author, ...makeDiscordUser(input.author ?? input.authorId ?? FAKE_DISCORD_IDS.user) };
  const botUserId = input.botUserId ?? FAKE_DISCORD_IDS.botUser;
  const guildId = input.guildId === undefined ? FAKE_DISCORD_IDS.guild : input.guildId;
  const botMention = { ...fixture.mentions[0]!, ...makeDiscordBotUser(botUserId) };
  const base = {
    ...fixture,
    id,
    timestamp,
    nonce: nextSnowflakeId(),
    author,
    content: input.mentionsBot ? `<@${botUserId}> ${content}` : content,
    mentions: input.mentionsBot ? [botMention] : [],
  };
  if (guildId === null) {
    const { guild_id: _guild, member: _member, ...dm } = base;
    const mentions = dm.mentions.map(({ member: _botMember, ...user }) => user);
    return mergeOverrides({ ...dm, mentions, channel_id: input.channelId ?? dmChannelIdFor(author.id), channel_type: 1 }, input.overrides);
  }
  return mergeOverrides({ ...base, guild_id: guildId, channel_id: input.channelId ?? FAKE_DISCORD_IDS.channel }, input.overrides);
}

function commandData(commandName = 'ceu', subcommand: string | undefined, options: DiscordCommandOption[]): DiscordJson {
  return {
    id: FAKE_DISCORD_IDS.command,
    name: commandName,
    type: 1,
    options: subcommand === undefined ? options : [{ name: subcommand, type: 1, options }],
  };
}

type Envelope = Omit<typeof slashCommandFixture, 'data'>;

function baseInteraction(fixture: Envelope, type: number, data: DiscordJson, context: InteractionContext): DiscordInteractionPayload {
  const envelope = structuredClone(fixture);
  const { id } = nextSnowflake();
  const user = { ...envelope.member.user, ...makeDiscordUser(context.user ?? FAKE_DISCORD_IDS.user) };
  const permissions = permissionString(context.permissions ?? DISCORD_PERMISSIONS.member);
  const guildId = context.guildId === undefined ? FAKE_DISCORD_IDS.guild : context.guildId;
  const common = {
    ...envelope,
    id,
    application_id: context.applicationId ?? FAKE_DISCORD_IDS.application,
    type,
    token: interactionToken(id),
    locale: context.locale ?? envelope.locale,
    data,
  };
  if (guildId === null) {
    const { member: _member, guild: _guild, guild_id: _guildId, guild_locale: _locale, ...dm } = common;
    const channel = { id: context.channelId ?? dmChannelIdFor(user.id), type: 1, flags: 0, last_message_id: null, recipients: [user] };
    // GUILD_INSTALL's owner is "0" when the bot is used from its DM.
    const payload = { ...dm, user, channel, channel_id: channel.id, context: 1, authorizing_integration_owners: { '0': '0' } };
    return mergeOverrides(payload, context.overrides);
  }
  const channel = { ...envelope.channel, id: context.channelId ?? envelope.channel.id, guild_id: guildId, permissions };
  const payload = {
    ...common,
    guild_id: guildId,
    guild: { ...envelope.guild, id: guildId },
    channel,
    channel_id: channel.id,
    member: { ...envelope.member, user, permissions },
    authorizing_integration_owners: { '0': guildId },
  };
  return mergeOverrides(payload, context.overrides);
}

/** Interaction tokens are long opaque strings; these say which interaction they belong to. */
function interactionToken(interactionId: string): string {
  const digest = createHash('sha256').update(interactionId).digest('base64url');
  return Buffer.from(`interaction:${interactionId}:${digest}`).toString('base64url');
}

const dmChannels = new Map<string, string>();

/** One DM channel per user, the same across payloads, as on Discord. */
export function dmChannelIdFor(userId: string): string {
  let channelId = dmChannels.get(userId);
  if (!channelId) {
    channelId = nextSnowflakeId();
    dmChannels.set(userId, channelId);
  }
  return channelId;
}
