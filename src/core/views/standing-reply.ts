/** The shared shape of `status` and `need`: the JSON contract, the no-credentials hint, or blocks. */
import type { CommandContext } from '../command.js';
import { reply, type Block, type Reply } from '../reply.js';
import { standMember } from '../nudges/member-standing.js';
import type { SavedTally } from '../rules/tally.js';
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
  if (counted && member.dataVersion !== undefined) saveAfterReplying(ctx, member.dataVersion, counted);
  return standings.map((standing) => standing.evaluation);
}

/**
 * The save waits until the reply is on its way (a write, and now and then a WAL checkpoint, cost
 * more than the answer). The store drops it if the member changed meanwhile; a failure is only
 * logged: the answer stood without it, and the next ask counts again.
 */
function saveAfterReplying(ctx: CommandContext, dataVersion: number, tallies: SavedTally[]): void {
  setImmediate(() => {
    try {
      ctx.store.saveTallies(ctx.member, dataVersion, tallies);
    } catch (error) {
      ctx.logger?.warn({ err: error instanceof Error ? error.message : String(error), memberId: ctx.member.memberId }, 'could not save tallies');
    }
  });
}

function noCredentialsBlocks(): Block[] {
  return [
    { kind: 'paragraph', text: 'You have no credentials yet. Add the ones you hold, for example:' },
    { kind: 'list', items: ['credential add CMA expires 2027-02-28', 'credential add RMA certified 2025-05-01', 'credential add BLS certified 2025-06-20'] },
  ];
}
