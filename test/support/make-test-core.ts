/**
 * The real core on a real SQLite file in a temp folder, as the adapters' tests use it, with a
 * logger that keeps every line. `coreDelayMs` and `failing` put the real core behind a pause or an
 * outage (a slow or failing disk) to exercise the adapters' slow and error paths; none of our code
 * is replaced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type Bot, type Clock, type Logger } from '../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';

export interface TestCoreOptions {
  nowAt?: string;
  coreDelayMs?: number;
  failing?: boolean;
}

export interface TestCore {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  logs: string[];
  database: DatabaseHandle;
  activityCount(): number;
  cleanup(): void;
}

/** A logger that keeps every line, so tests can check what was logged (and that no secret was). */
export function makeRecordingLogger(lines: string[]): Logger {
  const record = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

export function makeTestCore(options: TestCoreOptions = {}): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'ceu-adapter-'));
  const database = openDatabase(join(dir, 'ceu.sqlite'));
  const logs: string[] = [];
  const logger = makeRecordingLogger(logs);
  const clock = { now: () => new Date(options.nowAt ?? '2026-11-24T18:00:00Z') };
  const realBot = createBot({ store: createSqliteStore(database), clock, logger });
  const delayMs = options.coreDelayMs ?? 0;
  const bot: Bot = delayMs === 0 && !options.failing ? realBot : {
    ...realBot,
    async handle(request) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (options.failing) throw new Error('disk I/O error');
      return realBot.handle(request);
    },
  };
  return {
    bot, clock, logger, logs, database,
    activityCount: () => (database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get() as { n: number }).n,
    cleanup() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
