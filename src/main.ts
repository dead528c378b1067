/**
 * Start-up: configuration, database (migrations applied), the core, then the surfaces: Slack
 * and/or Discord when configured, otherwise the console chat on the embedded SQLite file.
 */
import { startConsole } from './adapters/console/start-console.js';
import { startDiscord } from './adapters/discord/start-discord.js';
import { startSlack } from './adapters/slack/start-slack.js';
import { createClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createBot, type Bot, type Clock, type Logger } from './core/index.js';
import { createLogger } from './logger.js';
import { createSqliteStore, openDatabase } from './storage/index.js';

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
  const database = openDatabase(config.dbPath);
  try {
    const clock = createClock(config.startAt);
    const bot = createBot({ store: createSqliteStore(database), clock, logger });
    if (onPlatform) await runPlatforms(config, bot, clock, logger);
    else await startConsole({ bot, consoleUser: config.consoleUser, logger });
  } finally {
    database.close();
  }
  return 0;
}

/** Starts every configured platform, then runs until SIGINT or SIGTERM and stops them all. */
async function runPlatforms(config: Config, bot: Bot, clock: Clock, logger: Logger): Promise<void> {
  const running: Array<{ stop(): Promise<void> }> = [];
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
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
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
