import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orgWideCommand } from '../../fakes/slack-org-install.js';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const slash = async (text: string, overrides = {}) => {
  const result = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text, overrides));
  expect(result.status).toBe(200);
  return result.json as { response_type: string; text: string; blocks: Array<{ type: string; text?: { text: string } }> };
};

describe('/ceu over HTTP, answered on the ack', () => {
  it('adds a credential, logs an activity and shows status with bars, all ephemeral', async () => {
    const added = await slash('credential add CMA expires 2027-02-28');
    expect(added.response_type).toBe('ephemeral');
    expect(textOf(added)).toContain('Tracking Certified Medical Assistant');
    const logged = await slash('log 2h clinical "Phlebotomy basics" from Relias on 2026-11-01 aama');
    expect(textOf(logged)).toContain('CMA: +2 points clinical, AAMA-approved');
    expect(logged.blocks.find((b) => b.type === 'actions')).toMatchObject({ elements: [{ action_id: 'ceu:undo', value: 'delete 1' }, { action_id: 'ceu:log-another', value: 'log' }] });
    const status = await slash('status');
    expect(status.blocks[0]).toMatchObject({ type: 'header', text: { text: 'CMA (AAMA): in progress' } });
    expect(JSON.stringify(status.blocks)).toContain('`██░░░░░░░░`');
    expect(s.activityCount()).toBe(1);
  });

  it.each([
    ['', 'ceu-bot keeps your continuing education on track'],
    ['help', 'ceu-bot keeps your continuing education on track'],
    ['help log', 'log cpr on 2024-06-20'],
    ['need', 'You have no credentials yet'],
    ['history', 'Nothing logged yet'],
    ['undo', 'Nothing to undo'],
    ['settings', 'Time zone: not set (using America/Chicago)'],
    ['credential list', 'You hold no credentials yet'],
    ['pause until 2027-01-15', 'Reminders paused until 2027-01-15'],
    ['what do I still need?', 'You have no credentials yet'],
  ])('answers `/ceu %s`', async (text, expected) => {
    expect(textOf(await slash(text))).toContain(expected);
  });

  it('answers delete and edit of a logged activity, and status --json as code', async () => {
    await slash('log 2h general Ethics');
    expect(textOf(await slash('edit 1 date 2026-11-20'))).toContain('Edited: #1 2026-11-20');
    expect(JSON.stringify((await slash('status --json')).blocks)).toContain('```{');
    expect(textOf(await slash('delete 1'))).toContain('Deleted #1');
    expect(s.activityCount()).toBe(0);
  });

  it('refuses bad input with every problem and the usage line, storing nothing', async () => {
    const reply = await slash('log 500h clinical on 2026-02-30');
    expect(textOf(reply)).toContain('not a real date');
    expect(textOf(reply)).toContain('more than 100 hours');
    expect(textOf(reply)).toContain('Usage: log <amount><unit>');
    expect(reply.blocks[0]).toMatchObject({ type: 'context' });
    expect(s.activityCount()).toBe(0);
  });

  it("uses the user's Slack time zone and Slack's admin role", async () => {
    // 18:00 UTC on Nov 24 is still Nov 24 in Chicago (U0001's zone).
    expect(textOf(await slash('log 1h general Ethics'))).toContain('2026-11-24');
    expect(textOf(await slash('settings rule ncma.hoursPerYear 12'))).toContain('Only an admin');
    expect(textOf(await slash('settings rule ncma.hoursPerYear 12', { user_id: 'U0002', user_name: 'sam.lee' }))).toContain('now 12');
  });

  it('opens the log form for `/ceu log` alone, or when the amount is missing', async () => {
    const response = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const open = await s.fake.waitForCall('views.open');
    expect(open.body.view).toMatchObject({ type: 'modal', callback_id: 'ceu_log_activity' });
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log clinical Sepsis'));
    await s.fake.waitForCall('views.open', () => s.fake.callsTo('views.open').length === 2);
  });

  it('refreshes App Home after a change', async () => {
    await slash('log 1h general Ethics');
    const publish = await s.fake.waitForCall('views.publish');
    expect(publish.body).toMatchObject({ user_id: 'U0001', view: { type: 'home' } });
  });

  it('asks users.info once, then answers from its cache until that is ten minutes old', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      await slash('status');
      await slash('need');
      expect(s.fake.callsTo('users.info')).toHaveLength(1);
      vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
      expect(textOf(await slash('status'))).toContain('You have no credentials yet');
      expect(s.fake.callsTo('users.info')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keys a member by the enterprise for an org-wide install', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, orgWideCommand(makeSlashCommand(s.fake, 'log 1h general Ethics')));
    const workspace = s.database.sqlite.prepare('SELECT platform, external_id FROM workspaces').get();
    expect(workspace).toEqual({ platform: 'slack', external_id: 'E0001' });
  });
});

describe('/ceu when the core is slow', () => {
  it('acks at once and answers through response_url, exactly once', async () => {
    await s.close();
    s = await startSlackUnderTest({ ackBudgetMs: 100, coreDelayMs: 300 });
    const fields = makeSlashCommand(s.fake, 'help');
    const result = await postSlashCommand(s.url, SIGNING_SECRET, fields);
    expect(result.json).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
    const followUp = await s.fake.waitForResponse((r) => fields.response_url.endsWith(r.path));
    expect(textOf(followUp.body)).toContain('ceu-bot keeps your continuing education on track');
    expect(s.fake.responses).toHaveLength(1);
  });
});
