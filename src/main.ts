/**
 * Start-up: configuration, database (migrations applied), the core, then the surfaces: Slack
 * and/or Discord when configured, otherwise the console chat on the embedded SQLite file. The
 * scheduler starts once the surfaces are up (it delivers through them) and stops before they do.
 */
import { resolve as absolutePath } from 'node:path';
import { createConsoleNotifier } from './adapters/console/notifier.js';
import { startConsole } from './adapters/console/start-console.js';
import { CONSOLE_TENANT } from './adapters/console/to-command-request.js';
import { startDiscord } from './adapters/discord/start-discord.js';
import { startSlack } from './adapters/slack/start-slack.js';
import { createClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createBot, type Bot, type Clock, type Logger, type Notifier } from './core/index.js';
import { createLogger } from './logger.js';
import { createScheduler, type Scheduler } from './scheduler/index.js';
import { createSchedulerStore, createSqliteStore, listUserIds, openDatabase, type DatabaseHandle } from './storage/index.js';

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.message.split('\n')) process.stderr.write(`Configuration error: ${problem}\n`);
    return 2;
  }
  for (const warning of config.warnings) process.stderr.write(`Configuration warning: ${warning}\n`);
  const onPlatform = Boolean(config.slack || config.discord);
  const logger = createLogger(config.logLevel ?? (onPlatform ? 'info' : 'warn'));
  const database = openWritableDatabase(config.dbPath, logger);
  if (typeof database === 'string') {
    process.stderr.write(`${database}\n`);
    return 1;
  }
  try {
    const clock = createClock(config.startAt);
    const store = createSqliteStore(database);
    const bot = createBot({ store, clock, logger });
    const schedulerFor = (notifiers: Notifier[]): Scheduler =>
      createScheduler({ schedulerStore: createSchedulerStore(database), store, notifiers, clock, logger, sweepIntervalMs: config.sweepIntervalMs });
    if (onPlatform) return await runPlatforms(config, bot, clock, logger, schedulerFor);
    await runConsole(config, bot, logger, schedulerFor, listUserIds(database, 'console', CONSOLE_TENANT));
  } finally {
    // The core saves what a reply counted just after replying (setImmediate, standing-reply.ts);
    // one turn of the event loop lets every save already queued land before the file closes.
    await new Promise((resolve) => setImmediate(resolve));
    database.close();
    await database.checkpoints?.stop();
  }
  return 0;
}

/**
 * The database, or one line naming CEU_DB and what to do. SQLite quietly opens a file it may not
 * write read-only, so a write is tried (and rolled back) here rather than failing at the first command.
 */
function openWritableDatabase(path: string, logger: Logger): DatabaseHandle | string {
  let database: DatabaseHandle | undefined;
  try {
    // Checkpoints on their own thread: none lands inside a request or a sweep step.
    database = openDatabase(path, { checkpoints: { onError: (message) => logger.warn({ err: { message } }, 'storage: a WAL checkpoint failed') } });
    database.sqlite.exec('BEGIN IMMEDIATE');
    try {
      database.sqlite.exec('CREATE TABLE ceu_write_check (x)');
    } finally {
      database.sqlite.exec('ROLLBACK');
    }
    return database;
  } catch (error) {
    database?.close();
    // A migration that could not run arrives wrapped by drizzle; SQLite's own error says why.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const { code = '', message = String(error) } = cause instanceof Error ? (cause as Error & { code?: string }) : {};
    const what = code === 'SQLITE_NOTADB'
      ? 'set CEU_DB to a new file (it is created) or to the ceu-bot database you meant'
      : /^(SQLITE_(READONLY|CANTOPEN|PERM|IOERR)|EACCES|EPERM|EROFS|EEXIST|ENOTDIR)/.test(code)
        ? 'make the file and its folder writable, or set CEU_DB to a file in a folder you can write'
        : 'set CEU_DB to another file, or free this one';
    return `Cannot use the database ${absolutePath(path)} (CEU_DB): ${message}; ${what}.`;
  }
}

/**
 * The console chat with its reminders; the end of piped input ends the run (and the scheduler).
 * Piped, the reminders print after the last reply, so they are planned then too: a sweep at
 * start-up would plan them from the state before the input (credit it logs, settings it changes)
 * and print them after replies that say otherwise.
 */
async function runConsole(config: Config, bot: Bot, logger: Logger, schedulerFor: (notifiers: Notifier[]) => Scheduler, knownUserIds: string[]): Promise<void> {
  const notifier = createConsoleNotifier();
  const scheduler = schedulerFor([notifier]);
  const chat = startConsole({ bot, consoleUser: config.consoleUser, knownUserIds, logger, notifier });
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (interactive) scheduler.start();
  try {
    await chat;
    if (!interactive) scheduler.start();
    // What fell due during the session (a credential just added) prints before the program ends,
    // so a piped demo shows its reminders every time.
    await scheduler.sweep();
    await scheduler.drain();
  } finally {
    await scheduler.stop();
  }
}

/**
 * Starts every configured platform and the scheduler, then runs until SIGINT or SIGTERM and stops
 * them all. The platforms start side by side, so a problem with each is reported (one line each,
 * exit code 1) in one go, and whatever did start is stopped again.
 */
async function runPlatforms(config: Config, bot: Bot, clock: Clock, logger: Logger, schedulerFor: (notifiers: Notifier[]) => Scheduler): Promise<number> {
  const { slack, discord } = config;
  const starts = await Promise.allSettled([
    ...(slack
      ? [startSlack({
        bot, clock, logger, botToken: slack.botToken, port: slack.port,
        ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
        ...(slack.appToken ? { appToken: slack.appToken } : {}),
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      })]
      : []),
    ...(discord
      ? [startDiscord({ bot, logger, token: discord.token, applicationId: discord.applicationId, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}) })]
      : []),
  ]);
  const running = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  const problems = starts.flatMap((start) => (start.status === 'rejected' ? [start.reason] : []));
  let scheduler: Scheduler | undefined;
  try {
    if (problems.length > 0) {
      for (const problem of problems) process.stderr.write(`${problem instanceof Error ? problem.message : String(problem)}\n`);
      return 1;
    }
    scheduler = schedulerFor(running.map((platform) => platform.notifier));
    scheduler.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    return 0;
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
