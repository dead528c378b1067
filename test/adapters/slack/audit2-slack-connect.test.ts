/**
 * A Slack Connect channel or DM brings people of another organisation to the bot. They are not
 * members of this workspace: nothing of theirs is kept here, and above all a workspace admin
 * there is no admin here (`team` lists this workspace's members and what each still needs).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTERNAL_USER_ID, fromConnectedOrg } from '../../fakes/slack-connect.js';
import { makeAppMentionEvent, makeDirectMessageEvent, makeSlashCommand, postEvent, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  // Slack answers users.info for them too, with their role in their own organisation.
  s.fake.addUser({ id: EXTERNAL_USER_ID, name: 'pat.ext', real_name: 'Pat External', is_admin: true });
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
  await s.fake.waitForCall('views.publish');
});
afterEach(async () => {
  await s.close();
});

const members = () => s.database.sqlite.prepare('SELECT user_id AS userId FROM members ORDER BY user_id').all();
const OUR_MEMBERS = [{ userId: 'U0001' }];

describe('people of another organisation in a Slack Connect conversation', () => {
  it('get a private note instead of this workspace’s `team` listing, and are not made members; its own members there are served', async () => {
    await postEvent(s.url, SIGNING_SECRET, fromConnectedOrg(makeAppMentionEvent('team')));
    const answer = await s.fake.waitForCall('chat.postEphemeral');
    expect(answer.body).toMatchObject({ channel: 'C0001', user: EXTERNAL_USER_ID });
    expect(textOf(answer.body)).toContain('only for members of this workspace');
    expect(textOf(answer.body)).not.toContain('U0001');
    expect(members()).toEqual(OUR_MEMBERS);
    // This workspace's own members in the same shared channel are served as ever.
    const ours = fromConnectedOrg(makeAppMentionEvent('status'), 'U0001');
    const since = s.fake.mark();
    await postEvent(s.url, SIGNING_SECRET, { ...ours, event: { ...ours.event, team: 'T0001', user_team: 'T0001', source_team: 'T0001' } });
    expect(textOf((await s.fake.waitForCallSince(since, 'chat.postEphemeral')).body)).toContain('CMA (AAMA): in progress');
  });

  it('log nothing here by DM', async () => {
    await postEvent(s.url, SIGNING_SECRET, fromConnectedOrg(makeDirectMessageEvent('log 2h clinical Sepsis', { event: { channel: 'D0EXT' } })));
    const answer = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(answer.body)).toContain('only for members of this workspace');
    expect(s.activityCount()).toBe(0);
    expect(members()).toEqual(OUR_MEMBERS);
  });
});
