/**
 * Start-up: configuration, database (migrations applied), the core, then the surfaces.
 * With no platform configured, the console chat runs on the embedded SQLite file.
 */
import { startConsole } from './adapters/console/start-console.js';
import { createClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { createBot } from './core/index.js';
import { createLogger } from './logger.js';
import { createSqliteStore, openDatabase } from './storage/index.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    return 2;
  }
  const platforms = [config.slack && 'Slack', config.discord && 'Discord'].filter(Boolean);
  if (platforms.length > 0) {
    process.stderr.write(`${platforms.join(' and ')} configured, but this version ships the console only; unset the platform variables to use it.\n`);
    return 2;
  }
  const logger = createLogger(config.logLevel ?? 'warn');
  const database = openDatabase(config.dbPath);
  try {
    const bot = createBot({ store: createSqliteStore(database), clock: createClock(config.startAt), logger });
    await startConsole({ bot, consoleUser: config.consoleUser, logger });
  } finally {
    database.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ceu-bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
