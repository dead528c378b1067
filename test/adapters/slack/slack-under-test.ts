/** The real Bolt app (our adapter) on loopback, talking to the fake Slack, on a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlack, type SlackHandle } from '../../../src/adapters/slack/start-slack.js';
import { createBot, type Logger } from '../../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../../src/storage/index.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackUnderTest {
  fake: FakeSlack;
  url: string;
  database: DatabaseHandle;
  logs: string[];
  handle: SlackHandle;
  activityCount(): number;
  close(): Promise<void>;
}

/** A logger that keeps every line, so tests can check what was logged (and that no token was). */
export function makeRecordingLogger(lines: string[]): Logger {
  const record = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

export interface SlackTestOptions {
  socket?: boolean;
  ackBudgetMs?: number;
  nowAt?: string;
  /** Makes every command take this long, to exercise the ack-then-respond path. */
  coreDelayMs?: number;
}

export async function startSlackUnderTest(options: SlackTestOptions = {}): Promise<SlackUnderTest> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'ceu-slack-'));
  const database = openDatabase(join(dir, 'ceu.sqlite'));
  const logs: string[] = [];
  const logger = makeRecordingLogger(logs);
  const clock = { now: () => new Date(options.nowAt ?? '2026-11-24T18:00:00Z') };
  const realBot = createBot({ store: createSqliteStore(database), clock, logger });
  const delayMs = options.coreDelayMs ?? 0;
  // The real core behind a pause: stands in for a slow disk, without replacing any of our code.
  const bot = delayMs === 0 ? realBot : { ...realBot, handle: async (request: Parameters<typeof realBot.handle>[0]) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return realBot.handle(request);
  } };
  const handle = await startSlack({
    bot, clock, logger, botToken: 'xoxb-test', apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', retries: 0,
    ...(options.socket ? { appToken: 'xapp-test' } : { signingSecret: SIGNING_SECRET }),
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
  });
  if (options.socket) await fake.socketConnected();
  return {
    fake, database, logs, handle,
    url: `http://127.0.0.1:${handle.port ?? 0}/slack/events`,
    activityCount: () => (database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get() as { n: number }).n,
    async close() {
      await handle.stop();
      await fake.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The plain text of a Slack message body: its `text` fallback. */
export function textOf(body: unknown): string {
  return (body as { text?: string }).text ?? '';
}
