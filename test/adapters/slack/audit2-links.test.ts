/**
 * Slack turns what a member types into links before the app sees it: `Relias.com` arrives as
 * `<http://Relias.com|Relias.com>` and an e-mail address as `<mailto:…|…>`, in DMs and mentions
 * and in `/ceu` (the manifest asks for escaped text, for mentions). A provider or title is stored
 * as typed, not as Slack's link markup; mentions of members and channels still name them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppMentionEvent, makeDirectMessageEvent, makeSlashCommand, postEvent, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const stored = () => s.database.sqlite.prepare('SELECT title, provider FROM activities WHERE deleted_at IS NULL ORDER BY id').all();

describe('links Slack made of what a member typed', () => {
  it('stores a provider typed as a web address as typed, in /ceu', async () => {
    // Typed: /ceu log 2h clinical Sepsis from CEUfast.com
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical Sepsis from <http://CEUfast.com|CEUfast.com>'));
    expect(textOf(reply.json)).toContain('Logged #1 2026-11-24 2 hours clinical “Sepsis” from CEUfast.com.');
    expect(stored()).toEqual([{ title: 'Sepsis', provider: 'CEUfast.com' }]);
    // A mention of a member or a channel is not a link: it still names them.
    const admin = { user_id: 'U0002', user_name: 'sam.lee' };
    expect(textOf((await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'admin add <@U0001|alex.rivera>', admin))).json)).toContain('Alex is now an admin');
    const digest = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'digest channel <#C0001|ceu-tracking>', admin));
    expect(textOf(digest.json)).toContain('in <#C0001>');
  });

  it('stores a full address and an e-mail address as typed, in a DM and a mention', async () => {
    // Typed: log 1h general "Ethics" from https://www.netce.com/ethics?a=1&b=2
    await postEvent(s.url, SIGNING_SECRET, makeDirectMessageEvent('log 1h general "Ethics" from <https://www.netce.com/ethics?a=1&amp;b=2>'));
    await s.fake.waitForCall('chat.postMessage');
    // Typed: @ceu-bot log 1h general Coding from jo@relias.com
    await postEvent(s.url, SIGNING_SECRET, makeAppMentionEvent('log 1h general Coding from <mailto:jo@relias.com|jo@relias.com>'));
    const answer = await s.fake.waitForCall('chat.postEphemeral');
    expect(textOf(answer.body)).toContain('from jo@relias.com.');
    expect(stored()).toEqual([
      { title: 'Ethics', provider: 'https://www.netce.com/ethics?a=1&b=2' },
      { title: 'Coding', provider: 'jo@relias.com' },
    ]);
  });
});
