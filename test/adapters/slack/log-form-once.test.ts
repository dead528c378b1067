/**
 * One filled-in log form is one activity. A member who opens the form twice from the same button
 * (two devices, or the form again after Slack said it had trouble) and sends the same activity
 * from both is told it is logged already, by its number; the form's date defaults to today where
 * the member says they are (`settings tz`), not where Slack's profile says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
