/**
 * Slack on the real Bolt: over HTTP (signing secret, `/slack/events` on PORT) or Socket Mode
 * (app token). Bolt verifies signatures and timestamps and refuses forged, stale or tampered
 * requests with 401 before any listener runs. A start that cannot succeed ends in one line naming
 * what to fix (a token, SLACK_API_URL, PORT, the network), never a token, and soon: Bolt alone
 * would retry an unreachable Slack for half an hour, and some refused app tokens for ever.
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Bot, Clock, Logger, Notifier } from '../../core/index.js';
import { scrubTokens } from '../format.js';
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
  /** How long start-up keeps trying to reach Slack before giving up. */
  readyTimeoutMs?: number;
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
/** Long enough for a network still coming up at boot, short enough that a wrong URL is reported soon. */
const READY_TIMEOUT_MS = 30_000;
/** One start-up call's limit, so a connection that hangs is given up and tried again. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const SETTINGS = "the app's settings (https://api.slack.com/apps)";

/** Which token a start-up call checks, and where its right value is found. */
interface TokenCheck {
  variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';
  method: string;
  kind: 'xoxb' | 'xapp';
  fix: string;
}

const BOT_TOKEN: TokenCheck = {
  variable: 'SLACK_BOT_TOKEN', method: 'auth.test', kind: 'xoxb',
  fix: `set it to the Bot User OAuth Token (xoxb-…) under OAuth & Permissions in ${SETTINGS}, installing the app to the workspace first if there is none`,
};
const APP_TOKEN: TokenCheck = {
  variable: 'SLACK_APP_TOKEN', method: 'apps.connections.open', kind: 'xapp',
  fix: `set it to an app-level token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens in ${SETTINGS}`,
};

/** Slack's token prefixes (a rotating token starts `xoxe.`) say what a token is, without showing it. */
const TOKEN_KINDS: Record<string, string> = { xoxb: 'a bot token, xoxb-…', xoxp: 'a user token, xoxp-…', xapp: 'an app-level token, xapp-…' };

export async function startSlack(options: SlackOptions): Promise<SlackHandle> {
  const logger = boltLogger(options.logger);
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  };
  const giveUpAt = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  // Bolt would call auth.test inside `new App()` and leave a failure as an unhandled rejection;
  // asking first fails start-up with a clear message and hands Bolt the ids it needs.
  const auth = await askSlack(options, giveUpAt, BOT_TOKEN, options.botToken, (client) => client.auth.test());
  // Bolt's Socket Mode client retries for ever on an app token Slack refuses for most reasons
  // (a bot token there gets not_allowed_token_type): the same question, asked first, fails at once.
  if (options.appToken) await askSlack(options, giveUpAt, APP_TOKEN, options.appToken, (client) => client.apps.connections.open());
  const receiver = options.appToken ? undefined : new HTTPReceiver({ signingSecret: options.signingSecret ?? '', endpoints: '/slack/events', logger: signatureHinting(logger, options.logger) });
  const app = new App({
    token: options.botToken,
    botId: String(auth.bot_id ?? ''),
    botUserId: String(auth.user_id ?? ''),
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
    const server = (await app.start({ port: options.port, host: options.host ?? '0.0.0.0' }).catch((error: unknown) => {
      throw listenFailure(error, options.port);
    })) as { address(): unknown };
    const address = server.address() as { port: number };
    options.logger.info({ port: address.port }, 'Slack listening over HTTP at /slack/events');
    return { port: address.port, notifier, stop: () => app.stop().then(() => undefined) };
  }
  await connectSocket(app, giveUpAt);
  options.logger.info({}, 'Slack connected over Socket Mode');
  return { notifier, stop: () => app.stop().then(() => undefined) };
}

/**
 * One Web API call at start-up, tried again after a network failure, a 5xx or a rate limit (a
 * network still coming up) until the time allowed runs out; a refused token or a wrong URL fails
 * at once. Each failure is one sentence saying what to fix.
 */
