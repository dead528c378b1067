/** The real Bolt app (our adapter) on loopback, talking to the fake Slack, on a real SQLite file. */
import { fromSlackText } from '../../../src/adapters/slack/from-slack-text.js';
import { startSlack, type SlackHandle } from '../../../src/adapters/slack/start-slack.js';
import type { DatabaseHandle } from '../../../src/storage/index.js';
import { makeTestCore, type TestCoreOptions } from '../../support/make-test-core.js';
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

export interface SlackTestOptions extends TestCoreOptions {
  socket?: boolean;
  ackBudgetMs?: number;
  /** Web API retries (0 unless a test is about them). */
  retries?: number;
}

export async function startSlackUnderTest(options: SlackTestOptions = {}): Promise<SlackUnderTest> {
  const fake = await startFakeSlack();
  const core = makeTestCore(options);
  const handle = await startSlack({
    bot: core.bot, clock: core.clock, logger: core.logger, botToken: 'xoxb-test', apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', retries: options.retries ?? 0,
    ...(options.socket ? { appToken: 'xapp-test' } : { signingSecret: SIGNING_SECRET }),
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
  });
  if (options.socket) await fake.socketConnected();
  return {
    fake, handle, database: core.database, logs: core.logs, activityCount: core.activityCount,
    url: `http://127.0.0.1:${handle.port ?? 0}/slack/events`,
    async close() {
      try {
        await handle.stop();
        // Fails the test when the app sent Slack any Block Kit it would refuse or cut.
        await fake.close();
      } finally {
        core.cleanup();
      }
    },
  };
}

/** The plain text of a Slack message body as a person reads it: its `text` fallback, Slack's escapes read back. */
export function textOf(body: unknown): string {
  return fromSlackText((body as { text?: string }).text ?? '');
}
