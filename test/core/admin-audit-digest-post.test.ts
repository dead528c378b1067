/**
 * The weekly digest as the team sees it in the channel, built by the real bot from a team in every
 * state: what it names, what it only counts, and that the counts add up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildDigest, renderText, type DigestSchedule } from '../../src/core/index.js';
import { createSqliteStore } from '../../src/storage/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
afterEach(() => t.close());
const admin = { userId: 'dana', isAdmin: true };
const schedule: DigestSchedule = { channelId: 'team', weekday: 7, time: '09:00', tz: 'UTC' };

/** The post the sweep would put in the channel now, from the team as stored. */
function channelPost(nowAt: string): string {
  const workspaceId = t.database.sqlite.prepare("select id from workspaces where platform = 'console'").pluck().get() as number;
  const team = createSqliteStore(t.database).loadTeam(workspaceId);
  return renderText(buildDigest({ workspaceId, platform: 'console', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team, overrides: {}, now: new Date(nowAt) }).reply);
}

describe('the digest of a team in every state', () => {
  const nowAt = '2026-11-29T09:00:00Z';
  async function buildTeam() {
    t = makeBot(nowAt);
    const as = (userId: string, ...lines: string[]) => lines.reduce((done, line) => done.then(() => t.say(line, { userId })), Promise.resolve(undefined as unknown));
    await as('alice', 'credential add CMA expires 2027-01-31', 'log 30 points general aama on 2024-01-01'); // in progress, 63 days
    await as('bob', 'credential add RMA expires 2026-12-31', 'settings named off'); // 32 days, not named
    await as('carol', 'credential add NCMA expires 2027-10-31', 'log 14h general on 2026-11-01'); // complete: on track
    await as('erin', 'credential add CMA expires 2029-02-28', 'log 1 points general aama on 2025-01-01'); // behind pace
    await as('frank', 'credential add CMA expires 2026-10-31', 'log 20 points administrative aama on 2023-01-10'); // grace
    await as('gina', 'credential add RMA expires 2026-08-31'); // expired 90 days ago: still named
    await as('hank', 'credential add CMA expires 2026-05-31'); // exam required, lapsed long ago
    await as('ivy', 'credential add BLS expires 2026-11-30'); // card: tomorrow
    await as('jack', 'credential add CMA expires 2028-06-30', 'pause until 2027-01-15'); // behind pace, paused
    await as('kim', 'credential add NCMA expires 2027-02-28', 'settings nudges off'); // behind pace, reminders off
    await as('lee', 'credential add CCMA expires 2027-01-31', 'settings named off'); // not named
    await as('max', 'status'); // no credentials: neither named nor counted
    await as('nina', 'credential add CMA expires 2026-11-30', 'log 60 points general aama on 2024-01-01'); // tomorrow, short of categories
    await as('pat', 'credential add RMA expires 2026-01-31', 'settings named off'); // lapsed long ago and not named
    await as('quinn', 'credential add NCMA expires 2027-10-31', 'log 14h general on 2026-11-01'); // on track, unreachable
    t.database.sqlite.prepare("update members set unreachable_since = '2026-11-20T10:00:00.000Z' where user_id in ('quinn', 'max')").run();
  }

  it('names who expires within 90 days or is behind pace, soonest first, counts the rest, and the counts add up', async () => {
    await buildTeam();
    const post = channelPost(nowAt);
    const named = post.split('\n').filter((line) => line.startsWith('  - @'));
    expect(named).toEqual([
      '  - @gina: RMA expired on 31 Aug 2026',
      '  - @frank: CMA expired on 31 Oct 2026; CE accepted until 29 Jan 2027', // 61 days: dated past a month
      '  - @ivy: BLS card expires tomorrow',
      '  - @nina: CMA expires tomorrow',
      '  - @alice: CMA expires in 63 days',
      '  - @kim: NCMA behind pace (expires in 91 days)',
      '  - @jack: CMA behind pace (expires in 579 days)',
      '  - @erin: CMA behind pace (expires in 822 days)',
    ]);
    expect(post).toContain('…and 2 more members who asked not to be named.');
    expect(post).toContain('2 members have credentials that lapsed more than 90 days ago');
    expect(post).toContain('2 members are on track.');
    // 8 named + 2 not named + 2 lapsed long ago + 2 on track: everyone holding a credential, once.
    const withCredentials = t.database.sqlite.prepare('select count(distinct member_id) from credentials').pluck().get();
    expect(8 + 2 + 2 + 2).toBe(withCredentials);
    for (const hidden of ['bob', 'lee', 'pat']) expect(post).not.toContain(hidden);
    // The preview an admin sees is that post.
    expect(await t.text('digest preview', admin)).toContain(named.join('\n'));
  });
});

describe('members who asked not to be named, alone', () => {
  it('are counted without an "…and" that follows nobody', async () => {
    t = makeBot('2026-11-24T12:00:00Z');
    await t.say('credential add RMA expires 2026-12-31', { userId: 'bob' });
    await t.say('settings named off', { userId: 'bob' });
    const post = channelPost('2026-11-24T12:00:00Z');
    expect(post).toContain('1 member who asked not to be named.');
    expect(post).not.toContain('…and');
    expect(post).not.toContain('bob');
  });
});
