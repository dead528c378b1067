/** The real discord.js client (our adapter) logged in to the fake Discord, on a real SQLite file. */
import { startDiscord, type DiscordHandle } from '../../../src/adapters/discord/start-discord.js';
import type { DatabaseHandle } from '../../../src/storage/index.js';
import { makeTestCore, type TestCoreOptions } from '../../support/make-test-core.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordCallback } from '../../fakes/fake-discord.js';

export interface DiscordUnderTest {
  fake: FakeDiscord;
  database: DatabaseHandle;
  logs: string[];
  handle: DiscordHandle;
  activityCount(): number;
  close(): Promise<void>;
}

export async function startDiscordUnderTest(options: TestCoreOptions & { deferAfterMs?: number } = {}): Promise<DiscordUnderTest> {
  const fake = await startFakeDiscord();
  const core = makeTestCore(options);
  const handle = await startDiscord({
    bot: core.bot, logger: core.logger, token: fake.token, apiUrl: fake.apiUrl,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  return {
    fake, handle, database: core.database, logs: core.logs, activityCount: core.activityCount,
    async close() {
      await handle.stop();
      await fake.close();
      core.cleanup();
    },
  };
}

/** The text a callback or message carries: content, embed titles, descriptions and fields. */
export function textOf(payload: unknown): string {
  const data = ((payload as FakeDiscordCallback['body']).data ?? payload) as { content?: string; embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }> };
  const embeds = (data.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n'));
  return [data.content ?? '', ...embeds].join('\n');
}