async function askSlack<T>(options: SlackOptions, giveUpAt: number, check: TokenCheck, token: string, ask: (client: webApi.WebClient) => Promise<T>): Promise<T> {
  const logger = boltLogger(options.logger);
  for (let attempt = 0; ; attempt++) {
    const client = new webApi.WebClient(token, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, giveUpAt - Date.now())),
      // Its "request failed" warnings would repeat the one logged below.
      logger: { ...logger, warn: logger.debug },
    });
    try {
      return await ask(client);
    } catch (error) {
      const problem = describeStartFailure(error, check, token, options.apiUrl);
      const waitMs = Math.max(problem.retryAfterMs ?? 0, Math.min(1000 * 2 ** attempt, 8000));
      if (!problem.transient || Date.now() + waitMs >= giveUpAt) throw new Error(problem.message);
      options.logger.warn({ reason: problem.reason, retryInMs: waitMs }, `Slack not reachable yet (${problem.reason}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

interface StartFailure {
  transient: boolean;
  message: string;
  reason?: string;
  retryAfterMs?: number;
}

function describeStartFailure(error: unknown, check: TokenCheck, token: string, apiUrl: string | undefined): StartFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: string; statusCode?: number; retryAfter?: number; data?: { error?: string }; original?: { name?: string; cause?: { code?: string; message?: string } } };
  const host = new URL(apiUrl ?? 'https://slack.com/api/').host;
  const fixNetwork = apiUrl ? 'check SLACK_API_URL (unset it for Slack itself) and the network' : "check this machine's network and firewall";
  const unreachable = (reason: string): StartFailure => ({ transient: true, reason, message: `Cannot reach Slack at ${host} (${reason}): ${fixNetwork}.` });
  switch (e.code) {
    case webApi.ErrorCode.PlatformError: {
      const kind = /^(?:xoxe\.)?(xoxb|xoxp|xapp)-/.exec(token)?.[1];
      const kindNote = kind && kind !== check.kind ? `; it is ${TOKEN_KINDS[kind]}` : '';
      return { transient: false, message: `Slack did not accept ${check.variable} (${check.method}: ${e.data?.error ?? 'refused'}${kindNote}): ${check.fix}.` };
    }
    case webApi.ErrorCode.RateLimitedError:
      return { ...unreachable('rate limited'), retryAfterMs: (e.retryAfter ?? 1) * 1000 };
    case webApi.ErrorCode.HTTPError:
      if ((e.statusCode ?? 500) >= 500) return unreachable(`HTTP ${e.statusCode}`);
      return { transient: false, message: `Slack's Web API at ${host} answered HTTP ${e.statusCode}: ${fixNetwork}.` };
    case webApi.ErrorCode.RequestError: {
      const original = e.original ?? {};
      if (original.name === 'TimeoutError' || original.name === 'AbortError') return unreachable('no answer');
      const code = original.cause?.code;
      if (code === 'ECONNREFUSED') return unreachable('connection refused');
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unreachable('host not found');
      // fetch's own words otherwise (e.g. "bad port"), which name no token
      return unreachable(code ?? scrubTokens(original.cause?.message ?? 'network error'));
    }
    default:
      throw error; // not a Web API failure: a defect, reported as such
  }
}

/**
 * Slack has no call to check a signing secret, so a wrong SLACK_SIGNING_SECRET shows only later:
 * Bolt refuses every request with 401 and logs "signature mismatch". This names the setting.
 */
function signatureHinting(logger: ReturnType<typeof boltLogger>, ours: Logger): ReturnType<typeof boltLogger> {
  return {
    ...logger,
    warn: (...msgs: unknown[]) => {
      if (!msgs.some((m) => String(m).includes('signature mismatch'))) return logger.warn(...msgs);
      ours.warn({}, 'Slack: a request failed its signature check and was refused; if every /ceu fails, SLACK_SIGNING_SECRET is not the Signing Secret under Basic Information → App Credentials');
    },
  };
}

/** The HTTP port: the common ways a listen fails name PORT. */
function listenFailure(error: unknown, port: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') return new Error(`Cannot listen for Slack on port ${port} (PORT): it is in use; stop what uses it or set PORT to a free port.`);
  if (code === 'EACCES') return new Error(`Cannot listen for Slack on port ${port} (PORT): this user may not; set PORT to 1024 or above.`);
  return error;
}

/** Socket Mode's first connection, within what is left of the time allowed. */
async function connectSocket(app: App, giveUpAt: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const started = app.start().then(() => 'connected' as const);
  started.catch(() => undefined); // still pending when time runs out: app.stop() below ends it
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, giveUpAt - Date.now()))));
  try {
    const outcome = await Promise.race([started, timedOut]).catch((error: unknown) => describeSlackError(error));
    if (outcome === 'connected') return;
    await app.stop().catch(() => undefined);
    const reason = outcome === 'timeout' ? 'no answer' : (outcome.error ?? outcome.code ?? outcome.message ?? 'failed');
    throw new Error(`Slack's Socket Mode connection did not open (${reason}): check that this machine may open WebSocket connections to Slack, and the network.`);
  } finally {
    clearTimeout(timer);
  }
}
