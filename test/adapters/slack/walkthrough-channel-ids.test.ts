/**
 * Channel ids as Slack hands them out: public channels and newer private ones start with C, a
 * private channel made before Slack unified its ids starts with G. Either, named by the bot
 * (`digest channel`), shows as the channel's name, never as a raw `<#G…>`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from './slack-under-test.js';

/** Sam Lee, a Slack workspace admin (fake-slack-users.ts). */
const SAM = { user_id: 'U0002', user_name: 'sam.lee' };

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

describe('a digest set in an older private channel (id G…)', () => {
  it('names the channel as a mention Slack shows by name', async () => {
    const set = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'digest channel <#G0PRIV|back-office>', SAM));
    const shown = JSON.stringify(set.json);
    expect(shown).toContain('in <#G0PRIV>');
    expect(shown).not.toContain('&lt;#G0PRIV&gt;');
  });
});
