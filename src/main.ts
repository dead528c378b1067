/**
 * Start-up: configuration, database (migrations applied), the core, then the surfaces: Slack
 * when configured, otherwise the console chat on the embedded SQLite file.
 */
import { startConsole } from './adapters/console/start-console.js';
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
  if (config.discord) {
    process.stderr.write('Discord is configured, but this version does not include the Discord adapter yet; unset DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n');
    return 2;
  }
  const onPlatform = Boolean(config.slack);
  const logger = createLogger(config.logLevel ?? (onPlatform ? 'info' : 'warn'));
  const database = openDatabase(config.dbPath);
  try {
    const clock = createClock(config.startAt);
    const bot = createBot({ store: createSqliteStore(database), clock, logger });
    if (config.slack) await runSlack(config.slack, bot, clock, logger);
    else await startConsole({ bot, consoleUser: config.consoleUser, logger });
  } finally {
    database.close();
  }
  return 0;
}

async function runSlack(slack: NonNullable<Config['slack']>, bot: Bot, clock: Clock, logger: Logger): Promise<void> {
  const handle = await startSlack({
    bot, clock, logger, botToken: slack.botToken, port: slack.port,
    ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
    ...(slack.appToken ? { appToken: slack.appToken } : {}),
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await handle.stop();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ceu-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
