import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command.js';
import { evaluateMember, isBehindPace } from '../nudges/member-standing.js';
import { DIGEST_HORIZON_DAYS, mention } from '../nudges/plan-digest.js';
import type { TeamMember } from '../ports.js';
import { errorReply, reply, type Block } from '../reply.js';
import type { Evaluation } from '../rules/types.js';
import { daysPhrase, gapSummary, STATE_LABELS } from '../views/describe.js';
import { ceDeadlineOn, daysSinceExpiry, isLapsed } from '../views/lapse.js';
import { intoPages } from '../views/into-pages.js';
import { noSuchPage } from './no-such-page.js';

/**
 * Members a page, and characters a page's list: Discord takes 6,000 characters a message and cuts
 * the middle out of a longer one, so a page of members holding several credentials (or lapsed,
 * the longest lines) ends sooner. The rest leaves room for the heading and any reminders a closed
 * DM kept from the admin, which go with their next reply.
 */
const PAGE_SIZE = 20;
const PAGE_CHARS = 4000;

export const teamCommand = defineCommand({
  name: 'team',
  adminOnly: true,
  summary: 'Admins: every member, credential, state, days left and what each still needs (private).',
  usage: 'team [page <n>]',
  examples: ['team', 'team page 2'],
  options: [{ name: 'page', type: 'integer', description: `Page number (up to ${PAGE_SIZE} members a page, most urgent first)`, min: 1 }],
  parseText(tokens) {
    const words = tokens.map((t) => t.text);
    if (words[0]?.toLowerCase() === 'page') words.shift();
    return { ...(words[0] !== undefined ? { page: words.shift() } : {}), ...(words.length ? { unexpected: words.join(' ') } : {}) };
  },
  schema: () =>
    z.object({
      page: z
        .union([z.number(), z.string()])
        .transform((value, zctx) => {
          const page = typeof value === 'number' ? value : /^\d{1,4}$/.test(value) ? Number(value) : NaN;
          if (Number.isInteger(page) && page >= 1) return page;
          zctx.addIssue({ code: 'custom', message: 'The page is a whole number from 1, e.g. `team page 2`.', params: { code: 'invalid-page' } });
          return z.NEVER;
        })
        .optional(),
      unexpected: z.string().optional().refine((v) => v === undefined, { message: '`team` takes only a page, e.g. `team page 2`.', params: { code: 'unexpected-words' } }),
    }),
  run(ctx, options) {
    const team = ctx.store.loadTeam(ctx.member.workspaceId);
    const rows = team.map((member) => ({ member, evaluations: evaluateMember(member, ctx.today, ctx.overrides).map((s) => s.evaluation) }));
    rows.sort((a, b) => compareRanks(memberRank(a.evaluations), memberRank(b.evaluations)));
    const tracked = rows.filter((r) => r.evaluations.length > 0);
    const unreachable = team.filter((m) => m.unreachableSince).length;
    const pageLines = intoPages(rows.map(({ member, evaluations }) => memberLine(ctx, member, evaluations)), PAGE_SIZE, PAGE_CHARS);
    const pages = pageLines.length;
    if ((options.page ?? 1) > pages) return errorReply([noSuchPage(options.page!, pages, 'team')], 'team [page <n>]');
    const page = options.page ?? 1;
    const blocks: Block[] = [
      { kind: 'heading', text: `Team: ${team.length} ${team.length === 1 ? 'member' : 'members'}${pages > 1 ? ` (page ${page} of ${pages})` : ''}` },
      { kind: 'paragraph', text: `${tracked.length} ${tracked.length === 1 ? 'tracks' : 'track'} credentials here${unreachable ? `; ${unreachable} cannot be reached by DM` : ''}. Only you see this.` },
      { kind: 'list', items: pageLines[page - 1]! },
    ];
    if (page < pages) blocks.push({ kind: 'paragraph', text: `More: \`team page ${page + 1}\`` });
    return reply(blocks);
  },
});

