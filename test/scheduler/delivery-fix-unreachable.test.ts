/**
 * Only a failure that says the member cannot be reached by DM marks them unreachable and keeps the
 * reminder to show them: not a platform down through every retry, nor a message the platform
 * refuses. The real Slack and Discord notifiers against their fakes, the real drainer and outbox on
 * SQLite, and the real core answering the member and an admin.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordNotifier, type DiscordNotifier } from '../../src/adapters/discord/notifier.js';
import { createSlackNotifier } from '../../src/adapters/slack/notifier.js';
import { createBot, renderText, type Actor, type Member, type Notifier } from '../../src/core/index.js';
import { MAX_ATTEMPTS } from '../../src/scheduler/retry-policy.js';
import type { Scheduler } from '../../src/scheduler/index.js';
import { FAKE_DISCORD_IDS } from '../fakes/discord-ids.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { FAKE_TEAM_ID } from '../fakes/fake-slack-team.js';
import { drainToTheEnd, makePlanned, makeTestOutbox, makeTestScheduler, type TestOutbox } from './make-outbox.js';

const FAST: Notifier['limits'] = { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } };

let t: TestOutbox;
let scheduler: Scheduler;

function schedule(notifier: Notifier): void {
  scheduler = makeTestScheduler(t, [notifier]);
}

/** What the real core answers `actor` (private, plain text). */
async function ask(actor: Pick<Actor, 'platform' | 'tenantId' | 'userId'> & Partial<Actor>, text: string): Promise<string> {
  const bot = createBot({ store: t.store, clock: t.clock });
  const reply = await bot.handle({ actor: { isAdmin: false, ...actor }, conversation: { id: 'D1', isDirect: true }, input: { kind: 'text', text } });
  return renderText(reply);
}

const unreachableSince = (member: Member) => t.database.sqlite.prepare('select unreachable_since from members where id = ?').pluck().get(member.memberId);

describe('a DM to Slack given up', () => {
  let fake: FakeSlack;
  let alice: Member;
  const aliceActor = { platform: 'slack' as const, tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' };
  beforeEach(async () => {
    fake = await startFakeSlack();
    t = makeTestOutbox(); // Tuesday 15:00 UTC
    schedule(createSlackNotifier({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger: t.logger, limits: FAST }));
    alice = t.member(aliceActor);
  });
  afterEach(async () => {
    await scheduler.stop();
    await fake.close();
    t.cleanup();
  });

  it(`after ${MAX_ATTEMPTS} transient failures (an outage) leaves the member reachable, and the next sweep plans the reminder again`, async () => {
    t.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, t.clock.now().toISOString());
    expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 }); // the 120-day reminder
    for (let n = 0; n < MAX_ATTEMPTS; n += 1) fake.failNext('chat.postMessage', { error: 'internal_error' });
    await drainToTheEnd(t, scheduler);
    expect(t.outbox.countOutbox()).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0 });
    expect(unreachableSince(alice)).toBeNull();
    expect(await ask({ ...aliceActor, userId: 'U0DANA', isAdmin: true }, 'team')).not.toContain('unreachable');
    expect(await ask(aliceActor, 'help')).not.toContain('could not reach you');
    // Slack is back: the reminder is planned afresh and goes out, once.
    expect(await scheduler.sweep()).toMatchObject({ enqueued: 1 });
    expect(await scheduler.drain()).toMatchObject({ sent: 1 });
    expect(t.outbox.countOutbox()).toMatchObject({ sent: 1, pending: 0 });
  });

  it('for its content (invalid_blocks) leaves the member reachable, with no missed-reminder note', async () => {
    fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    t.enqueue(makePlanned(alice, 'nudge:1'));
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(unreachableSince(alice)).toBeNull();
    expect(t.store.takeUndelivered(alice, t.clock.now().toISOString())).toEqual([]);
  });

  it.each(['cannot_dm_bot', 'user_not_found'])('because Slack says %s marks the member unreachable and shows them only that reminder', async (error) => {
    // An outage took one reminder back earlier; the member's DMs are not why.
    for (let n = 0; n < MAX_ATTEMPTS; n += 1) fake.failNext('chat.postMessage', { error: 'internal_error' });
    t.enqueue(makePlanned(alice, 'nudge:outage', { text: 'sent during the outage' }));
    await drainToTheEnd(t, scheduler);
    fake.failNext('chat.postMessage', { error });
    t.enqueue(makePlanned(alice, 'nudge:closed', { text: 'sent to closed DMs' }));
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });

    expect(unreachableSince(alice)).toBe(t.clock.now().toISOString());
    expect(await ask({ ...aliceActor, userId: 'U0DANA', isAdmin: true }, 'team')).toContain('unreachable by DM');
    const next = await ask(aliceActor, 'help');
    expect(next).toContain('I could not reach you by DM, so here is the reminder I tried to send.');
    expect(next).toContain('sent to closed DMs');
    expect(next).not.toContain('sent during the outage');
  });
});

describe('a DM to Discord given up', () => {
  let fake: FakeDiscord;
  let notifier: DiscordNotifier;
  let dana: Member;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    t = makeTestOutbox();
    notifier = createDiscordNotifier({ token: fake.token, apiUrl: fake.apiUrl, logger: t.logger, limits: FAST });
    schedule(notifier);
    dana = t.member({ platform: 'discord', tenantId: FAKE_DISCORD_IDS.guild, userId: FAKE_DISCORD_IDS.user });
  });
  afterEach(async () => {
    await scheduler.stop();
    notifier.close();
    await fake.close();
    t.cleanup();
  });

  it('for a message Discord refuses (50035) leaves the member reachable, with no missed-reminder note', async () => {
    fake.failNext('POST /channels/:channelId/messages', { status: 400, code: 50035, message: 'Invalid Form Body' });
    t.enqueue(makePlanned(dana, 'nudge:1'));
    expect(await scheduler.drain()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(unreachableSince(dana)).toBeNull();
    expect(t.store.takeUndelivered(dana, t.clock.now().toISOString())).toEqual([]);
  });
});
