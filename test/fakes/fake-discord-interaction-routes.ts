import type { DiscordJson, DiscordMessagePayload } from './fake-discord-messages.js';
import { discordError, type FakeDiscordState, type InteractionRecord, type RestReply, type RestRequest, type RestRoute } from './fake-discord-state.js';
import { callbackProblems, EMPTY_MESSAGE, invalidFormBody, isEmptyMessage, messageProblems } from './fake-discord-validation.js';

/** Interaction response types Discord accepts per interaction type (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type). */
const ALLOWED_CALLBACKS: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
const LOADING = 1 << 7;

const unknownInteraction = (): RestReply => discordError(404, 10062, 'Unknown interaction');
const unknownWebhook = (): RestReply => discordError(404, 10015, 'Unknown Webhook');
const unknownMessage = (): RestReply => discordError(404, 10008, 'Unknown Message');

function callback(request: RestRequest, state: FakeDiscordState): RestReply {
  const interaction = state.interactions.get(request.params.interactionId ?? '');
  if (!interaction || interaction.token !== request.params.token) return unknownInteraction();
  // A late first response is refused the same way an unknown one is.
  if (state.now() - interaction.dispatchedAtMs > state.interactionDeadlineMs) return unknownInteraction();
  if (interaction.acknowledged) return discordError(400, 40060, 'Interaction has already been acknowledged.');
  const body = (request.body ?? {}) as { type?: unknown; data?: DiscordJson };
  const type = Number(body.type);
  const data = body.data ?? {};
  if (!(ALLOWED_CALLBACKS[interaction.type] ?? []).includes(type)) {
    return { status: 400, body: invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Invalid interaction response type' }]) };
  }
  const problems = callbackProblems(type, data);
  if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
  if (type === 4 && isEmptyMessage(data, request.files.length)) return { status: 400, body: EMPTY_MESSAGE };
  interaction.acknowledged = true;
  const message = respond(state, interaction, type, data, request);
  if (request.query.get('with_response') !== 'true') return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? { response_message_id: message.id, response_message_loading: (message.flags & LOADING) !== 0, response_message_ephemeral: (message.flags & 64) !== 0 }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    },
  };
}

/** The message an accepted callback creates or changes, which `@original` then names. */
function respond(state: FakeDiscordState, interaction: InteractionRecord, type: number, data: DiscordJson, request: RestRequest): DiscordMessagePayload | undefined {
  if (type === 4 || type === 5) {
    const body = type === 5 ? { flags: Number(data.flags) || 0 } : data;
    const message = state.messages.create({
      channelId: interaction.channelId,
      author: state.botUser,
      body,
      files: type === 4 ? request.files : [],
      type: interaction.type === 2 ? 20 : 0,
      applicationId: state.applicationId,
      interactionMetadata: { id: interaction.id, type: interaction.type, user: interaction.user, authorizing_integration_owners: {}, ...(interaction.name ? { name: interaction.name } : {}) },
    });
    if (type === 5) message.flags |= LOADING;
    interaction.originalMessageId = message.id;
    return message;
  }
  if (type === 6 || type === 7) {
    interaction.originalMessageId = interaction.messageId;
    if (type === 7 && interaction.messageId) return state.messages.edit(interaction.messageId, data, request.files);
    return interaction.messageId ? state.messages.get(interaction.messageId) : undefined;
  }
  return undefined;
}

function webhookInteraction(request: RestRequest, state: FakeDiscordState): InteractionRecord | RestReply {
  const interaction = [...state.interactions.values()].find((candidate) => candidate.token === request.params.token);
  if (!interaction || request.params.applicationId !== state.applicationId || !interaction.acknowledged) return unknownWebhook();
  if (state.now() - interaction.dispatchedAtMs > state.interactionTokenTtlMs) return discordError(401, 50027, 'Invalid Webhook Token');
  return interaction;
}

function messageIdOf(request: RestRequest, interaction: InteractionRecord): string | undefined {
  return request.params.messageId === '@original' ? interaction.originalMessageId : request.params.messageId;
}

function onWebhookMessage(handle: (request: RestRequest, state: FakeDiscordState, interaction: InteractionRecord, messageId: string) => RestReply) {
  return (request: RestRequest, state: FakeDiscordState): RestReply => {
    const interaction = webhookInteraction(request, state);
    if ('status' in interaction) return interaction;
    const messageId = messageIdOf(request, interaction);
    return messageId && state.messages.get(messageId) ? handle(request, state, interaction, messageId) : unknownMessage();
  };
}

function followUp(request: RestRequest, state: FakeDiscordState): RestReply {
  const interaction = webhookInteraction(request, state);
  if ('status' in interaction) return interaction;
  const body = (request.body ?? {}) as DiscordJson;
  const problems = messageProblems(body);
  if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
  if (isEmptyMessage(body, request.files.length)) return { status: 400, body: EMPTY_MESSAGE };
  const message = state.messages.create({ channelId: interaction.channelId, author: state.botUser, body, files: request.files, applicationId: state.applicationId });
  return request.query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: message };
}

const webhookMessage = '/webhooks/:applicationId/:token/messages/:messageId';

export const interactionRoutes: RestRoute[] = [
  { method: 'POST', path: '/interactions/:interactionId/:token/callback', auth: false, handle: callback },
  { method: 'POST', path: '/webhooks/:applicationId/:token', auth: false, handle: followUp },
  { method: 'GET', path: webhookMessage, auth: false, handle: onWebhookMessage((_r, state, _i, id) => ({ status: 200, body: state.messages.get(id) })) },
  {
    method: 'PATCH',
    path: webhookMessage,
    auth: false,
    handle: onWebhookMessage((request, state, _interaction, id) => {
      const body = (request.body ?? {}) as DiscordJson;
      const problems = messageProblems(body);
      return problems.length > 0 ? { status: 400, body: invalidFormBody(problems) } : { status: 200, body: state.messages.edit(id, body, request.files) };
    }),
  },
  { method: 'DELETE', path: webhookMessage, auth: false, handle: onWebhookMessage((_r, state, _i, id) => (state.messages.remove(id), { status: 204 })) },
];