function memberLine(ctx: CommandContext, member: TeamMember, evaluations: Evaluation[]): string {
  const who = `${mention(ctx.actor.platform, member)}${member.displayName && ctx.actor.platform !== 'console' ? ` (${member.displayName})` : ''}`;
  const flags: string[] = [];
  if (member.unreachableSince) flags.push(`unreachable by DM since ${member.unreachableSince.slice(0, 10)}`);
  if (!member.nudges) flags.push('reminders off');
  if (member.pausedUntil && member.pausedUntil > ctx.today) flags.push(`paused until ${member.pausedUntil}`);
  if (!member.digestNamed) flags.push('not named in the digest');
  const head = `${who}${flags.length ? ` [${flags.join('; ')}]` : ''}`;
  if (evaluations.length === 0) return `${head}: no credentials added`;
  return `${head}:\n${evaluations.map((e) => `    ${credentialLine(e)}`).join('\n')}`;
}

function credentialLine(e: Evaluation): string {
  if (isLapsed(e)) return lapsedLine(e);
  // In the last 90 days everyone unfinished is "behind"; the days left say it better.
  const pace = e.daysLeft > DIGEST_HORIZON_DAYS && isBehindPace(e) ? ', behind pace' : '';
  const needs = e.unit === 'card' || e.remaining <= 0 ? '' : `; needs ${gapSummary(e)}`;
  return `${e.code}: ${STATE_LABELS[e.state]}${pace}, expires ${e.cycle.end} (${daysPhrase(e.daysLeft)})${needs}`;
}

/**
 * Days since expiry (`daysLeft` counts to the CE deadline instead), and only the route still open:
 * the CE gap while CE renews it, the exam once AAMA's CE route has closed, a body's own route else.
 */
function lapsedLine(e: Evaluation): string {
  const expired = `expired ${e.cycle.end} (${daysPhrase(-daysSinceExpiry(e))})`;
  if (e.unit === 'card') return `${e.code}: card ${expired}; needs a renewal course`;
  const head = `${e.code}: ${expired}, may not be used until renewed`;
  switch (e.state) {
    case 'grace':
      return `${head}; CE accepted until ${ceDeadlineOn(e)} (${daysPhrase(e.daysLeft)})${e.remaining > 0 ? `; needs ${gapSummary(e)}` : '; CE complete'}`;
    case 'exam-required':
      // CE complete in time: most likely renewed and not said so here, and the member is told how.
      if (e.remaining <= 0) return `${head}; CE was complete: renewal not recorded here, else exam required (CE route closed after ${ceDeadlineOn(e)})`;
      return `${head}; exam required (CE route closed after ${ceDeadlineOn(e)})`;
    default:
      // AMT and NHA: our sources describe no CE route after expiry (the packs mark it unverified).
      return `${head}; no CE route known (contact ${e.body} about reinstatement)`;
  }
}

/** Lower is more urgent: [tier, days]. */
type Rank = readonly [number, number];

/**
 * Most urgent first. A lapsed credential may not be used, so its member comes before anyone whose
 * credentials are valid: first those CE can still save, the nearest CE deadline first; then those
 * past it (the exam, or no route), the most recently lapsed first (older lapses are known by now).
 * Then the fewest days left on an unfinished credential or a card (it needs renewing however
 * complete); complete CE next; no credentials last.
 */
function credentialRank(e: Evaluation): Rank {
  if (e.state === 'grace') return [0, e.daysLeft];
  if (isLapsed(e)) return [1, daysSinceExpiry(e)];
  return [e.state === 'in-progress' || e.unit === 'card' ? 2 : 3, e.daysLeft];
}

function memberRank(evaluations: Evaluation[]): Rank {
  return evaluations.map(credentialRank).reduce((best, rank) => (compareRanks(rank, best) < 0 ? rank : best), [4, 0] as Rank);
}

const compareRanks = (a: Rank, b: Rank): number => a[0] - b[0] || a[1] - b[1];
