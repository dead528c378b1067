/**
 * Discord on the real discord.js client: slash commands, buttons, modals and autocomplete over
 * interactions, mentions and DMs over the gateway. discord.js reconnects (resuming when it can)
 * after a dropped gateway connection.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Bot, Logger, Notifier } from '../../core/index.js';
import { describeError, type DiscordContext } from './discord-context.js';
import { handleInteraction } from './handle-interaction.js';
import { handleMessage } from './handle-message.js';
import { createDiscordNotifier } from './notifier.js';

export interface DiscordOptions {
  bot: Bot;
  logger: Logger;
  token: string;
  /** REST base, e.g. http://127.0.0.1:9999/api (discord.js adds the version). */
  apiUrl?: string;
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY before giving up. */
  readyTimeoutMs?: number;
}

export interface DiscordHandle {
  client: Client;
  /** Delivers reminders and digests (the scheduler's drainer paces and retries). */
  notifier: Notifier;
  stop(): Promise<void>;
}

const DEFER_AFTER_MS = 2000;

export async function startDiscord(options: DiscordOptions): Promise<DiscordHandle> {
  const client = new Client({
    // MessageContent is privileged: enable it in the Developer Portal (README) for mentions and DMs.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel], // DM channels arrive uncached
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  const ctx: DiscordContext = { bot: options.bot, logger: options.logger, deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS };
  const { logger } = options;
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(ctx, interaction));
  client.on(Events.MessageCreate, (message) => void handleMessage(ctx, message, client.user?.id ?? ''));
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'Discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'Discord gateway disconnected'));
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, 'Discord gateway resumed'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit'));

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('Discord gateway did not become ready')), options.readyTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, () => resolve());
  });
  ready.catch(() => undefined); // a failed login is reported below; the timer must not reject unseen
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    const facts = describeError(error);
    throw new Error(`Discord did not accept DISCORD_TOKEN or could not connect (${String(facts.message ?? facts.code ?? 'failed')})`);
  } finally {
    clearTimeout(timer);
  }
  logger.info({ user: client.user?.tag }, 'Discord connected');
  const notifier = createDiscordNotifier({ token: options.token, logger, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  return {
    client,
    notifier,
    async stop() {
      notifier.close();
      await client.destroy();
    },
  };
}
