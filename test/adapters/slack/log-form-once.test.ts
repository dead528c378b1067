/**
 * One filled-in log form is one activity. A member who opens the form twice from the same button
 * (two devices, or the form again after Slack said it had trouble) and sends the same activity
 * from both is told it is logged already, by its number; the form's date defaults to today where
 * the member says they are (`settings tz`), not where Slack's profile says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/start-slack.js';
import type { Clock } from '../../../src/core/index.js';
import { startFakeSlack } from '../../fakes/fake-slack.js';
import { makeTestCore } from '../../support/make-test-core.js';
import { makeDirectMessageClick } from '../../fakes/slack-interaction-payloads.js';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import { makeBlockAction, makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
});
afterEach(async () => {
  await s.close();
});

type OpenedView = { id: string; private_metadata?: string; blocks: Array<{ block_id: string; element: { initial_date?: string } }> };

let views = 0;
/** A click on a button that opens the form, and the view Slack opened for it (a new view id each time). */
async function openFrom(click: ReturnType<typeof makeBlockAction>): Promise<OpenedView> {
  const since = s.fake.mark();
  await postInteraction(s.url, SIGNING_SECRET, click);
  const opened = await s.fake.waitForCallSince(since, 'views.open');
  views += 1;
  return { ...(opened.body.view as OpenedView), id: `VFORM${views}` };
}

/** The form's submission as Slack posts it: the view's id and metadata, and what its inputs held. */
function submitted(view: OpenedView, values = makeLogFormValues()) {
  const payload = makeViewSubmission('ceu_log_activity', values);
  return { ...payload, view: { ...payload.view, id: view.id, private_metadata: view.private_metadata ?? '' } };
}

const dms = () => s.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U0001');

describe('the same activity sent from two copies of a form', () => {
  it('logs it once and tells the second copy which activity it is', async () => {
    const click = makeBlockAction(s.fake, 'ceu:log-another', 'log');
    const first = await openFrom(click);
    const second = await openFrom({ ...click, trigger_id: `${click.trigger_id}2`, actions: [{ ...click.actions[0]!, action_ts: '1700009999.000002' }] });

    await postInteraction(s.url, SIGNING_SECRET, submitted(first));
    await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1);
    const result = await postInteraction(s.url, SIGNING_SECRET, submitted(second));
    expect(result.text).toBe('');
    const answer = await s.fake.waitForCall('chat.postMessage', () => dms().length >= 2);
    expect(textOf(dms()[0]!.body)).toContain('Logged #1');
    expect(textOf(answer.body)).toContain('#1 is already logged from this form');
    expect(s.activityCount()).toBe(1);
  });

  it('answers the same copy sent again only once, by the first DM', async () => {
    const view = await openFrom(makeBlockAction(s.fake, 'ceu:log-another', 'log'));
    await postInteraction(s.url, SIGNING_SECRET, submitted(view));
    await postInteraction(s.url, SIGNING_SECRET, submitted(view));
    await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(dms()).toHaveLength(1);
    expect(s.activityCount()).toBe(1);
  });

  it('logs a different activity sent from the same button', async () => {
    const click = makeBlockAction(s.fake, 'ceu:log-another', 'log');
    const first = await openFrom(click);
    await postInteraction(s.url, SIGNING_SECRET, submitted(first));
    await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1);
    const again = await openFrom({ ...click, trigger_id: `${click.trigger_id}2` });
    await postInteraction(s.url, SIGNING_SECRET, submitted(again, makeLogFormValues({ title: { value: { type: 'plain_text_input', value: 'Sepsis update' } } })));
    const answer = await s.fake.waitForCall('chat.postMessage', () => dms().length >= 2);
    expect(textOf(answer.body)).toContain('Logged #2');
    expect(s.activityCount()).toBe(2);
  });
});

describe('the date a form opens with', () => {
  const dateOf = (view: OpenedView) => view.blocks.find((b) => b.block_id === 'date')?.element.initial_date;

  beforeEach(async () => {
    // 18:00 UTC: 12:00 on 24 Nov in Chicago (Slack's profile), already 25 Nov in Kiritimati (UTC+14).
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'settings tz Pacific/Kiritimati'));
  });

  it('is today in the zone the member set, from /ceu log', async () => {
    const since = s.fake.mark();
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    expect(dateOf((await s.fake.waitForCallSince(since, 'views.open')).body.view as OpenedView)).toBe('2026-11-25');
  });

  it('is today in the zone the member set, from a Log button', async () => {
    expect(dateOf(await openFrom(makeBlockAction(s.fake, 'ceu:log-another', 'log')))).toBe('2026-11-25');
  });
});

