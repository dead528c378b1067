import { defineCommand } from '../command.js';
import type { Block } from '../reply.js';
import { credentialBlocks } from '../views/credential-blocks.js';
import { standingReply } from '../views/standing-reply.js';
import { jsonFlagSchema, parseJsonFlag } from './json-flag.js';
import { lapsedNextStep, takesCe } from './lapsed-next-step.js';


/** Built once: a zod schema costs more to build than to run, and `status` is the busiest command. */
const SCHEMA = jsonFlagSchema('status');
export const statusCommand = defineCommand({
  name: 'status',
  aliases: ['progress'],
  summary: 'Every credential: cycle, state, progress per requirement, days left, submit-by date and pace.',
  usage: 'status [--json]',
  examples: ['status', 'status --json'],
  options: [{ name: 'json', type: 'boolean', description: 'Answer with the stable JSON document' }],
  parseText: parseJsonFlag,
  schema: () => SCHEMA,
  run: (ctx, options) =>
    standingReply(ctx, options.json, (evaluations) => {
      const blocks: Block[] = evaluations.flatMap((e) => [...credentialBlocks(e), ...lapsedNextStep(e, ctx.today)]);
      // Logging, or asking what is needed, helps only a credential CE still renews.
      if (evaluations.some(takesCe)) {
        blocks.push({
          kind: 'actions',
          buttons: [
            { actionId: 'log-another', label: 'Log an activity', command: 'log', style: 'primary' },
            { actionId: 'need', label: 'What do I still need?', command: 'need' },
          ],
        });
      }
      return blocks;
    }),
});
