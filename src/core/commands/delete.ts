import { z } from 'zod';
import { defineCommand } from '../command.js';
import { errorReply, reply } from '../reply.js';
import { describeActivity } from '../views/describe.js';
import { activityIdField, findOwnActivity, isProblem } from './activity-ref.js';

const USAGE = 'delete <id>';

export const deleteCommand = defineCommand({
  name: 'delete',
  aliases: ['remove-activity', 'rm'],
  mutates: true,
  summary: 'Delete one of your activities (it stays in the audit trail; `undo` brings it back).',
  usage: USAGE,
  examples: ['delete 12'],
  options: [{ name: 'id', type: 'integer', description: 'Activity id from history', required: true, autocomplete: 'activities' }],
  parseText: (tokens) => (tokens.length === 1 ? { id: tokens[0]!.text } : tokens.length === 0 ? {} : { id: tokens.map((t) => t.text).join(' ') }),
  schema: () => z.object({ id: activityIdField }),
  run(ctx, options) {
    const found = findOwnActivity(ctx, options.id);
    if (isProblem(found)) return errorReply([found], USAGE);
    const deleted = ctx.store.deleteActivity(ctx.member, found.id, ctx.now.toISOString());
    return reply(
      [
        { kind: 'paragraph', text: `Deleted ${describeActivity(deleted)}. It is kept in the audit trail.` },
        // Aimed at this delete: plain `undo` would take back whatever the member changed since.
        { kind: 'actions', buttons: [{ actionId: 'undo', label: 'Undo', command: `undo delete ${deleted.id}` }] },
      ],
      'success',
    );
  },
});
