import { nextSnowflakeId } from './discord-ids.js';
import { makeDiscordUser } from './discord-users.js';
import type { DiscordJson } from './fake-discord-messages.js';
import { discordError, dmChannelPayload, type FakeDiscordState, type RestReply, type RestRequest, type RestRoute } from './fake-discord-state.js';
import { EMPTY_MESSAGE, invalidFormBody, isEmptyMessage, messageProblems } from './fake-discord-validation.js';

const unknownChannel = (): RestReply => discordError(404, 10003, 'Unknown Channel');
const unknownMessage = (): RestReply => discordError(404, 10008, 'Unknown Message');
const ok = (body: unknown): RestReply => ({ status: 200, body });

function gatewayBot(_request: RestRequest, state: FakeDiscordState): RestReply {
  return ok({ url: state.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
}

function application(_request: RestRequest, state: FakeDiscordState): RestReply {
  return ok({ id: state.applicationId, name: state.botUser.username, description: '', icon: null, bot_public: false, bot_require_code_grant: false, flags: 0, bot: state.botUser, team: null, verify_key: '0'.repeat(64) });
}

function user(request: RestRequest, state: FakeDiscordState): RestReply {
  const found = state.users.get(request.params.userId ?? '');
  return found ? ok(found) : discordError(404, 10013, 'Unknown User');
}

/** Discord keeps one DM channel per user: opening it again returns the same channel. */
function openDm(request: RestRequest, state: FakeDiscordState): RestReply {
  const recipientId = (request.body as { recipient_id?: unknown } | null)?.recipient_id;
  if (typeof recipientId !== 'string') return { status: 400, body: invalidFormBody([{ path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]) };
  const recipient = state.users.get(recipientId) ?? makeDiscordUser(recipientId);
  state.users.set(recipientId, recipient);
  const channelId = state.dmChannels.get(recipientId) ?? nextSnowflakeId();
  state.dmChannels.set(recipientId, channelId);
  const channel = dmChannelPayload(channelId, recipient);
  state.channels.set(channelId, channel);
  return ok(channel);
}

function channel(request: RestRequest, state: FakeDiscordState): RestReply {
  const found = state.channels.get(request.params.channelId ?? '');
  return found ? ok(found) : unknownChannel();
}

function postMessage(request: RestRequest, state: FakeDiscordState): RestReply {
  const channelId = request.params.channelId ?? '';
  if (!state.channels.has(channelId)) return unknownChannel();
  const body = (request.body ?? {}) as DiscordJson;
  const problems = messageProblems(body);
  if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
  if (isEmptyMessage(body, request.files.length)) return { status: 400, body: EMPTY_MESSAGE };
  const recipients = state.channels.get(channelId)?.recipients as Array<{ id: string }> | undefined;
  if (recipients?.some((recipient) => state.closedDms.has(recipient.id))) return discordError(403, 50007, 'Cannot send messages to this user');
  const guildId = state.channels.get(channelId)?.guild_id;
  const message = state.messages.create({ channelId, author: state.botUser, body, files: request.files });
  return ok(typeof guildId === 'string' ? { ...message, guild_id: guildId } : message);
}

function inChannel(request: RestRequest, state: FakeDiscordState): string | undefined {
  const message = state.messages.get(request.params.messageId ?? '');
  return message && message.channel_id === request.params.channelId ? message.id : undefined;
}

function editMessage(request: RestRequest, state: FakeDiscordState): RestReply {
  const id = inChannel(request, state);
  if (!id) return unknownMessage();
  const body = (request.body ?? {}) as DiscordJson;
  const problems = messageProblems(body);
  return problems.length > 0 ? { status: 400, body: invalidFormBody(problems) } : ok(state.messages.edit(id, body, request.files));
}

function deleteMessage(request: RestRequest, state: FakeDiscordState): RestReply {
  const id = inChannel(request, state);
  return id && state.messages.remove(id) ? { status: 204 } : unknownMessage();
}

export const botRoutes: RestRoute[] = [
  { method: 'GET', path: '/gateway/bot', auth: true, handle: gatewayBot },
  { method: 'GET', path: '/gateway', auth: false, handle: (_request, state) => ok({ url: state.gatewayUrl }) },
  { method: 'GET', path: '/users/@me', auth: true, handle: (_request, state) => ok(state.botUser) },
  { method: 'POST', path: '/users/@me/channels', auth: true, handle: openDm },
  { method: 'GET', path: '/users/:userId', auth: true, handle: user },
  { method: 'GET', path: '/applications/@me', auth: true, handle: application },
  { method: 'GET', path: '/channels/:channelId', auth: true, handle: channel },
  { method: 'POST', path: '/channels/:channelId/messages', auth: true, handle: postMessage },
  { method: 'PATCH', path: '/channels/:channelId/messages/:messageId', auth: true, handle: editMessage },
  { method: 'DELETE', path: '/channels/:channelId/messages/:messageId', auth: true, handle: deleteMessage },
];
