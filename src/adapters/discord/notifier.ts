/**
 * Delivers planned messages over Discord's REST API: a DM goes to the member's DM channel (opened
 * once, then cached), a channel post to the channel. It has its own REST client that neither waits
 * out nor retries a rate limit (`rejectOnRateLimit`, `retries: 0`): the drainer owns pacing and
 * retries and must hear Retry-After, and the gateway client's REST queue stays free for answering
 * interactions, which Discord wants within 3 seconds.
 */
import { DiscordAPIError, RateLimitError, REST, Routes, type APIActionRowComponent, type APIButtonComponent, type APIChannel } from 'discord.js';
import type { DeliveryResult, Logger, Notifier, OutboxMessage } from '../../core/index.js';
import { withGuild } from './button-id.js';
import { describeError } from './discord-context.js';
import { renderReply } from './render-reply.js';

export interface DiscordNotifierOptions {
  token: string;
  /** REST base, e.g. http://127.0.0.1:9999/api (discord.js adds the version). */
  apiUrl?: string;
  logger: Logger;
  /** Replaces DISCORD_LIMITS (benchmarks against the fake). */
  limits?: Notifier['limits'];
}

export interface DiscordNotifier extends Notifier {
  /** Stops the REST client's sweep timers. */
  close(): void;
}

/**
 * Discord allows a bot 50 requests a second overall (discord.com/developers/docs/topics/rate-limits,
 * "Global Rate Limit"). A DM may take two (open the DM channel, then post), and live answers to
 * mentions share the budget, so reminders use at most 20 messages a second. Per channel, message
 * posting runs in buckets of 5 per 5 s (the X-RateLimit headers Discord sends on that route).
 */
export const DISCORD_LIMITS: Notifier['limits'] = {
  global: { count: 20, perMs: 1000 },
  perTarget: { count: 5, perMs: 5000 },
};

/**
 * Codes that say the recipient cannot be reached there: a DM failing so marks its member
 * unreachable (discord.com/developers/docs/topics/opcodes-and-status-codes, JSON error codes).
 */
const UNREACHABLE_CODES = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  10013, // Unknown User
  50007, // Cannot send messages to this user (DMs closed, or no shared server)
]);

/**
 * A channel post the bot may not make: the channel is gone, or the bot lacks View Channel (50001) or
 * Send Messages (50013) there. The admin who chose the channel is told, as only they can fix it.
 */
const CHANNEL_CLOSED_CODES = new Set([
  ...UNREACHABLE_CODES,
  50001, // Missing Access
  50013, // Missing Permissions
]);

/** Every code no retry can fix: those above, and the ones about the bot or the message, where nobody is blamed. */
const PERMANENT_CODES = new Set([
  ...CHANNEL_CLOSED_CODES,
  20009, // Explicit content cannot be sent to the desired recipient(s)
  50035, // Invalid Form Body: this message will never be accepted
]);

export function createDiscordNotifier(options: DiscordNotifierOptions): DiscordNotifier {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), retries: 0, rejectOnRateLimit: () => true, timeout: 15_000 }).setToken(options.token);
  const dmChannels = new Map<string, string>();

  async function dmChannelOf(userId: string): Promise<string> {
    const cached = dmChannels.get(userId);
    if (cached) return cached;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  return {
    platform: 'discord',
    limits: options.limits ?? DISCORD_LIMITS,
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      const direct = message.target.kind === 'direct' ? message.target : undefined;
      try {
        const channelId = direct ? await dmChannelOf(direct.userId) : (message.target as { channelId: string }).channelId;
        const { flags: _ephemeral, ...body } = renderReply(message.reply); // messages cannot be ephemeral
        const guildId = direct && !message.tenantId.startsWith('dm:') ? message.tenantId : undefined;
        await rest.post(Routes.channelMessages(channelId), { body: guildId ? { ...body, components: carryGuild(body.components, guildId) } : body });
        return { ok: true };
      } catch (error) {
        // A cached DM channel Discord no longer knows: open it afresh next time.
        if (direct && error instanceof DiscordAPIError && error.code === 10003) {
          dmChannels.delete(direct.userId);
          return { ok: false, permanent: false, reason: 'discord 10003: DM channel gone' };
        }
        const result = classify(error, !direct);
        if (!result.ok && !result.permanent && result.retryAfterMs === undefined) options.logger.warn({ err: describeError(error), outboxId: message.id }, 'Discord: delivery failed');
        return result;
      }
    },
    close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

function carryGuild(rows: APIActionRowComponent<APIButtonComponent>[], guildId: string): APIActionRowComponent<APIButtonComponent>[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((button) => ('custom_id' in button ? { ...button, custom_id: withGuild(button.custom_id, guildId) } : button)),
  }));
}

const INSTALL_RETRY_MS = 15 * 60_000;

/** A REST failure as a delivery result. */
export function classify(error: unknown, channelPost = false): DeliveryResult {
  if (error instanceof RateLimitError) {
    // DM opening is one bucket for every recipient, so a limit there holds all DMs back.
    const everything = error.global || error.route === '/users/@me/channels';
    return { ok: false, permanent: false, reason: `rate limited on ${error.route}`, retryAfterMs: Math.max(error.retryAfter, error.timeToReset, 0), scope: everything ? 'global' : 'target' };
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (error.status === 401) {
      // The bot's token is refused: nobody's DMs are at fault, so pause Discord until it is fixed.
      return { ok: false, permanent: false, reason: 'Discord refused the bot token (401); check DISCORD_TOKEN', retryAfterMs: INSTALL_RETRY_MS, scope: 'global' };
    }
    const reason = `discord ${error.code}: ${error.message}`;
    if ((channelPost ? CHANNEL_CLOSED_CODES : UNREACHABLE_CODES).has(code)) return { ok: false, permanent: true, unreachable: true, reason };
    return { ok: false, permanent: PERMANENT_CODES.has(code), reason };
  }
  const facts = describeError(error);
  return { ok: false, permanent: false, reason: String(facts.message ?? facts.status ?? 'unknown failure') };
}
