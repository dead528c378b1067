/**
 * A slow answer (the core past the ack's budget) goes through the command's response_url; when
 * Slack refuses that post (the URL used up or expired), the member still hears what happened, by
 * DM, and App Home still shows the change, rather than "Working on it…" for ever and a change they
 * may make again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest({ ackBudgetMs: 50, coreDelayMs: 200 });
});
afterEach(async () => {
  await s.close();
});

describe('a slow answer whose response_url Slack refuses', () => {
  it('comes by DM, and App Home is refreshed', async () => {
    const command = makeSlashCommand(s.fake, 'log 2h clinical Sepsis');
    // Slack takes five posts per response_url: these use it up.
    for (let i = 0; i < 5; i++) await fetch(command.response_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"earlier"}' });
    const ack = await postSlashCommand(s.url, SIGNING_SECRET, command);
    expect(textOf(ack.json)).toBe('Working on it…');
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('Logged #1');
    await s.fake.waitForCall('views.publish');
    expect(s.activityCount()).toBe(1);
  });
});
