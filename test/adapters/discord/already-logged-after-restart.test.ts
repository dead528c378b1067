/**
 * A log form Discord lets the member send again (after "interaction failed") is one activity, and
 * the repeat names it by its number even when ceu-bot restarted in between: a new bot on the same
 * SQLite file knows which activity the form logged. If that activity was deleted since, the form
 * logs it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../src/adapters/discord/start-discord.js';
import { createBot } from '../../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../../src/storage/index.js';
import { makeButtonInteraction, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { textOf } from './discord-under-test.js';

let fake: FakeDiscord;
let dir: string;
let database: DatabaseHandle;
let handle: DiscordHandle;

/** A whole ceu-bot, as main.ts starts one: the database file opened, a new core on it, Discord connected. */
async function startBot(): Promise<void> {
  database = openDatabase(join(dir, 'ceu.sqlite'));
  const clock = { now: () => new Date('2026-11-24T18:00:00Z') };
  const logger = makeRecordingLogger([]);
  const bot = createBot({ store: createSqliteStore(database), clock, logger });
  handle = await startDiscord({ bot, logger, token: fake.token, apiUrl: fake.apiUrl });
}

async function restart(): Promise<void> {
  await handle.stop();
  database.close();
  await startBot();
}

const activityCount = () => (database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get() as { n: number }).n;

beforeEach(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'ceu-restart-'));
  await startBot();
});
afterEach(async () => {
  await handle.stop();
  await fake.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const sepsis = { amount: '2h', category: 'clinical', title: 'Sepsis update', date: '', aama: '' };

/** `/ceu log` without an amount, and a way to send the form it opened (as often as Discord lets the member). */
async function openForm(): Promise<() => ReturnType<FakeDiscord['sendInteraction']>> {
  const opened = await fake.sendInteraction(makeSlashInteraction({ subcommand: 'log' }));
  const form = (opened.body.data as { custom_id: string }).custom_id;
  return () => fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
}

describe('a log form sent again after a restart', () => {
  it('is told the number of the activity it logged before the restart, and logs nothing', async () => {
    const send = await openForm();
    expect(textOf((await send()).body)).toContain('Logged #1');
    await restart();
    const again = await send();
    expect(again.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(again.body)).toContain('#1 is already logged from this form');
    expect(activityCount()).toBe(1);
  });

  it('logs the activity again when the member deleted it before the restart', async () => {
    const send = await openForm();
    const logged = await send();
    const undo = buttonsOf(logged.body).find((b) => b.label === 'Undo')!;
    expect(textOf((await fake.sendInteraction(makeButtonInteraction(undo.custom_id))).body)).toContain('Deleted #1');
    await restart();
    expect(textOf((await send()).body)).toContain('Logged #2');
    expect(activityCount()).toBe(1);
    // The one logged anew is the form's activity now, across a further restart too.
    await restart();
    expect(textOf((await send()).body)).toContain('#2 is already logged from this form');
    expect(activityCount()).toBe(1);
  });
});

function buttonsOf(body: unknown): Array<{ label: string; custom_id: string }> {
  const rows = ((body as { data?: { components?: Array<{ components: Array<{ label: string; custom_id: string }> }> } }).data?.components ?? []);
  return rows.flatMap((r) => r.components);
}
