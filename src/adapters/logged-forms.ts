/**
 * One log form is one activity, on every platform. A submission is sent under a key naming its
 * form (each adapter's log-modal.ts), so the core's request claim logs a form sent again (after the
 * platform said the interaction failed, or from a second copy opened by the same button) only once;
 * this answers that second submission with the activity the first logged, which the claim keeps
 * (a day, across restarts). An activity the member has deleted since (its Undo) is no longer
 * logged from the form: sent again, it logs anew.
 */
import type { Actor, Bot, Logger, Reply } from '../core/index.js';
import { keptForADay, type KeptForADay } from './kept-for-a-day.js';

/** Times one form may be logged anew after its activity was deleted, answering a single submission. */
const MAX_ANEW = 10;

/** What a running adapter hands in: its bot, its logger; the object also keys its memory. */
export interface FormLogContext {
  bot: Bot;
  logger: Logger;
}

/**
 * The copy of a form (Slack's view id) that logged it, where the platform names copies; per running
 * bot, for a day: as long as the core keeps a request claim (storage/create-request-claims.ts).
 */
const copiesOf = keptForADay<string>();

/**
 * Sends a form's submission keyed `formKey` (`send` runs it under the key given), with a repeat
 * told which activity the form logged. `viewId`: the copy of the form sent, where the platform
 * names copies; the same copy sent again gets the core's duplicate answer as it is (the first
 * submission's answer covers it).
 */
export async function logOnce(ctx: FormLogContext, actor: Actor, formKey: string, send: (key: string) => Promise<Reply>, options: { viewId?: string; nowMs?: number } = {}): Promise<Reply> {
  const { viewId, nowMs = Date.now() } = options;
  const copies = copiesOf(ctx);
  let key = formKey;
  for (let anew = 0; ; anew++) {
    const answer = await send(key);
    if (!answer.duplicate) return remembered(copies, formKey, viewId, answer, nowMs);
    if (viewId !== undefined && copies.get(formKey, nowMs) === viewId) return answer;
    if (answer.logged === undefined) return alreadyLogged(undefined);
    const kept = await stillLogged(ctx, actor, answer.logged);
    if (kept !== false || anew === MAX_ANEW) return alreadyLogged(kept ? answer.logged : undefined);
    // Keyed by the deleted activity, so that copies sent together still log it once.
    key = `${formKey}:after:${answer.logged}`;
  }
}

function remembered(copies: KeptForADay<string>, formKey: string, viewId: string | undefined, reply: Reply, nowMs: number): Reply {
  // Set again, so that a form logged anew counts as fresh as it is.
  if (viewId !== undefined && reply.logged !== undefined) copies.set(formKey, viewId, nowMs);
  return reply;
}

/**
 * Whether the member still has activity #id: the core suggests for `delete <id>` exactly the
 * activities not deleted. Undefined when the core could not say.
 */
async function stillLogged(ctx: FormLogContext, actor: Actor, activityId: number): Promise<boolean | undefined> {
  try {
    const choices = await ctx.bot.complete(actor, 'activities', String(activityId));
    return choices.some((c) => c.value === String(activityId));
  } catch (error) {
    ctx.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) }, activityId }, 'could not check whether a form\'s activity is still logged');
    return undefined;
  }
}

function alreadyLogged(activityId: number | undefined): Reply {
  const text = activityId === undefined
    ? 'The activity from this form is already logged, so I did not log it again (`/ceu history` lists it). If you deleted it since, or to log another activity, use `/ceu log`.'
    : `#${activityId} is already logged from this form, so I did not log it again. To log another activity, use \`/ceu log\`.`;
  return { visibility: 'private', tone: 'info', blocks: [{ kind: 'paragraph', text }] };
}
