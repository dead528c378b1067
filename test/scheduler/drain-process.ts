/**
 * A drainer process for the restart test, built from the real modules: the scheduler, the SQLite
 * outbox and the Slack notifier, on the database at argv[2], sending to the Web API at argv[3].
 * Slack's per-DM pace, a faster global one so the test need not wait minutes. SIGTERM stops it.
 */
import { createSlackNotifier } from '../../src/adapters/slack/notifier.js';
import { createClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createScheduler } from '../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore, openDatabase } from '../../src/storage/index.js';

const [dbPath, apiUrl] = process.argv.slice(2) as [string, string];
const database = openDatabase(dbPath);
const logger = createLogger('warn');
const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl, logger, limits: { global: { count: 50, perMs: 1000 }, perTarget: { count: 1, perMs: 1000 } } });
const scheduler = createScheduler({ schedulerStore: createSchedulerStore(database), store: createSqliteStore(database), notifiers: [notifier], clock: createClock(new Date('2026-11-24T15:00:00Z')), logger, sweepIntervalMs: 60_000 });
scheduler.start();
process.stdout.write('draining\n');
process.once('SIGTERM', () => {
  void scheduler.stop().then(() => {
    database.close();
    process.exit(0);
  });
});
