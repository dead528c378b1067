import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import type { SlackJson } from '../../fakes/read-request-body.js';
import { makeDirectMessageClick } from '../../fakes/slack-interaction-payloads.js';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import { makeBlockAction, makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
  await homePublishes(1);
});
afterEach(async () => {
  await s.close();
});

/** Home is refreshed after each change's answer: wait for `count` refreshes before counting new ones. */
async function homePublishes(count: number): Promise<void> {
  await s.fake.waitForCall('views.publish', () => s.fake.callsTo('views.publish').length >= count);
}

const validForm = makeLogFormValues();

describe('the log modal', () => {
  it('is built from the log declaration: an input per option, with today in the date picker', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    const { body } = await s.fake.waitForCall('views.open');
    const view = body.view as { blocks: Array<{ block_id: string; element: { type: string; initial_date?: string } }> };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['amount', 'unit', 'cpr', 'category', 'title', 'date', 'provider', 'aama']);
    expect(view.blocks.find((b) => b.block_id === 'date')?.element).toMatchObject({ type: 'datepicker', initial_date: '2026-11-24' });
  });

  it('shows each problem on its field and stores nothing', async () => {
    const form = { ...validForm, amount: { value: { type: 'number_input', value: '500' } }, date: { value: { type: 'datepicker', selected_date: '2027-01-01' } } };
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ response_action: 'errors', errors: { amount: expect.stringContaining('more than 100 hours'), date: expect.stringContaining('in the future') } });
    expect(s.activityCount()).toBe(0);
  });

  it('asks for a category on the category field when a CMA activity has none', async () => {
    const { category: _, ...form } = validForm;
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    expect(result.json).toMatchObject({ response_action: 'errors', errors: { category: expect.stringContaining('counts points by category') } });
  });

  it('logs a valid submission, closes the modal, confirms by DM and refreshes App Home', async () => {
    const since = s.fake.mark();
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', validForm));
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours clinical “Phlebotomy basics” from Relias (AAMA-approved)');
    expect((await s.fake.waitForCallSince(since, 'views.publish')).body).toMatchObject({ user_id: 'U0001', view: { type: 'home' } });
    expect(s.activityCount()).toBe(1);
  });

  it('takes a corrected form after a field error', async () => {
    const { category: _, ...form } = validForm;
    const first = makeViewSubmission('ceu_log_activity', form);
    await postInteraction(s.url, SIGNING_SECRET, first);
    const corrected = { ...first, view: { ...first.view, state: { values: validForm } } };
    const result = await postInteraction(s.url, SIGNING_SECRET, corrected);
    expect(result.text).toBe('');
    await s.fake.waitForCall('chat.postMessage');
    expect(s.activityCount()).toBe(1);
  });

  it('logs a resubmitted modal (same view) once', async () => {
    const payload = makeViewSubmission('ceu_log_activity', validForm);
    await postInteraction(s.url, SIGNING_SECRET, payload);
    await postInteraction(s.url, SIGNING_SECRET, payload);
    await s.fake.waitForCall('chat.postMessage');
    expect(s.activityCount()).toBe(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('buttons', () => {
  it('Undo takes back the log it was shown with (not a later one), answering in the conversation and refreshing App Home', async () => {
    const logged = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical Sepsis'));
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 1h general Later'));
    await homePublishes(3);
    const since = s.fake.mark();
    const button = (logged.json as { blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> }).blocks
      .find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === 'ceu:undo')!;
    const click = makeBlockAction(s.fake, button.action_id, button.value);
    expect((await postInteraction(s.url, SIGNING_SECRET, click)).status).toBe(200);
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('Deleted #1');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(s.activityCount()).toBe(1);
    expect((await s.fake.waitForCallSince(since, 'views.publish')).body).toMatchObject({ user_id: 'U0001', view: { type: 'home' } });
  });

  it('a double click runs once, and tells the second click why, privately', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical A'));
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical B'));
    const first = makeBlockAction(s.fake, 'ceu:undo', 'undo');
    const second = { ...first, response_url: s.fake.responseUrl(), actions: [{ ...first.actions[0]!, action_ts: '1700009999.000001' }] };
    await postInteraction(s.url, SIGNING_SECRET, first);
    await postInteraction(s.url, SIGNING_SECRET, second);
    await s.fake.waitForResponse((r) => first.response_url.endsWith(r.path));
    const why = await s.fake.waitForResponse((r) => second.response_url.endsWith(r.path));
    expect(why.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(why.body)).toContain('Already done');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.fake.responses.filter((r) => second.response_url.endsWith(r.path))).toHaveLength(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(s.activityCount()).toBe(1);
  });

  it("another member's click on your Undo neither works nor uses up yours", async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical A'));
    const theirs = makeBlockAction(s.fake, 'ceu:undo', 'delete 1', { user: { id: 'U0002', username: 'sam.lee', name: 'sam.lee' } });
    await postInteraction(s.url, SIGNING_SECRET, theirs);
    const refused = await s.fake.waitForResponse((r) => theirs.response_url.endsWith(r.path));
    expect(textOf(refused.body)).toContain("someone else's");
    const mine = makeBlockAction(s.fake, 'ceu:undo', 'delete 1');
    await postInteraction(s.url, SIGNING_SECRET, mine);
    const done = await s.fake.waitForResponse((r) => mine.response_url.endsWith(r.path));
    expect(textOf(done.body)).toContain('Deleted #1');
  });

  it('answers a question button every time it is clicked', async () => {
    for (let i = 0; i < 2; i++) {
      const click = makeBlockAction(s.fake, 'ceu:need', 'need');
      await postInteraction(s.url, SIGNING_SECRET, { ...click, container: { ...click.container, message_ts: '1700000000.000999' } });
      const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
      expect(textOf(answer.body)).toContain('CMA (AAMA)');
    }
  });

  it('lets a Slack admin name another admin by mention', async () => {
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'admin add <@U0001|alex.rivera>', { user_id: 'U0002', user_name: 'sam.lee' }));
    expect(textOf(reply.json)).toContain('is now an admin');
    const plain = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'admin add @alex.rivera', { user_id: 'U0002', user_name: 'sam.lee' }));
    expect(textOf(plain.json)).toContain('is not a member; mention them');
  });

  it('Log another opens the modal', async () => {
    await postInteraction(s.url, SIGNING_SECRET, makeBlockAction(s.fake, 'ceu:log-another', 'log'));
    const { body } = await s.fake.waitForCall('views.open');
    expect(body.view).toMatchObject({ callback_id: 'ceu_log_activity' });
  });
});

