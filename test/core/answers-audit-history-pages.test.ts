/**
 * A history page must reach Discord whole: its 6,000 characters in all (4,096 a description) are
 * easily passed by ten entries with long titles, each with what it counted toward five credentials,
 * and a cut page silently loses activities from the middle.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render-reply.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render-reply.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  for (const c of ['CMA expires 2027-02-28', 'RMA certified 2024-05-01', 'NCMA certified 2026-03-01', 'CCMA expires 2027-12-31', 'CPT expires 2027-12-31']) await t.say(`credential add ${c}`);
  // Courses from before every cycle (a member catching up on old records): each says why, for each credential.
  for (let i = 1; i <= 23; i++) {
    await t.say(`log 2h clinical "Course ${i}: ${'Infection control and sterile technique '.repeat(4).trim()}" from "Regional Medical Education Consortium" on 2019-03-${String(i).padStart(2, '0')}`);
  }
});
afterEach(() => t.close());

const ids = (text: string): number[] => [...text.matchAll(/#(\d+) 2019/g)].map((m) => Number(m[1]));

it('fits every history page within Discord and Slack limits, whole, and shows each activity exactly once', async () => {
  const first = await t.say('history');
  const pages = Number(/of (\d+)\)/.exec((first.blocks[0] as { text: string }).text)![1]);
  const seen: number[] = [];
  for (let page = 1; page <= pages; page++) {
    const reply = await t.say(`history page ${page}`);
    const discord = renderDiscord(reply);
    const total = discord.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    const description = discord.embeds.map((e) => e.description ?? '').join('\n');
    expect(description).not.toContain('…');
    const onPage = ids(description);
    // Every entry keeps all of its lines: one per credential.
    for (const id of onPage) expect(description.match(new RegExp(`#${id} 2019[^\\n]*(\\n  [^\\n]+){5}`))).not.toBeNull();
    if (page < pages) expect(description).toMatch(new RegExp(`More: \`history page ${page + 1}\`$`));
    const slack = renderSlack(reply);
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    for (const block of slack.blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    seen.push(...onPage);
  }
  expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
});

it('still shows ten short entries a page', async () => {
  const short = makeBot('2026-11-24T12:00:00Z');
  try {
    await short.say('credential add CMA expires 2027-02-28');
    for (let i = 1; i <= 11; i++) await short.say(`log 1h clinical on 2026-10-${String(i).padStart(2, '0')}`);
    expect(await short.text('history')).toContain('Activities (page 1 of 2)');
    expect((await short.text('history page 2')).match(/#\d+ /g)).toHaveLength(1);
  } finally {
    short.close();
  }
});