describe('the same button after the activity it logged is gone', () => {
  it('logs the activity again once the member undid it', async () => {
    const click = makeBlockAction(s.fake, 'ceu:log-another', 'log');
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom(click)));
    const logged = await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1);
    expect(textOf(logged.body)).toContain('Logged #1');
    const undo = makeDirectMessageClick(s.fake, logged.body, 'ceu:undo');
    await postInteraction(s.url, SIGNING_SECRET, undo);
    expect(textOf((await s.fake.waitForResponse((r) => undo.response_url.endsWith(r.path))).body)).toContain('Deleted #1');

    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom({ ...click, trigger_id: `${click.trigger_id}2` })));
    expect(textOf((await s.fake.waitForCall('chat.postMessage', () => dms().length >= 2)).body)).toContain('Logged #2');
    expect(s.activityCount()).toBe(1);
    // The one logged anew is the form's activity now: a further copy is told so.
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom({ ...click, trigger_id: `${click.trigger_id}3` })));
    expect(textOf((await s.fake.waitForCall('chat.postMessage', () => dms().length >= 3)).body)).toContain('#2 is already logged from this form');
    expect(s.activityCount()).toBe(1);
  });
});

describe('the form App Home opens', () => {
  /** A click on App Home's Log an activity: no channel, no message; Slack keeps one Home view per member, its id the same across publishes. */
  const homeClick = () => {
    const { channel: _c, response_url: _r, message: _m, ...click } = makeBlockAction(s.fake, 'ceu:open-log', 'log');
    return { ...click, container: { type: 'view', view_id: 'VHOME0001' }, view: { id: 'VHOME0001', type: 'home' } } as unknown as ReturnType<typeof makeBlockAction>;
  };

  it('logs each of two identical activities, one per opening', async () => {
    const untitled = makeLogFormValues({ title: { value: { type: 'plain_text_input', value: null } }, provider: { value: { type: 'plain_text_input', value: null } } });
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom(homeClick()), untitled));
    await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1);
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom(homeClick()), untitled));
    expect(textOf((await s.fake.waitForCall('chat.postMessage', () => dms().length >= 2)).body)).toContain('Logged #2');
    expect(s.activityCount()).toBe(2);
  });
});

describe('a button\'s form on another day', () => {
  let clock: Clock;
  beforeEach(async () => {
    await s.close();
    // As startSlackUnderTest, on a clock the test moves.
    const fake = await startFakeSlack();
    const core = makeTestCore();
    clock = core.clock;
    const handle = await startSlack({ bot: core.bot, clock, logger: core.logger, botToken: 'xoxb-test', apiUrl: fake.apiUrl, port: 0, host: '127.0.0.1', retries: 0, signingSecret: SIGNING_SECRET });
    s = {
      fake, handle, database: core.database, logs: core.logs, activityCount: core.activityCount, url: `http://127.0.0.1:${handle.port ?? 0}/slack/events`,
      close: async () => { await handle.stop(); await fake.close(); core.cleanup(); },
    };
  });

  it('logs again a form whose date was left empty, which means another day', async () => {
    const click = makeBlockAction(s.fake, 'ceu:log-another', 'log');
    const undated = makeLogFormValues({ date: { value: { type: 'datepicker', selected_date: null } } });
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom(click), undated));
    expect(textOf((await s.fake.waitForCall('chat.postMessage', () => dms().length >= 1)).body)).toContain('Logged #1 2026-11-24');
    clock.now = () => new Date('2026-11-25T18:00:00Z');
    await postInteraction(s.url, SIGNING_SECRET, submitted(await openFrom({ ...click, trigger_id: `${click.trigger_id}2` }), undated));
    expect(textOf((await s.fake.waitForCall('chat.postMessage', () => dms().length >= 2)).body)).toContain('Logged #2 2026-11-25');
    expect(s.activityCount()).toBe(2);
  });
});