describe('the log modal when the core is slow', () => {
  beforeEach(async () => {
    await s.close();
    s = await startSlackUnderTest({ ackBudgetMs: 100, coreDelayMs: 300 });
  });

  it('closes the modal within the budget, then confirms by DM once the log is stored', async () => {
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', validForm));
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    // Acked while the core was still at work.
    expect(s.activityCount()).toBe(0);
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours');
    expect(s.activityCount()).toBe(1);
    await s.fake.waitForCall('views.publish');
    expect(s.logs.join('\n')).not.toContain('Slack listener failed');
  });

  it('sends the problems by DM when they come too late to show on the form', async () => {
    const form = { ...validForm, amount: { value: { type: 'number_input', value: '500' } } };
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    expect(result.text).toBe('');
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(dm.body)).toContain('more than 100 hours');
    expect(s.activityCount()).toBe(0);
  });
});

describe('the buttons of a reminder', () => {
  /** The real planner and outbox, delivering through the adapter's notifier to the fake Slack. */
  async function remind(): Promise<SlackJson> {
    const scheduler = createScheduler({
      schedulerStore: createSchedulerStore(s.database), store: createSqliteStore(s.database), notifiers: [s.handle.notifier],
      clock: { now: () => new Date('2026-11-24T18:00:00Z') }, logger: makeRecordingLogger([]), sweepIntervalMs: 60_000,
    });
    await scheduler.sweep();
    await scheduler.drain();
    return (await s.fake.waitForCall('chat.postMessage', (c) => c.body.channel === 'U0001' && JSON.stringify(c.body.blocks).includes('ceu:snooze'))).body;
  }

  const cma = () => s.database.sqlite.prepare("SELECT expires_on AS expiresOn, snoozed_until AS snoozedUntil FROM credentials WHERE code = 'CMA' AND removed_at IS NULL").get();

  it('Log now opens the log form', async () => {
    const click = makeDirectMessageClick(s.fake, await remind(), 'ceu:log-now');
    await postInteraction(s.url, SIGNING_SECRET, click);
    const { body } = await s.fake.waitForCall('views.open');
    expect(body).toMatchObject({ trigger_id: click.trigger_id, view: { callback_id: 'ceu_log_activity' } });
  });

  it('Snooze a week holds reminders about that credential for seven days', async () => {
    const click = makeDirectMessageClick(s.fake, await remind(), 'ceu:snooze');
    await postInteraction(s.url, SIGNING_SECRET, click);
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('snoozed until 2026-12-01');
    expect(cma()).toEqual({ expiresOn: '2027-02-28', snoozedUntil: '2026-12-01' });
  });

  it('Already renewed moves the credential on to its next cycle', async () => {
    const click = makeDirectMessageClick(s.fake, await remind(), 'ceu:renewed');
    await postInteraction(s.url, SIGNING_SECRET, click);
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('Renewed CMA');
    expect((cma() as { expiresOn: string }).expiresOn > '2027-02-28').toBe(true);
  });
});
