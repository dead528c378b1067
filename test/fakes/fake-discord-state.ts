import type { DiscordUploadedFile } from './discord-request-body.js';
import type { DiscordUserPayload } from './discord-users.js';
import { textChannelPayload, type FakeDiscordGuild } from './fake-discord-guilds.js';
import type { DiscordJson, DiscordMessagePayload, FakeDiscordMessageStore } from './fake-discord-messages.js';
import type { RouteParams } from './fake-discord-routes.js';

export interface RestRequest {
  method: string;
  path: string;
  params: RouteParams;
  query: URLSearchParams;
  body: unknown;
  files: DiscordUploadedFile[];
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: string;
  path: string;
  /** Interaction callbacks and interaction webhooks are authorised by their token in the path. */
  auth: boolean;
  handle(request: RestRequest, state: FakeDiscordState): RestReply;
}

/** What Discord remembers about an interaction it delivered: enough to judge the bot's answers. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  channelId: string;
  user: DiscordUserPayload | undefined;
  name: string | undefined;
  dispatchedAtMs: number;
  acknowledged: boolean;
  originalMessageId?: string;
  /** The message a button or select sat on. */
  messageId?: string;
}

export interface FakeDiscordState {
  origin: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  botUser: DiscordUserPayload;
  guilds: FakeDiscordGuild[];
  users: Map<string, DiscordUserPayload>;
  channels: Map<string, DiscordJson>;
  /** Recipient user id → DM channel id: Discord hands out one DM channel per user. */
  dmChannels: Map<string, string>;
  /** Users who accept no DMs from the bot: their DM channel opens, messages to it are refused. */
  closedDms: Set<string>;
  messages: FakeDiscordMessageStore;
  interactions: Map<string, InteractionRecord>;
  /** 'global' or a guild id → the commands last PUT there. */
  commands: Map<string, DiscordJson[]>;
  commandIds: Map<string, string>;
  /** Discord accepts the initial response within 3 s and the interaction token for 15 minutes. */
  interactionDeadlineMs: number;
  interactionTokenTtlMs: number;
  now(): number;
}

export function seedState(state: FakeDiscordState): void {
  state.users.set(state.botUser.id, state.botUser);
  for (const guild of state.guilds) {
    for (const [position, channel] of guild.channels.entries()) state.channels.set(channel.id, textChannelPayload(guild.id, channel, position));
  }
}

/**
 * Remembers what a dispatched event shows to exist (its users, its channel, a DM channel, an
 * interaction and the message it sits on), as Discord would, so later REST calls about them work.
 */
export function learnFromDispatch(state: FakeDiscordState, t: string, d: DiscordJson): void {
  const member = d.member as { user?: DiscordUserPayload } | undefined;
  const user = (member?.user ?? d.user ?? d.author) as DiscordUserPayload | undefined;
  if (user?.id) state.users.set(user.id, user);
  const channel = d.channel as DiscordJson | undefined;
  if (channel && typeof channel.id === 'string' && !state.channels.has(channel.id)) state.channels.set(channel.id, channel);
  if (t === 'MESSAGE_CREATE' && typeof d.channel_id === 'string' && !state.channels.has(d.channel_id)) {
    const inGuild = typeof d.guild_id === 'string';
    state.channels.set(d.channel_id, inGuild ? { id: d.channel_id, type: 0, guild_id: d.guild_id } : dmChannelPayload(d.channel_id, user));
    if (!inGuild && user) state.dmChannels.set(user.id, d.channel_id);
  }
  if (channel?.type === 1 && typeof channel.id === 'string' && user) state.dmChannels.set(user.id, channel.id);
  if (t === 'INTERACTION_CREATE') registerInteraction(state, d, user);
}

function registerInteraction(state: FakeDiscordState, d: DiscordJson, user: DiscordUserPayload | undefined): void {
  // The same interaction delivered again (a replayed event, a second session on the token) is still
  // the one interaction: answered once, its first answer stands and a second is refused (40060).
  if (state.interactions.has(String(d.id))) return;
  const message = d.message as DiscordMessagePayload | undefined;
  if (message?.id) state.messages.adopt(structuredClone(message));
  const data = d.data as { name?: string } | undefined;
  state.interactions.set(String(d.id), {
    id: String(d.id),
    token: String(d.token),
    type: Number(d.type),
    channelId: String(d.channel_id ?? (d.channel as DiscordJson | undefined)?.id),
    user,
    name: data?.name,
    dispatchedAtMs: state.now(),
    acknowledged: false,
    ...(message?.id ? { messageId: message.id } : {}),
  });
}

export function dmChannelPayload(id: string, recipient: DiscordUserPayload | undefined): DiscordJson {
  return { id, type: 1, flags: 0, last_message_id: null, recipients: recipient ? [recipient] : [] };
}

export function discordError(status: number, code: number, message: string): RestReply {
  return { status, body: { message, code } };
}
