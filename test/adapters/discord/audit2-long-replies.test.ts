/**
 * Replies past Discord's 10 embeds a message. A member holding many credentials, with reminders a
 * closed DM kept from them, gets one embed per credential and one per reminder; the reminders are
 * shown this once (marked seen as they are attached), so none may be dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { makePlanned, makeTestClock } from '../../scheduler/make-outbox.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

const CODES = ['CMA', 'RMA', 'CMAS', 'NCMA', 'CCMA', 'CMAA', 'CPT', 'CET', 'BLS'];

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
});
afterEach(async () => {
  await d.close();
});

async function keepRemindersFromClosedDm(texts: string[]): Promise<void> {
  d.fake.closeDms(FAKE_DISCORD_IDS.user);
  const store = createSqliteStore(d.database);
  const member = store.findMember({ platform: 'discord', tenantId: FAKE_DISCORD_IDS.guild, userId: FAKE_DISCORD_IDS.user })!;
  const outbox = createSchedulerStore(d.database);
  const clock = makeTestClock('2026-11-24T15:00:00Z');
  outbox.enqueue(texts.map((text, i) => makePlanned(member, `nudge:${i}`, { text })), clock.now().toISOString());
  const scheduler = createScheduler({ schedulerStore: outbox, store, notifiers: [d.handle.notifier], clock, logger: { debug() {}, info() {}, warn() {}, error() {} }, sweepIntervalMs: 60_000 });
  expect(await scheduler.drain()).toMatchObject({ failed: texts.length });
  await scheduler.stop();
}

describe('a status answer with more than 10 sections', () => {
  it('shows every credential and every kept reminder within one message Discord accepts', async () => {
    for (const code of CODES) {
      await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
        { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: code }, { name: 'expires', type: 3, value: '2027-04-30' },
      ] }));
    }
    await keepRemindersFromClosedDm(['First kept reminder', 'Second kept reminder', 'Third kept reminder']);

    const status = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'status' }));
    expect(status.status).toBe(204);
    const embeds = (status.body.data as { embeds: unknown[] }).embeds;
    expect(embeds.length).toBeLessThanOrEqual(10);
    const text = textOf(status.body);
    for (const code of CODES) expect(text).toContain(`${code} (`);
    for (const reminder of ['First kept reminder', 'Second kept reminder', 'Third kept reminder']) expect(text).toContain(reminder);
  });
});
