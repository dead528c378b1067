import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { createSchedulerStore } from '../../src/storage/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
const admin = { userId: 'dana', isAdmin: true };
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('credential add CMA expires 2027-01-31', { userId: 'alice' });
  await t.say('log 30 points general aama on 2024-01-01', { userId: 'alice' });
  await t.say('credential add RMA expires 2026-12-31', { userId: 'bob' });
  await t.say('settings named off', { userId: 'bob' });
  await t.say('credential add NCMA expires 2027-10-31', { userId: 'carol' });
  await t.say('log 14h general on 2026-11-01', { userId: 'carol' });
});
afterEach(() => t.close());

describe('admin-only commands', () => {
  it('refuses team and digest to members, changing nothing', async () => {
    const before = t.snapshot();
    for (const text of ['team', 'digest channel #team', 'digest off', 'digest preview', 'settings ladder 30 7']) {
      const reply = await t.say(text, { userId: 'alice' });
      expect(reply.tone, text).toBe('error');
      expect(problemCodes(reply), text).toEqual(['admin-only']);
    }
    expect(t.snapshot()).toBe(before);
  });
});

describe('team', () => {
  it('shows an admin every member, credential, state, days left and what each still needs, most urgent first', async () => {
    const text = await t.text('team', admin);
    expect(text).toContain('Team: 4 members');
    const lines = text.split('\n');
    const bob = lines.findIndex((l) => l.includes('@bob'));
    const alice = lines.findIndex((l) => l.includes('@alice'));
    expect(bob).toBeLessThan(alice);
    expect(lines[bob]).toContain('not named in the digest');
    expect(text).toContain('RMA: in progress, expires 2026-12-31 (37 days left); needs 30 more points');
    expect(text).toContain('CMA: in progress, expires 2027-01-31 (68 days left); needs');
    expect(text).toContain('NCMA: complete, expires 2027-10-31');
    expect(text).toContain('@dana: no credentials added');
  });
});

describe('team pages', () => {
  it('shows 20 members a page, most urgent first, says where the rest are, and reads the page as text or a typed option', async () => {
    for (let i = 0; i < 41; i++) await t.say(`credential add NCMA expires 2027-${String((i % 12) + 1).padStart(2, '0')}-28`, { userId: `m${String(i).padStart(2, '0')}` });
    const first = await t.text('team', admin);
    expect(first).toContain('Team: 45 members (page 1 of 3)');
    expect(first).toContain('More: `team page 2`');
    expect(first.match(/^ {2}- @/gm)).toHaveLength(20);
    const last = await t.text('team page 3', admin);
    expect(last.match(/^ {2}- @/gm)).toHaveLength(5);
    expect(last).not.toContain('More:');
    expect(last).toContain('@dana: no credentials added');
    expect(renderText(await t.structured('team', { page: 9 }, admin))).toContain('There are 3 pages, so no page 9: `team page 3` shows the last.');
    expect(problemCodes(await t.say('team page two', admin))).toEqual(['invalid-page']);
  });
});

