/** The real discord.js client (our adapter) logged in to the fake Discord, on a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDiscord, type DiscordHandle } from '../../../src/adapters/discord/start-discord.js';
import { createBot } from '../../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../../src/storage/index.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordCallback } from '../../fakes/fake-discord.js';
import { makeRecordingLogger } from '../slack/slack-under-test.js';

export interface DiscordUnderTest {
  fake: FakeDiscord;
  database: DatabaseHandle;
  logs: string[];
  handle: DiscordHandle;
  activityCount(): number;
  close(): Promise<void>;
}

export async function startDiscordUnderTest(options: { coreDelayMs?: number; deferAfterMs?: number; failing?: boolean } = {}): Promise<DiscordUnderTest> {
  const fake = await startFakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'ceu-discord-'));
  const database = openDatabase(join(dir, 'ceu.sqlite'));
  const logs: string[] = [];
  const logger = makeRecordingLogger(logs);
  const realBot = createBot({ store: createSqliteStore(database), clock: { now: () => new Date('2026-11-24T18:00:00Z') }, logger });
  const delayMs = options.coreDelayMs ?? 0;
  // The real core behind a pause, to exercise defer-then-edit without replacing any of our code.
  const bot = delayMs === 0 && !options.failing ? realBot : { ...realBot, handle: async (request: Parameters<typeof realBot.handle>[0]) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    // An outage inside the core (a full disk, say): the adapter must still answer, privately.
    if (options.failing) throw new Error('disk I/O error');
    return realBot.handle(request);
  } };
  const handle = await startDiscord({ bot, logger, token: fake.token, apiUrl: fake.apiUrl, ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}) });
  return {
    fake, database, logs, handle,
    activityCount: () => (database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get() as { n: number }).n,
    async close() {
      await handle.stop();
      await fake.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The text a callback or message carries: content, embed titles, descriptions and fields. */
export function textOf(payload: unknown): string {
  const data = ((payload as FakeDiscordCallback['body']).data ?? payload) as { content?: string; embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }> };
  const embeds = (data.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n'));
  return [data.content ?? '', ...embeds].join('\n');
}
