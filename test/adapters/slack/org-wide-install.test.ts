/** An org-wide (Enterprise Grid) install: a member is keyed by the enterprise, whichever way they reach the bot. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgWideCommand, orgWideEvent, orgWideInteraction } from '../../fakes/slack-org-install.js';
import {
  makeAppHomeOpenedEvent, makeAppMentionEvent, makeBlockAction, makeDirectMessageEvent, makeSlashCommand, makeViewSubmission, postEvent, postInteraction, postSlashCommand,
} from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  const added = await postSlashCommand(s.url, SIGNING_SECRET, orgWideCommand(makeSlashCommand(s.fake, 'credential add RMA expires 2027-04-30')));
  expect(textOf(added.json)).toContain('Tracking Registered Medical Assistant');
  // Home is refreshed after the ack: let that land before a test counts its own calls.
  await s.fake.waitForCall('views.publish');
});
afterEach(async () => {
  await s.close();
});

const workspaces = () => s.database.sqlite.prepare('SELECT platform, external_id FROM workspaces').all();
const ONE_WORKSPACE = [{ platform: 'slack', external_id: 'E0001' }];

describe('an org-wide install', () => {
  it('finds the /ceu member again when they mention the bot', async () => {
    await postEvent(s.url, SIGNING_SECRET, orgWideEvent(makeAppMentionEvent('status')));
    const post = await s.fake.waitForCall('chat.postEphemeral');
    expect(textOf(post.body)).toContain('RMA (AMT): in progress');
    expect(workspaces()).toEqual(ONE_WORKSPACE);
  });

  it('finds the /ceu member again in a DM', async () => {
    await postEvent(s.url, SIGNING_SECRET, orgWideEvent(makeDirectMessageEvent('status')));
    const post = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(post.body)).toContain('RMA (AMT): in progress');
    expect(workspaces()).toEqual(ONE_WORKSPACE);
  });

  it("shows the /ceu member's dashboard in App Home", async () => {
    const since = s.fake.mark();
    await postEvent(s.url, SIGNING_SECRET, orgWideEvent(makeAppHomeOpenedEvent('U0001')));
    const publish = await s.fake.waitForCallSince(since, 'views.publish');
    expect(JSON.stringify(publish.body.view)).toContain('RMA (AMT): in progress');
    expect(workspaces()).toEqual(ONE_WORKSPACE);
  });

  it('finds the /ceu member again when they click a button', async () => {
    const click = orgWideInteraction(makeBlockAction(s.fake, 'ceu:status', 'status'));
    await postInteraction(s.url, SIGNING_SECRET, click);
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('RMA (AMT): in progress');
    expect(workspaces()).toEqual(ONE_WORKSPACE);
  });

  it('logs a modal submission for the /ceu member', async () => {
    const form = {
      amount: { value: { type: 'number_input', value: '2' } },
      unit: { value: { type: 'static_select', selected_option: { value: 'hours' } } },
      title: { value: { type: 'plain_text_input', value: 'Ethics' } },
      date: { value: { type: 'datepicker', selected_date: '2026-11-01' } },
    };
    const result = await postInteraction(s.url, SIGNING_SECRET, orgWideInteraction(makeViewSubmission('ceu_log_activity', form)));
    expect(result.text).toBe('');
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(dm.body)).toContain('Logged #1');
    expect(workspaces()).toEqual(ONE_WORKSPACE);
  });
});
