/** `#12` or `12`: an activity id, and the checks that it exists and is the member's own. */
import { z } from 'zod';
import type { CommandContext } from '../command.js';
import type { StoredActivity } from '../ports.js';
import { localDate } from '../nudges/local-time.js';
import { problem, type Problem } from '../reply.js';
import { describeActivity } from '../views/describe.js';

export const activityIdField = z
  .union([z.string(), z.number()], { error: 'Give the activity id from `history`, e.g. `12`.' })
  .transform((value, ctx) => {
    const text = String(value).replace(/^#/, '');
    if (!/^\d{1,9}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `“${value}” is not an activity id. \`history\` lists your activities with their ids.`, params: { code: 'invalid-id' } });
      return z.NEVER;
    }
    return Number(text);
  });

export function findOwnActivity(ctx: CommandContext, id: number): StoredActivity | Problem {
  const activity = ctx.store.findActivity(ctx.member.workspaceId, id);
  if (!activity) return deletedOrMissing(ctx, id);
  if (activity.memberId !== ctx.member.memberId) {
    return problem('not-your-activity', `Activity #${id} is someone else's; you can only change your own. \`history\` lists yours.`);
  }
  return activity;
}

/**
 * A day-old Undo button on a log, or `delete 12` typed twice: the member's own activity, deleted
 * since, is named with when and how to bring it back. Only their own: someone else's reads as missing.
 */
function deletedOrMissing(ctx: CommandContext, id: number): Problem {
  const deleted = ctx.store.findDeletedActivity(ctx.member, id);
  if (!deleted) return problem('activity-not-found', `There is no activity #${id}. \`history\` lists yours with their ids.`);
  const deletedOn = localDate(new Date(deleted.deletedAt), ctx.tz);
  const when = deletedOn === ctx.today ? 'today' : `on ${deletedOn}`;
  const what = describeActivity(deleted.activity);
  // Still the code of a missing activity: it is gone from everything that counts.
  return problem('activity-not-found', deleted.deleteUndoable
    ? `${what} was already deleted ${when}. To bring it back: \`undo delete ${id}\`.`
    : `${what} was already deleted ${when}: you undid its log. To record it again, log it anew.`);
}

export function isProblem(value: StoredActivity | Problem): value is Problem {
  return 'code' in value && 'message' in value && !('unit' in value);
}
