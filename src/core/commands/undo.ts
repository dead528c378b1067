import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command.js';
import type { StoredActivity, UndoMissed, UndoRefusal } from '../ports.js';
import { EDIT_FIELDS, EDITED_KEYS, fieldValue, typedValue, type EditField } from './edit-fields.js';
import { errorReply, problem, reply, type Reply } from '../reply.js';
import { describeActivity } from '../views/describe.js';
import { findOwnActivity, isProblem } from './activity-ref.js';
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
const CHANGE_NUMBER = /^\d{1,15}$/;

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
    // `undo delete 12 40`, `undo edit 12 title 41`: what the Undo button of a delete or edit reply
    // runs, naming the change by its audit id (older buttons name none: `undo edit 12 title`).
    const [change, id, ...named] = rest;
    if (change && id && CHANGE.test(change.text) && ACTIVITY_ID.test(id.text)) {
      const action = change.text.toLowerCase();
      const [field, number] = action === 'edit' ? named : [undefined, ...named];
      if (named.length <= (action === 'edit' ? 2 : 1)) {
        return { change: action, id: Number(ACTIVITY_ID.exec(id.text)![1]), ...(field ? { field: field.text.toLowerCase() } : {}), ...(number ? { auditId: number.text } : {}) };
      }
    }
    return { ...noWords(rest), ...(anyway ? { anyway: true } : {}) };
  },
  schema: () =>
    z
      .object({
        anyway: z.boolean().optional(),
        change: z.enum(['log', 'edit', 'delete']).optional(),
        id: z.number().int().positive().optional(),
        field: z.enum(EDIT_FIELDS, { error: `Name the field an edit changed: ${EDIT_FIELDS.join(', ')}.` }).optional(),
        /** The audit id of the change an Undo button names. */
        auditId: z.string().optional(),
        unexpected: unexpectedWords('`undo` takes nothing after it; to remove one activity type `delete <id>`.'),
      })
      .transform(({ auditId, ...input }, zctx): typeof input & { auditId?: number } => {
        if (auditId === undefined) return input;
        if (CHANGE_NUMBER.test(auditId)) return { ...input, auditId: Number(auditId) };
        zctx.addIssue({ code: 'custom', message: notANumber(auditId, input), params: { code: 'invalid-change-number' }, path: ['auditId'] });
        return z.NEVER;
      }),
  run(ctx, { anyway, change, id, field, auditId }) {
    // The edit of a deleted (or someone else's) activity: that, and how to bring it back, is the answer.
    const found = change === 'edit' && id !== undefined ? findOwnActivity(ctx, id) : undefined;
    if (found && isProblem(found)) return errorReply([found], USAGE);
    const only = change && id !== undefined
      ? { action: change, activityId: id, ...(change === 'edit' && field ? { fields: EDITED_KEYS[field] } : {}), ...(auditId !== undefined ? { auditId } : {}) }
      : undefined;
    const undone = ctx.store.undoLast(ctx.member, ctx.now.toISOString(), anyway === true, only);
    if (undone && 'missed' in undone) return missedReply(ctx, undone, { change: change!, id: id!, auditId: auditId!, ...(field ? { field } : {}) });
    if (!undone && only) {
      const what = field ? `the edit of #${only.activityId}'s ${fieldName(field)}` : `the ${only.action} of #${only.activityId}`;
      const text = `Nothing to undo: ${what} is already undone, or #${only.activityId} changed since. \`history\` shows your activities as they are.`;
      return reply([{ kind: 'paragraph', text }], 'warning');
    }
    if (!undone) return reply([{ kind: 'paragraph', text: 'Nothing to undo: you have no log, edit or delete left to take back.' }], 'warning');
    if ('refused' in undone) return errorReply([problem('undo-after-other-change', refusalText(undone))], USAGE);
    return reply([{ kind: 'paragraph', text: `${DONE[undone.action]} ${describeActivity(undone.activity)}.` }], 'success');
  },
});

interface NamedChange {
  change: 'log' | 'edit' | 'delete';
  id: number;
  field?: EditField;
  auditId: number;
}

function notANumber(typed: string, { change, id, field }: { change?: string; id?: number; field?: EditField }): string {
  const latest = change === 'edit' && field
    ? `To undo the latest edit of #${id}'s ${fieldName(field)}: \`undo edit ${id} ${field}\`; to change it: \`edit ${id} ${field} ${typed}\`.`
    : `To undo it: \`undo ${change} ${id}\`.`;
  return `“${typed}” is not the number of a change: an Undo button names its ${change} by one. ${latest}`;
}

/** The change an Undo button names was not taken back: why, and the line to type instead. */
function missedReply(ctx: CommandContext, missed: UndoMissed, { change, id, field, auditId }: NamedChange): Reply {
  if (missed.missed === 'changed-since') return errorReply([problem('changed-since', changedSinceText(id, field!, missed.before, missed.now))], USAGE);
  const what = change === 'edit' && field ? `edit of #${id}'s ${fieldName(field)}` : `${change} of #${id}`;
  if (missed.missed === 'unknown-change') {
    // An edit's activity is live (checked above): `history` shows it.
    const instead = change === 'edit' && field
      ? `To undo the latest edit of #${id}'s ${fieldName(field)}, type \`undo edit ${id} ${field}\`; \`history\` shows #${id} as it is.`
      : `To undo the latest ${change} of #${id}, type \`undo ${change} ${id}\`.`;
    return errorReply([problem('unknown-change', `You have no ${what} numbered ${auditId}. ${instead}`)], USAGE);
  }
  const found = findOwnActivity(ctx, id);
  const now = isProblem(found) ? found.message : `It stands as ${describeActivity(found)}.`;
  return reply([{ kind: 'paragraph', text: `That ${what} is already undone, so I changed nothing. ${now}` }], 'warning');
}

function changedSinceText(id: number, field: EditField, before: StoredActivity, now: StoredActivity): string {
  const key = EDITED_KEYS[field][0]!;
  const [was, is] = [fieldValue(before, key), fieldValue(now, key)];
  const value = typedValue(before, field);
  // Edited back since (3h, then 2h again): what undoing it would put back is there already.
  const back = was === is ? 'It is already what it was before that edit: nothing to change.'
    : value === undefined ? `To change it: \`edit ${id} ${field} <value>\`.`
    : `To put back what that edit replaced (${was}): \`edit ${id} ${field} ${value}\`.`;
  return `I undid nothing: #${id}'s ${fieldName(field)} was edited again after that edit (it is ${is} now), and the later edit stands. ${back}`;
}

/** A field as prose says it: "#2's AAMA approval", not "#2's aama". */
function fieldName(field: EditField): string {
  return field === 'aama' ? 'AAMA approval' : field;
}

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
