/**
 * Discord on the real discord.js client: slash commands, buttons, modals and autocomplete over
 * interactions, mentions and DMs over the gateway. discord.js reconnects (resuming when it can)
 * after a dropped gateway connection. A start that cannot succeed ends in one line naming what to
 * fix (the token, the Message Content intent, DISCORD_API_URL, the network), never the token.
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
  /** DISCORD_APPLICATION_ID, checked against the application the token belongs to. */
  applicationId?: string;
  /** REST base, e.g. http://127.0.0.1:9999/api (discord.js adds the version). */
  apiUrl?: string;
  deferAfterMs?: number;
  /** How long start-up keeps trying to reach Discord and get the gateway's READY before giving up. */
  readyTimeoutMs?: number;
}

export interface DiscordHandle {
  client: Client;
  /** Delivers reminders and digests (the scheduler's drainer paces and retries). */
  notifier: Notifier;
  stop(): Promise<void>;
}

const DEFER_AFTER_MS = 2000;
/** Long enough for a network still coming up at boot, short enough that a wrong URL is reported soon. */
const READY_TIMEOUT_MS = 30_000;
/** Gateway close codes (discord.com/developers/docs/topics/opcodes-and-status-codes) an operator can fix. */
const AUTHENTICATION_FAILED = 4004;
const DISALLOWED_INTENTS = 4014;
const PORTAL = 'the Developer Portal (https://discord.com/developers/applications)';

export async function startDiscord(options: DiscordOptions): Promise<DiscordHandle> {
  const client = new Client({
    // MessageContent is privileged (Bot → Privileged Gateway Intents): Discord sends DMs and
    // messages naming the bot's user with their text anyway, but a mention of the bot's managed
    // role (offered next to the bot when typing @ceu-bot) arrives empty without it.
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

  await logIn(client, options);
  if (options.applicationId && client.application?.id !== options.applicationId) {
    await client.destroy();
    throw new Error(`DISCORD_APPLICATION_ID is not the application DISCORD_TOKEN belongs to: set it to the Application ID under General Information in ${PORTAL}, or DISCORD_TOKEN to that application's bot token.`);
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

/**
 * Logs in and waits for READY, trying again after a network failure (a network still coming up)
 * until the time allowed runs out. What retrying cannot fix fails at once; every failure is one
 * sentence saying what to do, and leaves nothing running.
 */
async function logIn(client: Client, options: DiscordOptions): Promise<void> {
  const giveUpAt = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  // discord.js reports why the gateway closed for good only as this event, just before login rejects.
  let closeCode: number | undefined;
  const noteClose = (event: { code: number }): void => void (closeCode = event.code);
  client.on(Events.ShardDisconnect, noteClose);
  try {
    for (let attempt = 0; ; attempt++) {
      closeCode = undefined;
      const failure = await connectOnce(client, options.token, giveUpAt);
      if (!failure) return;
      await client.destroy();
      const problem = describeLoginFailure(failure, closeCode, options);
      const waitMs = Math.min(1000 * 2 ** attempt, 8000);
      if (!problem.transient || Date.now() + waitMs >= giveUpAt) throw new Error(problem.message);
      options.logger.warn({ reason: problem.reason, retryInMs: waitMs }, `Discord not reachable yet (${problem.reason}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  } finally {
    client.off(Events.ShardDisconnect, noteClose);
  }
}

/** undefined once READY has arrived; otherwise what went wrong ('timeout' when time ran out first). */
async function connectOnce(client: Client, token: string, giveUpAt: number): Promise<unknown> {
  let onReady = (): void => undefined;
  let timer: NodeJS.Timeout | undefined;
  const connected = new Promise<void>((resolve) => (onReady = resolve));
  client.once(Events.ClientReady, onReady);
  const loggedIn = client.login(token).then(() => connected);
  loggedIn.catch(() => undefined); // a login still running when time runs out rejects once destroyed
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, giveUpAt - Date.now()))));
  try {
    return await Promise.race([loggedIn.then(() => undefined), timedOut]);
  } catch (error) {
    return error;
  } finally {
    clearTimeout(timer);
    client.off(Events.ClientReady, onReady);
  }
}

function describeLoginFailure(failure: unknown, closeCode: number | undefined, options: DiscordOptions): { transient: boolean; message: string; reason?: string } {
  if (closeCode === DISALLOWED_INTENTS) {
    return { transient: false, message: `Discord refused the Message Content intent: turn on Message Content Intent under Bot → Privileged Gateway Intents in ${PORTAL}, or, for a verified app, request it there; then start again.` };
  }
  const e = (typeof failure === 'object' && failure !== null ? failure : {}) as { code?: unknown; status?: unknown; name?: unknown; cause?: { code?: unknown } };
  if (closeCode === AUTHENTICATION_FAILED || e.code === 'TokenInvalid' || e.status === 401) {
    return { transient: false, message: `Discord did not accept DISCORD_TOKEN: copy the bot's token (Bot → Reset Token in ${PORTAL}) into DISCORD_TOKEN.` };
  }
  const host = new URL(options.apiUrl ?? 'https://discord.com/api').host;
  const check = options.apiUrl ? 'check DISCORD_API_URL (unset it for Discord itself) and the network' : "check this machine's network and firewall";
  if (typeof e.status === 'number' && e.status < 500 && e.status !== 429) {
    return { transient: false, message: `Discord's API at ${host} answered HTTP ${e.status}: ${check}.` };
  }
  if (closeCode !== undefined) {
    return { transient: false, message: `Discord closed the gateway connection while ceu-bot was starting, with close code ${closeCode} (Gateway Close Event Codes in Discord's developer documentation say why).` };
  }
  const reason = networkReason(failure, e);
  return { transient: true, reason, message: `Cannot reach Discord at ${host} (${reason}): ${check}.` };
}

/** A few words for why a request got no answer; never the error's own text, which may quote a URL or header. */
function networkReason(failure: unknown, e: { code?: unknown; status?: unknown; name?: unknown; cause?: { code?: unknown } }): string {
  if (failure === 'timeout' || e.name === 'AbortError') return 'no answer';
  if (typeof e.status === 'number') return `HTTP ${e.status}`;
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return typeof code === 'string' ? code : 'network error';
}