describe('digest', () => {
  it('sets the channel and weekly time in the admin’s zone, shows it, previews it and turns it off', async () => {
    await t.say('settings tz America/Chicago', admin);
    const set = await t.text('digest channel #front-desk weekly friday 16:30', admin);
    expect(set).toContain('Weekly digest set: every Friday at 16:30 (America/Chicago) in #front-desk');
    expect(await t.text('digest', admin)).toContain('every Friday at 16:30');
    // Moving to another channel keeps the day, time and zone already set, whoever moves it.
    await t.say('settings tz Europe/London', admin);
    expect(await t.text('digest channel #team', admin)).toContain('Weekly digest set: every Friday at 16:30 (America/Chicago) in #team');
    const preview = await t.text('digest preview', admin);
    expect(preview).toContain('@alice: CMA expires in 68 days');
    expect(preview).toContain('…and 1 more member who asked not to be named.');
    expect(preview).toContain('1 member is on track.');
    expect(preview).not.toContain('bob');
    await t.say('digest off', admin);
    expect(await t.text('digest', admin)).toContain('No weekly digest is set');
  });

  it('tells the admin how the last post went, and how to fix a channel the bot cannot post in', async () => {
    const slackAdmin = { ...admin, platform: 'slack' as const };
    await t.say('digest channel <#C0TEAM|team>', slackAdmin);
    expect(await t.text('digest', slackAdmin)).not.toContain('Last post');
    const scheduler = createSchedulerStore(t.database);
    // Setting it queued a note confirming the digest in the channel: delivered first.
    scheduler.markSent(scheduler.claimDue('2026-11-24T12:00:00.000Z', 1)[0]!.id, '2026-11-24T12:00:01.000Z');
    expect(await t.text('digest', slackAdmin)).toContain('Last post: 2026-11-24 (the note confirming the digest), delivered.');
    const workspaceId = t.database.sqlite.prepare("select id from workspaces where platform = 'slack'").pluck().get() as number;
    const post = (key: string) => ({ key, workspaceId, memberId: null, kind: 'digest' as const, target: { kind: 'channel' as const, channelId: 'C0TEAM' }, reply: { visibility: 'public' as const, tone: 'info' as const, blocks: [] } });
    scheduler.enqueue([post('digest:2026-11-30')], '2026-11-30T15:00:00.000Z');
    scheduler.markSent(scheduler.claimDue('2026-11-30T15:00:00.000Z', 1)[0]!.id, '2026-11-30T15:00:01.000Z');
    expect(await t.text('digest', slackAdmin)).toContain('Last post: 2026-11-30, delivered.');
    scheduler.enqueue([post('digest:2026-12-07')], '2026-12-07T15:00:00.000Z');
    scheduler.markFailed(scheduler.claimDue('2026-12-07T15:00:00.000Z', 1)[0]!.id, 'not_in_channel', '2026-12-07T15:00:01.000Z');
    expect(await t.text('digest', slackAdmin)).toContain('Last post: 2026-12-07, could not be delivered (not_in_channel). To fix it, invite me to the channel');
  });

  it('defaults to Monday 09:00 and refuses a bad channel, day or time with what to type', async () => {
    expect(await t.text('digest channel #team', admin)).toContain('every Monday at 09:00 (UTC) in #team');
    const bad = await t.say('digest channel #team weekly funday 25:00', admin);
    expect(problemCodes(bad)).toEqual(['invalid-day', 'invalid-time']);
    const slack = await t.say('digest channel general', { ...admin, platform: 'slack' });
    expect(problemCodes(slack)).toEqual(['invalid-channel']);
    // "#general" typed rather than picked reaches the bot as plain text: the example would look the same.
    const typed = await t.say('digest channel #general', { ...admin, platform: 'slack' });
    expect(problemCodes(typed)).toEqual(['invalid-channel']);
    expect(renderText(typed)).toContain('came as plain text, not as a link to a channel: type # and pick the channel from the list Slack offers');
    const ok = await t.text('digest channel <#C0TEAM|team>', { ...admin, platform: 'slack' });
    expect(ok).toContain('in <#C0TEAM>');
    expect(ok).toContain('A private channel needs me invited first');
  });
});

describe('settings for reminders', () => {
  it('lets an admin set the workspace ladder, validates it and restores the default', async () => {
    expect(await t.text('settings ladder 7, 30, 90', admin)).toContain('90, 30, 7 days before each submit-by date');
    expect(await t.text('settings', { userId: 'alice' })).toContain('90, 30, 7 before each submit-by date');
    expect(problemCodes(await t.say('settings ladder 30 0', admin))).toEqual(['invalid-ladder']);
    expect(problemCodes(await t.say('settings ladder 30 soon', admin))).toEqual(['invalid-ladder']);
    expect(await t.text('settings ladder default', admin)).toContain('120, 90, 60, 30, 14, 7, 1 days');
  });

  it('lets a member choose not to be named in the digest', async () => {
    expect(await t.text('settings named off', { userId: 'alice' })).toContain('Named in the team digest: no');
    expect(await t.text('settings named on', { userId: 'alice' })).toContain('Named in the team digest: yes');
  });
});

describe('snooze and renew', () => {
  it('snoozes one credential for a week or a given number of days, and wakes it', async () => {
    expect(await t.text('snooze CMA', { userId: 'alice' })).toContain('snoozed until 2026-12-01');
    expect(await t.text('snooze cma for 2 weeks', { userId: 'alice' })).toContain('snoozed until 2026-12-08');
    expect(await t.text('snooze CMA off', { userId: 'alice' })).toContain('back on');
    expect(problemCodes(await t.say('snooze RMA', { userId: 'alice' }))).toEqual(['credential-not-held']);
    expect(problemCodes(await t.say('snooze CMA 500', { userId: 'alice' }))).toEqual(['invalid-days']);
    expect(problemCodes(await t.say('snooze XYZ', { userId: 'alice' }))).toEqual(['unknown-credential']);
  });

  it('renews a credential near the end of its cycle into the next one', async () => {
    const reply = await t.say('credential renew CMA', { userId: 'alice' });
    // A CMA is current for 60 months from the end of the month it is renewed in (RULES.md): renewed in November 2026.
    expect(renderText(reply)).toContain('the new cycle runs 2026-12-01 to 2031-11-30');
    // Believed, but the gap the old cycle still showed is named, with the way back.
    expect(renderText(reply)).toContain('The old cycle still showed 10 administrative, 10 clinical and 10 more points to go here; if you have not renewed after all, `credential add CMA expires 2027-01-31` puts it back.');
    await t.say('credential add RMA expires 2029-04-30', { userId: 'erin' });
    expect(problemCodes(await t.say('credential renew RMA', { userId: 'erin' }))).toEqual(['renew-too-early']);
    expect(problemCodes(await t.say('credential renew BLS', { userId: 'erin' }))).toEqual(['credential-not-held']);
  });
});
