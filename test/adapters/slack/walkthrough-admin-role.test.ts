/**
 * A workspace admin whose role Slack does not report in time (users.info rate limited, or slow, on
 * their first command) is not told that admin commands are not for them: they hear that Slack did
 * not say, and to try again, and nothing runs. Once Slack answers, the same command works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppMentionEvent, makeSlashCommand, postEvent, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

/** Sam Lee, a Slack workspace admin (fake-slack-users.ts). */
const SAM = { user_id: 'U0002', user_name: 'sam.lee' };

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const slash = async (text: string, who: Record<string, string> = SAM) => textOf((await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text, who))).json);

describe("an admin whose role Slack did not report", () => {
  it('is told Slack did not say, not that the command is for admins, and `team` works once Slack answers', async () => {
    s.fake.failNext('users.info', { status: 429, retryAfter: 1 });
    const first = await slash('team');
    expect(first).not.toContain('is for admins');
    expect(first).toContain('Slack did not say');
    expect(first).toContain('try again');
    // Slack's Retry-After has passed: the directory asks again and learns the role.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await slash('team')).toContain('Team:');
  });

  it('answers a mention the same way, privately', async () => {
    s.fake.failNext('users.info', { status: 429, retryAfter: 1 });
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('team', { event: { user: SAM.user_id } }));
    const answer = await s.fake.waitForCall('chat.postEphemeral');
    expect(answer.body).toMatchObject({ user: SAM.user_id });
    expect(textOf(answer.body)).toContain('Slack did not say');
  });

  it('still tells a member Slack did report as no admin that `team` is for admins', async () => {
    expect(await slash('team', { user_id: 'U0001', user_name: 'alex.rivera' })).toContain('is for admins');
  });
});
