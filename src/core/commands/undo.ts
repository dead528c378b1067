import { z } from 'zod';
import { defineCommand } from '../command.js';
import type { UndoRefusal } from '../ports.js';
import { EDIT_FIELDS, EDITED_KEYS } from './edit-fields.js';
import { errorReply, problem, reply } from '../reply.js';
import { describeActivity } from '../views/describe.js';
import { noWords, unexpectedWords } from './unexpected-words.js';

const DONE: Record<'log' | 'edit' | 'delete', string> = {
  log: 'Undid the log of',
  edit: 'Undid the edit; restored',
  delete: 'Undid the delete; restored',
};
const USAGE = 'undo [anyway]';
const FILLER = /^(that|it|last|please|this|the|one)$/i;
const ANYWAY = /^(anyway|anyways)$/i;
const CHANGE = /^(log|edit|delete)$/i;
const ACTIVITY_ID = /^#?(\d+)$/;

export const undoCommand = defineCommand({
  name: 'undo',
  mutates: true,
  summary: 'Undo your last log, edit or delete (repeat to go further back).',
  usage: USAGE,
  examples: ['undo', 'undo anyway'],
  options: [{ name: 'anyway', type: 'boolean', description: 'Undo your last log, edit or delete even after a later credential or settings change' }],
  // "undo", "undo that", "undo it", "undo last": the words say the same thing.
  parseText(tokens) {
    const words = tokens.filter((t) => !FILLER.test(t.text));
    const anyway = words.some((t) => ANYWAY.test(t.text));
    const rest = words.filter((t) => !ANYWAY.test(t.text));
    // `undo delete 12`, `undo edit 12 title`: what the Undo button of a delete or edit reply runs.
    const [change, id, field] = rest;
    if ((rest.length === 2 || rest.length === 3) && CHANGE.test(change!.text) && ACTIVITY_ID.test(id!.text)) {
      return { change: change!.text.toLowerCase(), id: Number(ACTIVITY_ID.exec(id!.text)![1]), ...(field ? { field: field.text.toLowerCase() } : {}) };
    }
    return { ...noWords(rest), ...(anyway ? { anyway: true } : {}) };
  },
  schema: () =>
    z.object({
      anyway: z.boolean().optional(),
      change: z.enum(['log', 'edit', 'delete']).optional(),
      id: z.number().int().positive().optional(),
      field: z.enum(EDIT_FIELDS, { error: `Name the field an edit changed: ${EDIT_FIELDS.join(', ')}.` }).optional(),
      unexpected: unexpectedWords('`undo` takes nothing after it; to remove one activity type `delete <id>`.'),
    }),
  run(ctx, { anyway, change, id, field }) {
    const only = change && id !== undefined ? { action: change, activityId: id, ...(change === 'edit' && field ? { fields: EDITED_KEYS[field] } : {}) } : undefined;
    const undone = ctx.store.undoLast(ctx.member, ctx.now.toISOString(), anyway === true, only);
    if (!undone && only) {
      const what = field ? `the edit of #${only.activityId}'s ${field}` : `the ${only.action} of #${only.activityId}`;
      const text = `Nothing to undo: ${what} is already undone, or #${only.activityId} changed since. \`history\` shows your activities as they are.`;
      return reply([{ kind: 'paragraph', text }], 'warning');
    }
    if (!undone) return reply([{ kind: 'paragraph', text: 'Nothing to undo: you have no log, edit or delete left to take back.' }], 'warning');
    if ('refused' in undone) return errorReply([problem('undo-after-other-change', refusalText(undone))], USAGE);
    return reply([{ kind: 'paragraph', text: `${DONE[undone.action]} ${describeActivity(undone.activity)}.` }], 'success');
  },
});

function refusalText({ latest, pending }: UndoRefusal): string {
  const code = latest.credential ?? '<code>';
  const [what, fix] = ((): [string, string] => {
    switch (latest.action) {
      case 'credential-add':
        if (latest.previousExpiresOn) return [`your credentials (${code})`, ` To put ${code} back as it was: \`credential add ${code} expires ${latest.previousExpiresOn}\`.`];
        return [`your credentials (${code})`, ` To fix the credential: \`credential add ${code} expires <date>\`.`];
      case 'credential-remove':
        return [`your credentials (${code} removed)`, ` To track it again: \`credential add ${code} expires <date>\`.`];
      case 'credential-snooze':
        return [`your reminders about ${code}`, ''];
      case 'settings':
        return ['your settings', ' `settings` shows them and changes them.'];
      default:
        return ["the workspace's settings", ''];
    }
  })();
  const id = pending.activityId;
  const takeBack = pending.action === 'log' ? `To take back the log of #${id} instead: \`delete ${id}\`.` : `To take back the ${pending.action} of #${id} instead: \`undo anyway\`.`;
  // The change just made is the likelier one to take back: how to comes first.
  return `Your last change was to ${what}, not a log, edit or delete, so I undid nothing.${fix} ${takeBack}`;
}
