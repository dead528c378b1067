/**
 * A large team on Discord, whose messages are the tightest (6,000 characters across a message's
 * embeds): every `team` page and the digest post must arrive whole, nobody cut out of the middle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply, type DiscordMessage } from '../../src/adapters/discord/render-reply.js';
import { buildDigest, renderText, type Actor } from '../../src/core/index.js';
import { createSqliteStore } from '../../src/storage/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

const MEMBERS = 45;
const DISCORD_MAX_CHARS = 6000;
let t: TestBot;
const member = (i: number): Partial<Actor> => ({ platform: 'discord', tenantId: '900000000000000001', userId: String(300000000000000000n + BigInt(i)), displayName: `Member number ${i} with a long name` });
const admin: Partial<Actor> = { ...member(999), isAdmin: true };

beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  // Each holds four credentials (an MA who also draws blood), with the longest lines `team` and the
  // digest write: a CMA in grace, an RMA and a CPT due soon, and a card.
  for (let i = 0; i < MEMBERS; i++) {
    await t.say('credential add CMA expires 2026-10-31', member(i));
    await t.say('log 20 points administrative aama on 2023-01-10', member(i));
    await t.say('credential add RMA expires 2027-01-31', member(i));
    await t.say('credential add CPT expires 2027-01-31', member(i));
    await t.say('credential add BLS expires 2027-01-31', member(i));
  }
}, 60_000);
afterEach(() => t.close());

const characters = (message: DiscordMessage) => message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
const mentions = (message: DiscordMessage) => message.embeds.flatMap((e) => e.description?.match(/<@\d+>/g) ?? []);

describe('team on Discord', () => {
  it('splits a large team into pages that each fit one Discord message, every member on exactly one page', async () => {
    const seen: string[] = [];
    let pages = 0;
    for (let page = 1; page <= MEMBERS; page++) {
      const reply = await t.say(`team page ${page}`, admin);
      if (reply.tone === 'error') {
        expect(problemCodes(reply)).toEqual(['no-such-page']);
        break;
      }
      pages = page;
      const message = renderReply(reply);
      expect(characters(message), `page ${page}`).toBeLessThanOrEqual(DISCORD_MAX_CHARS);
      // Rendered whole: Discord's renderer cuts an oversized message with an ellipsis.
      expect(JSON.stringify(message), `page ${page}`).not.toContain('…');
      seen.push(...mentions(message));
    }
    expect(await t.text('team', admin)).toContain(`(page 1 of ${pages})`);
    expect(new Set(seen).size).toBe(MEMBERS + 1);
    expect(seen).toHaveLength(MEMBERS + 1);
  });
});

describe('the digest post on Discord', () => {
  it('fits one Discord message, naming the soonest and counting every other member in "…and N more"', async () => {
    const workspaceId = t.database.sqlite.prepare("select id from workspaces where platform = 'discord'").pluck().get() as number;
    const team = createSqliteStore(t.database).loadTeam(workspaceId);
    const nowAt = '2026-11-24T12:00:00Z';
    const schedule = { channelId: '900000000000000002', weekday: 2, time: '12:00', tz: 'UTC' };
    const post = buildDigest({ workspaceId, platform: 'discord', schedule, slot: { key: 'digest:x', dueAt: nowAt }, team, overrides: {}, now: new Date(nowAt) });
    const message = renderReply(post.reply);
    expect(characters(message)).toBeLessThanOrEqual(DISCORD_MAX_CHARS);
    const named = mentions(message);
    const more = Number(/…and (\d+) more with later dates/.exec(renderText(post.reply))?.[1] ?? 0);
    expect(named.length + more).toBe(MEMBERS);
  });
});
