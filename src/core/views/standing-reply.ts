/** The shared shape of `status` and `need`: the JSON contract, the no-credentials hint, or blocks. */
import type { CommandContext } from '../command.js';
import { reply, type Block, type Reply } from '../reply.js';
import type { Evaluation } from '../rules/types.js';
import { loadStanding } from './load-standing.js';
import { statusDocument } from './status-document.js';

export function standingReply(ctx: CommandContext, json: boolean | undefined, render: (evaluations: Evaluation[]) => Block[]): Reply {
  const { evaluations } = loadStanding(ctx, { explain: false });
  if (json) {
    const name = ctx.member.displayName ?? ctx.member.userId;
    return reply([{ kind: 'json', value: statusDocument(name, ctx.today, evaluations) }]);
  }
  if (evaluations.length === 0) return reply(noCredentialsBlocks());
  return reply(render(evaluations));
}

function noCredentialsBlocks(): Block[] {
  return [
    { kind: 'paragraph', text: 'You have no credentials yet. Add the ones you hold, for example:' },
    { kind: 'list', items: ['credential add CMA expires 2027-02-28', 'credential add RMA certified 2025-05-01', 'credential add BLS certified 2025-06-20'] },
  ];
}
