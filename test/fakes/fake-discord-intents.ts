/** Gateway intents (https://discord.com/developers/docs/events/gateway#gateway-intents). */
const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;
/** Privileged: without it a guild message reaches the bot empty unless it mentions the bot. */
const MESSAGE_CONTENT = 1 << 15;

const MESSAGE_EVENTS = new Set(['MESSAGE_CREATE', 'MESSAGE_UPDATE']);

interface MessageLike {
  guild_id?: unknown;
  author?: { id?: unknown };
  mentions?: Array<{ id?: unknown }>;
}

/**
 * What a session identified with `intents` receives of a dispatch, as the real gateway decides it:
 * undefined when the intent for that event is missing, message content blanked when MESSAGE_CONTENT
 * is. A bot that forgets an intent then fails here as it would in production.
 */
export function filterDispatchForIntents(t: string, d: object, intents: number, botUserId: string): object | undefined {
  if (!MESSAGE_EVENTS.has(t)) return d;
  const message = d as MessageLike;
  const inGuild = typeof message.guild_id === 'string';
  if (!(intents & (inGuild ? GUILD_MESSAGES : DIRECT_MESSAGES))) return undefined;
  const readable =
    !inGuild || intents & MESSAGE_CONTENT || message.author?.id === botUserId || (message.mentions ?? []).some((user) => user.id === botUserId);
  return readable ? d : { ...d, content: '', embeds: [], attachments: [], components: [] };
}
