/**
 * The bot's Home tab the first time a new member opens it, with no credentials yet: it shows
 * commands to type (`credential add CMA expires …`), and a Home tab has nowhere to type them, so it
 * says where they go, and where its buttons answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAppHomeOpenedEvent, postEvent } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

describe('App Home opened by a new member', () => {
  it('says where the commands it shows are typed', async () => {
    await postEvent(s.url, SIGNING_SECRET, makeAppHomeOpenedEvent('U0001'));
    const shown = JSON.stringify((await s.fake.waitForCall('views.publish')).body.view);
    expect(shown).toContain('You have no credentials yet');
    expect(shown).toContain('credential add CMA expires 2027-02-28');
    expect(shown).toContain('after `/ceu`');
    expect(shown).toContain('Messages tab');
  });
});
