/**
 * Slack on the real Bolt: over HTTP (signing secret, `/slack/events` on PORT) or Socket Mode
 * (app token). Bolt verifies signatures and timestamps and refuses forged, stale or tampered
 * requests with 401 before any listener runs.
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Bot, Clock, Logger, Notifier } from '../../core/index.js';
import { boltLogger } from './bolt-logger.js';
import { describeSlackError } from './describe-slack-error.js';
import { handleInteractions } from './handle-interactions.js';
import { handleMessages } from './handle-messages.js';
import { handleSlashCommand } from './handle-slash-command.js';
import { createSlackNotifier } from './notifier.js';
import { createDirectoryClient, createUserDirectory } from './user-directory.js';

export interface SlackOptions {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  host?: string;
  /** Web API retries; Slack's client default (with Retry-After) unless a test turns it off. */
  retries?: number;
  ackBudgetMs?: number;
}

export interface SlackHandle {
  /** The HTTP port actually bound (HTTP mode). */
  port?: number;
  /** Delivers reminders and digests (the scheduler's drainer paces and retries). */
  notifier: Notifier;
  stop(): Promise<void>;
}

/** Slack asks for an answer within 3 s; leave room for the network both ways. */
const ACK_BUDGET_MS = 2000;

export async function startSlack(options: SlackOptions): Promise<SlackHandle> {
  const logger = boltLogger(options.logger);
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  };
  // Bolt would call auth.test inside `new App()` and leave a failure as an unhandled rejection;
  // asking first fails start-up with a clear message and hands Bolt the ids it needs.
  const identity = await verifyToken(new webApi.WebClient(options.botToken, { ...clientOptions, logger }));
  const receiver = options.appToken ? undefined : new HTTPReceiver({ signingSecret: options.signingSecret ?? '', endpoints: '/slack/events', logger });
  const app = new App({
    token: options.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    clientOptions,
    logger,
    ...(receiver ? { receiver } : { appToken: options.appToken, socketMode: true }),
  });
  const logCommand = options.bot.commands.find((c) => c.name === 'log')!;
  const directory = createUserDirectory(options.logger, createDirectoryClient(options.botToken, { ...clientOptions, logger }));
  const ctx = { bot: options.bot, clock: options.clock, logger: options.logger, directory, logCommand, ackBudgetMs: options.ackBudgetMs ?? ACK_BUDGET_MS };
  handleSlashCommand(app, ctx);
  handleMessages(app, ctx);
  handleInteractions(app, ctx);
  const notifier = createSlackNotifier({ botToken: options.botToken, logger: options.logger, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  app.error(async (error) => {
    options.logger.error({ slackError: describeSlackError(error) }, 'Slack listener failed');
  });

  if (receiver) {
    const server = (await app.start({ port: options.port, host: options.host ?? '0.0.0.0' })) as { address(): unknown };
    const address = server.address() as { port: number };
    options.logger.info({ port: address.port }, 'Slack listening over HTTP at /slack/events');
    return { port: address.port, notifier, stop: () => app.stop().then(() => undefined) };
  }
  await app.start();
  options.logger.info({}, 'Slack connected over Socket Mode');
  return { notifier, stop: () => app.stop().then(() => undefined) };
}

async function verifyToken(client: webApi.WebClient): Promise<{ botId: string; botUserId: string }> {
  try {
    const auth = await client.auth.test();
    return { botId: String(auth.bot_id ?? ''), botUserId: String(auth.user_id ?? '') };
  } catch (error) {
    const facts = describeSlackError(error);
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test: ${facts.error ?? facts.code ?? facts.message ?? 'failed'})`);
  }
}
