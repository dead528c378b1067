/** The shared shape of `status` and `need`: the JSON contract, the no-credentials hint, or blocks. */
import type { CommandContext } from '../command.js';
import { reply, type Block, type Reply } from '../reply.js';
import { standMember } from '../nudges/member-standing.js';
import type { Evaluation } from '../rules/types.js';
import { statusDocument } from './status-document.js';

export function standingReply(ctx: CommandContext, json: boolean | undefined, render: (evaluations: Evaluation[]) => Block[]): Reply {
  const evaluations = currentEvaluations(ctx);
  if (json) {
    const name = ctx.member.displayName ?? ctx.member.userId;
    return reply([{ kind: 'json', value: statusDocument(name, ctx.today, evaluations) }]);
  }
  if (evaluations.length === 0) return reply(noCredentialsBlocks());
  return reply(render(evaluations));
}

/**
 * Totals only, so saved tallies answer (src/core/rules/tally.ts): the member's activities are read
 * and counted only when a tally does not hold, and what was counted is saved for the next ask.
 */
function currentEvaluations(ctx: CommandContext): Evaluation[] {
  const member = ctx.store.loadMember(ctx.member);
  const { standings, counted } = standMember(member, ctx.today, ctx.overrides);
  if (counted && member.dataVersion !== undefined) {
    try {
      ctx.store.saveTallies(ctx.member, member.dataVersion, counted);
    } catch (error) {
      // A cache: the answer stands without it, and the next ask counts again.
      ctx.logger?.warn({ err: error instanceof Error ? error.message : String(error), memberId: ctx.member.memberId }, 'could not save tallies');
    }
  }
  return standings.map((standing) => standing.evaluation);
}

function noCredentialsBlocks(): Block[] {
  return [
    { kind: 'paragraph', text: 'You have no credentials yet. Add the ones you hold, for example:' },
    { kind: 'list', items: ['credential add CMA expires 2027-02-28', 'credential add RMA certified 2025-05-01', 'credential add BLS certified 2025-06-20'] },
  ];
}
