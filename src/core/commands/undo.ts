import { z } from 'zod';
import { defineCommand } from '../command.js';
import { reply } from '../reply.js';
import { describeActivity } from '../views/describe.js';
import { noWords, unexpectedWords } from './unexpected-words.js';

const DONE: Record<'log' | 'edit' | 'delete', string> = {
  log: 'Undid the log of',
  edit: 'Undid the edit; restored',
  delete: 'Undid the delete; restored',
};

export const undoCommand = defineCommand({
  name: 'undo',
  mutates: true,
  summary: 'Undo your last log, edit or delete (repeat to go further back).',
  usage: 'undo',
  examples: ['undo'],
  options: [],
  // "undo", "undo that", "undo it", "undo last": the words say the same thing.
  parseText: (tokens) => noWords(tokens.filter((t) => !/^(that|it|last|please|this)$/i.test(t.text))),
  schema: () => z.object({ unexpected: unexpectedWords('`undo` takes nothing after it; to remove one activity type `delete <id>`.') }),
  run(ctx) {
    const undone = ctx.store.undoLast(ctx.member, ctx.now.toISOString());
    if (!undone) return reply([{ kind: 'paragraph', text: 'Nothing to undo: you have no log, edit or delete left to take back.' }], 'warning');
    return reply([{ kind: 'paragraph', text: `${DONE[undone.action]} ${describeActivity(undone.activity)}.` }], 'success');
  },
});
