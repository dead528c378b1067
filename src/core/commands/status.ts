import { defineCommand } from '../command.js';
import { reply, type Block } from '../reply.js';
import { credentialBlocks } from '../views/credential-blocks.js';
import { loadStanding } from '../views/load-standing.js';
import { statusDocument } from '../views/status-document.js';
import { jsonFlagSchema, parseJsonFlag } from './json-flag.js';
import { noCredentialsBlocks } from './no-credentials.js';

export const statusCommand = defineCommand({
  name: 'status',
  aliases: ['progress'],
  summary: 'Every credential: cycle, state, progress per requirement, days left, submit-by date and pace.',
  usage: 'status [--json]',
  examples: ['status', 'status --json'],
  options: [{ name: 'json', type: 'boolean', description: 'Answer with the stable JSON document' }],
  parseText: parseJsonFlag,
  schema: () => jsonFlagSchema,
  run(ctx, options) {
    const { evaluations } = loadStanding(ctx);
    if (options.json) {
      const name = ctx.member.displayName ?? ctx.member.userId;
      return reply([{ kind: 'json', value: statusDocument(name, ctx.today, evaluations) }]);
    }
    if (evaluations.length === 0) return reply(noCredentialsBlocks());
    const blocks: Block[] = evaluations.flatMap((e) => credentialBlocks(e));
    blocks.push({ kind: 'actions', buttons: [{ actionId: 'log-another', label: 'Log an activity', command: 'log', style: 'primary' }, { actionId: 'need', label: 'What do I still need?', command: 'need' }] });
    return reply(blocks);
  },
});
