/**
 * Start-up: configuration, database (migrations applied), the core, then the surfaces: Slack
 * and/or Discord when configured, otherwise the console chat on the embedded SQLite file. The
 * scheduler starts once the surfaces are up (it delivers through them) and stops before they do.
 */
import { createConsoleNotifier } from './adapters/console/notifier.js';
import { startConsole } from './adapters/console/start-console.js';
import { startDiscord } from './adapters/discord/start-discord.js';
import { startSlack } from './adapters/slack/start-slack.js';
import { createClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createBot, type Bot, type Clock, type Logger, type Notifier } from './core/index.js';
import { createLogger } from './logger.js';
import { createScheduler, type Scheduler } from './scheduler/index.js';
import { createSchedulerStore, createSqliteStore, openDatabase } from './storage/index.js';

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    return 2;
  }
  const onPlatform = Boolean(config.slack || config.discord);
  const logger = createLogger(config.logLevel ?? (onPlatform ? 'info' : 'warn'));
  // Checkpoints on their own thread: none lands inside a request or a sweep step.
  const database = openDatabase(config.dbPath, { checkpoints: { onError: (message) => logger.warn({ err: { message } }, 'storage: a WAL checkpoint failed') } });
  try {
    const clock = createClock(config.startAt);
    const store = createSqliteStore(database);
    const bot = createBot({ store, clock, logger });
    const schedulerFor = (notifiers: Notifier[]): Scheduler =>
      createScheduler({ schedulerStore: createSchedulerStore(database), store, notifiers, clock, logger, sweepIntervalMs: config.sweepIntervalMs });
    if (onPlatform) await runPlatforms(config, bot, clock, logger, schedulerFor);
    else await runConsole(config, bot, logger, schedulerFor);
  } finally {
    // The core saves what a reply counted just after replying (setImmediate, standing-reply.ts);
    // one turn of the event loop lets every save already queued land before the file closes.
    await new Promise((resolve) => setImmediate(resolve));
    database.close();
    await database.checkpoints?.stop();
  }
  return 0;
}

/** The console chat with its reminders; the end of piped input ends the run (and the scheduler). */
async function runConsole(config: Config, bot: Bot, logger: Logger, schedulerFor: (notifiers: Notifier[]) => Scheduler): Promise<void> {
  const notifier = createConsoleNotifier();
  const scheduler = schedulerFor([notifier]);
  const chat = startConsole({ bot, consoleUser: config.consoleUser, logger, notifier });
  scheduler.start();
  try {
    await chat;
    // What fell due during the session (a credential just added) prints before the program ends,
    // so a piped demo shows its reminders every time.
    await scheduler.sweep();
    await scheduler.drain();
  } finally {
    await scheduler.stop();
  }
}

/** Starts every configured platform and the scheduler, then runs until SIGINT or SIGTERM and stops them all. */
async function runPlatforms(config: Config, bot: Bot, clock: Clock, logger: Logger, schedulerFor: (notifiers: Notifier[]) => Scheduler): Promise<void> {
  const running: Array<{ notifier: Notifier; stop(): Promise<void> }> = [];
  let scheduler: Scheduler | undefined;
  try {
    if (config.slack) {
      const { slack } = config;
      running.push(await startSlack({
        bot, clock, logger, botToken: slack.botToken, port: slack.port,
        ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
        ...(slack.appToken ? { appToken: slack.appToken } : {}),
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      }));
    }
    if (config.discord) {
      const { discord } = config;
      running.push(await startDiscord({ bot, logger, token: discord.token, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}) }));
    }
    scheduler = schedulerFor(running.map((platform) => platform.notifier));
    scheduler.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    await scheduler?.stop();
    await Promise.all(running.map((platform) => platform.stop()));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ceu-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
