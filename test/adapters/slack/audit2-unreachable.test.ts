/**
 * A member Slack will not let the bot DM (its Messages tab turned off) sees the reminders they
 * missed on their next private reply. A form's confirmation and an App Home button's answer go
 * by DM too, so they cannot be where those reminders are shown: they would be marked seen unseen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import { makeBlockAction, makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
  await s.fake.waitForCall('views.publish');
  // The 120-day reminder is due; Slack refuses the DM for good.
  s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
  const scheduler = createScheduler({
    schedulerStore: createSchedulerStore(s.database), store: createSqliteStore(s.database), notifiers: [s.handle.notifier],
    clock: { now: () => new Date('2026-11-24T18:00:00Z') }, logger: makeRecordingLogger([]), sweepIntervalMs: 60_000,
  });
  await scheduler.sweep();
  await scheduler.drain();
  expect(s.database.sqlite.prepare('SELECT unreachable_since IS NOT NULL AS unreachable FROM members').all()).toContainEqual({ unreachable: 1 });
});
afterEach(async () => {
  await s.close();
});

const MISSED = 'I could not reach you by DM';
const statusNow = async () => textOf((await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'status'))).json);

describe('reminders a member missed by DM', () => {
  it('are not spent on the DM that confirms a form', async () => {
    s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    const since = s.fake.mark();
    await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', makeLogFormValues()));
    await s.fake.waitForCallSince(since, 'views.publish');
    expect(s.activityCount()).toBe(1);
    expect(await statusNow()).toContain(MISSED);
  });

  it('are not spent on the DM that answers an App Home button', async () => {
    s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    const { channel: _c, response_url: _r, message: _m, ...click } = makeBlockAction(s.fake, 'ceu:need', 'need', { container: { type: 'view', view_id: 'VHOME0001' } } as never);
    const since = s.fake.mark();
    await postInteraction(s.url, SIGNING_SECRET, { ...click, view: { id: 'VHOME0001', type: 'home' } });
    await s.fake.waitForCallSince(since, 'chat.postMessage');
    expect(await statusNow()).toContain(MISSED);
  });
});
