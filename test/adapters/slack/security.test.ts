import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppMentionEvent, makeSlashCommand, postEvent, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

describe('requests that did not come from Slack', () => {
  const tenMinutesAgo = () => Math.floor(Date.now() / 1000) - 600;
  it.each([
    ['forged (wrong secret)', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['stale (10 minutes old)', { timestamp: tenMinutesAgo() }],
    ['tampered in flight', { tamper: true }],
    ['unsigned', { unsigned: true }],
  ])('refuses a %s slash command with 401 and stores nothing', async (_, options) => {
    const result = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h general Ethics'), options);
    expect(result.status).toBe(401);
    expect(s.activityCount()).toBe(0);
    expect(s.database.sqlite.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 0 });
  });

  it('refuses a tampered event and answers nothing', async () => {
    const result = await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('log 2h general Ethics'), { tamper: true });
    expect(result.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(s.activityCount()).toBe(0);
  });

  it('signed with another secret is refused', async () => {
    const result = await postSlashCommand(s.url, 'some-other-secret', makeSlashCommand(s.fake, 'log 2h general Ethics'));
    expect(result.status).toBe(401);
    expect(s.activityCount()).toBe(0);
  });
});
