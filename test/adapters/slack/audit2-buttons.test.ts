/**
 * Buttons on a message that holds several of them with the same action (the reminders a member
 * missed by DM, shown together on their next reply: a Snooze a week for each credential).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeBlockAction, makeSlashCommand, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const slash = async (text: string) => (await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text))).json as { blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> };

/** Both credentials' reminders are due, and Slack refuses both DMs for good. */
async function missTwoReminders(): Promise<void> {
  await slash('credential add CMA expires 2027-02-28');
  await slash('credential add RMA expires 2027-03-15');
  s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
  s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
  const scheduler = createScheduler({
    schedulerStore: createSchedulerStore(s.database), store: createSqliteStore(s.database), notifiers: [s.handle.notifier],
    clock: { now: () => new Date('2026-11-24T18:00:00Z') }, logger: makeRecordingLogger([]), sweepIntervalMs: 60_000,
  });
  await scheduler.sweep();
  const failed = () => (s.database.sqlite.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'").get() as { n: number }).n;
  for (let i = 0; i < 50 && failed() < 2; i++) {
    await scheduler.drain();
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(failed()).toBe(2);
}

const snoozedUntil = () => s.database.sqlite.prepare('SELECT code, snoozed_until AS snoozedUntil FROM credentials WHERE removed_at IS NULL ORDER BY code').all();

describe('two buttons with the same action in one message', () => {
  it('each Snooze a week holds its own credential, clicked one after the other', async () => {
    await missTwoReminders();
    const reply = await slash('status');
    const snoozes = reply.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id === 'ceu:snooze');
    expect(snoozes.map((e) => e.value).sort()).toEqual(['snooze CMA', 'snooze RMA']);
    // Both buttons sit in the one ephemeral message: same message ts, same action id.
    const ts = '1700000500.000100';
    for (const button of snoozes) {
      const click = makeBlockAction(s.fake, button.action_id, button.value, { container: { message_ts: ts } } as never);
      await postInteraction(s.url, SIGNING_SECRET, click);
      const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
      expect(textOf(answer.body)).toContain(`Reminders about your ${button.value.slice(-3)} are snoozed until 2026-12-01`);
    }
    expect(snoozedUntil()).toEqual([{ code: 'CMA', snoozedUntil: '2026-12-01' }, { code: 'RMA', snoozedUntil: '2026-12-01' }]);
  });
});
