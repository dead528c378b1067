import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import type { StoredActivity } from '../ports.js';
import { errorReply, problem, reply } from '../reply.js';
import { toCredentialCode } from '../text/aliases.js';
import { latestActivityWords } from '../text/latest-activity-words.js';
import type { Token } from '../text/tokenize.js';
import { describeActivity } from '../views/describe.js';
import { activityIdField, findOwnActivity, isProblem } from './activity-ref.js';

const USAGE = 'delete <id>';
const ID = /^#?\d+,?$/;

export const deleteCommand = defineCommand({
  name: 'delete',
  aliases: ['remove-activity', 'rm', 'remove'],
  mutates: true,
  summary: 'Delete one of your activities (it stays in the audit trail; `undo` brings it back).',
  usage: USAGE,
  examples: ['delete 12'],
  options: [{ name: 'id', type: 'integer', description: 'Activity id from history', required: true, autocomplete: 'activities' }],
  parseText: parseDeleteWords,
  schema: () =>
    z
      .object({
        id: activityIdField.optional(),
        last: z.literal(true).optional(),
        several: z
          .array(z.string())
          .optional()
          .refine((ids) => ids === undefined, {
            error: (iss) => `Delete one activity at a time: ${(iss.input as string[]).map((id) => `\`delete ${id}\``).join(', then ')}.`,
            params: { code: 'one-at-a-time' },
          }),
        credential: z
          .string()
          .optional()
          .refine((code) => code === undefined, {
            error: (iss) => `${iss.input} is a credential, not an activity. To stop tracking it: \`credential remove ${iss.input}\` (your activities are kept).`,
            params: { code: 'invalid-id' },
          }),
      })
      .refine((v) => v.id !== undefined || v.last || v.several || v.credential, { error: 'Give the activity id from `history`, e.g. `12`.', params: { code: 'invalid-id' }, path: ['id'] }),
  run(ctx, options) {
    if (options.id === undefined) return latestLog(ctx);
    const found = findOwnActivity(ctx, options.id);
    if (isProblem(found)) return errorReply([found], USAGE);
    const deleted = ctx.store.deleteActivity(ctx.member, found.id, ctx.now.toISOString());
    return reply(
      [
        { kind: 'paragraph', text: `Deleted ${describeActivity(deleted)}. It is kept in the audit trail.` },
        // Aimed at this delete (its audit row): plain `undo` would take back whatever the member changed
        // since, and an older delete's button must not bring back an activity deleted again since.
        { kind: 'actions', buttons: [{ actionId: 'undo', label: 'Undo', command: `undo delete ${deleted.id} ${deleted.auditId}` }] },
      ],
      'success',
    );
  },
});

function parseDeleteWords(tokens: Token[]): RawOptions {
  if (tokens.length === 0) return {};
  const words = tokens.filter((t) => !/^(and|&)$/i.test(t.text)).map((t) => t.text);
  // "delete the last one", "delete the one I just did": the reply names the latest log and the line to type.
  if (latestActivityWords(tokens.map((t) => t.text)) === tokens.length) return { last: true };
  if (words.length > 1 && words.every((w) => ID.test(w))) return { several: words.map((w) => w.replace(/^#|,$/g, '')) };
  const code = tokens.length === 1 ? toCredentialCode(tokens[0]!.text) : undefined;
  if (code) return { credential: code };
  return { id: tokens.map((t) => t.text).join(' ') };
}

/** The member's activity logged last (the highest id), if any: what "the last one" most likely means. */
export function latestActivity(ctx: CommandContext): StoredActivity | undefined {
  return ctx.store.listActivities(ctx.member).reduce<StoredActivity | undefined>((newest, a) => (newest === undefined || a.id > newest.id ? a : newest), undefined);
}

/** "delete the last one": the latest log and the line that deletes it; nothing is deleted. */
function latestLog(ctx: CommandContext) {
  const latest = latestActivity(ctx);
  const text = latest
    ? `Say which activity by its id: your latest log is ${describeActivity(latest)}; to delete it, type \`delete ${latest.id}\`. \`history\` lists the others, and \`undo\` takes back your last log, edit or delete.`
    : 'You have no activities to delete. `history` lists what you logged.';
  return errorReply([problem('which-activity', text)], USAGE);
}
