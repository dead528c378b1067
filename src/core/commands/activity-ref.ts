/** `#12` or `12`: an activity id, and the checks that it exists and is the member's own. */
import { z } from 'zod';
import type { CommandContext } from '../command.js';
import type { StoredActivity } from '../ports.js';
import { problem, type Problem } from '../reply.js';

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
  if (!activity) return problem('activity-not-found', `There is no activity #${id}. \`history\` lists yours with their ids.`);
  if (activity.memberId !== ctx.member.memberId) {
    return problem('not-your-activity', `Activity #${id} is someone else's; you can only change your own. \`history\` lists yours.`);
  }
  return activity;
}

export function isProblem(value: StoredActivity | Problem): value is Problem {
  return 'code' in value && 'message' in value && !('unit' in value);
}
