import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command.js';
import { evaluateMember, isBehindPace } from '../nudges/member-standing.js';
import { DIGEST_HORIZON_DAYS, mention } from '../nudges/plan-digest.js';
import type { TeamMember } from '../ports.js';
import { reply, type Block } from '../reply.js';
import type { Evaluation } from '../rules/types.js';
import { daysPhrase, gapPhrases, STATE_LABELS } from '../views/describe.js';

export const teamCommand = defineCommand({
  name: 'team',
  adminOnly: true,
  summary: 'Admins: every member, credential, state, days left and what each still needs (private).',
  usage: 'team',
  examples: ['team'],
  options: [],
  parseText: (tokens) => (tokens.length ? { unexpected: tokens.map((t) => t.text).join(' ') } : {}),
  schema: () => z.object({ unexpected: z.string().optional().refine((v) => v === undefined, { message: '`team` takes nothing after it.', params: { code: 'unexpected-words' } }) }),
  run(ctx) {
    const team = ctx.store.loadTeam(ctx.member.workspaceId);
    const rows = team.map((member) => ({ member, evaluations: evaluateMember(member, ctx.today, ctx.overrides).map((s) => s.evaluation) }));
    // Most urgent first: the fewest days left on any credential; members without credentials last.
    const urgency = (evaluations: Evaluation[]) => (evaluations.length ? Math.min(...evaluations.map((e) => (e.state === 'complete' ? 10_000 + e.daysLeft : e.daysLeft))) : Infinity);
    rows.sort((a, b) => urgency(a.evaluations) - urgency(b.evaluations));
    const tracked = rows.filter((r) => r.evaluations.length > 0);
    const unreachable = team.filter((m) => m.unreachableSince).length;
    const blocks: Block[] = [
      { kind: 'heading', text: `Team: ${team.length} ${team.length === 1 ? 'member' : 'members'}` },
      { kind: 'paragraph', text: `${tracked.length} track credentials here${unreachable ? `; ${unreachable} cannot be reached by DM` : ''}. Only you see this.` },
      { kind: 'list', items: rows.map(({ member, evaluations }) => memberLine(ctx, member, evaluations)) },
    ];
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
  const days = e.state === 'grace' ? `CE accepted ${daysPhrase(e.daysLeft)}` : `expires ${e.cycle.end} (${daysPhrase(e.daysLeft)})`;
  // In the last 90 days everyone unfinished is "behind"; the days left say it better.
  const pace = e.daysLeft > DIGEST_HORIZON_DAYS && isBehindPace(e) ? ', behind pace' : '';
  const needs = e.unit === 'card' || e.remaining <= 0 ? '' : `; needs ${gapPhrases(e).join(', ')}`;
  return `${e.code}: ${STATE_LABELS[e.state]}${pace}, ${days}${needs}`;
}
