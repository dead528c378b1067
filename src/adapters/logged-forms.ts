/**
 * One log form is one activity, on every platform. A submission is sent under a key naming its
 * form (each adapter's log-modal.ts), so the core's request claim logs a form sent again (after the
 * platform said the interaction failed, or from a second copy opened by the same button) only once;
 * this answers that second submission with the activity the first logged, remembered in memory per
 * running bot. The claim outlives a restart (a day), the number does not: then the answer goes
 * without it. An activity the member has deleted since (its Undo) is no longer logged from the
 * form: sent again, it logs anew.
 */
import type { Actor, Bot, Logger, Reply } from '../core/index.js';

/** As long as the core keeps a request claim (storage/create-request-claims.ts). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A bound, so that a flood of forms cannot grow memory without end. */
const MAX_FORMS = 10_000;

/** What a running adapter hands in: its bot, its logger; the object also keys its memory. */
export interface FormLogContext {
  bot: Bot;
  logger: Logger;
}

interface Logged {
  activityId: number;
  /** The copy of the form (Slack's view id) that logged it, where the platform names copies. */
  viewId: string | undefined;
  atMs: number;
}

const byContext = new WeakMap<FormLogContext, Map<string, Logged>>();

function formsOf(ctx: FormLogContext): Map<string, Logged> {
  let forms = byContext.get(ctx);
  if (!forms) byContext.set(ctx, (forms = new Map()));
  return forms;
}

/**
 * Sends a form's submission keyed `formKey` (`send` runs it under the key given), with a repeat
 * told which activity the form logged. `viewId`: the copy of the form sent, where the platform
 * names copies; the same copy sent again gets the core's duplicate answer as it is (the first
 * submission's answer covers it).
 */
export async function logOnce(ctx: FormLogContext, actor: Actor, formKey: string, send: (key: string) => Promise<Reply>, options: { viewId?: string; nowMs?: number } = {}): Promise<Reply> {
  const { viewId, nowMs = Date.now() } = options;
  const forms = formsOf(ctx);
  const sameCopy = (logged: Logged | undefined) => viewId !== undefined && logged?.viewId === viewId;
  const first = await send(formKey);
  if (!first.duplicate) return remembered(forms, formKey, viewId, first, nowMs);
  const logged = freshIn(forms, formKey, nowMs);
  if (sameCopy(logged)) return first;
  if (!logged) return alreadyLogged(undefined);
  const kept = await stillLogged(ctx, actor, logged.activityId);
  if (kept !== false) return alreadyLogged(kept ? logged.activityId : undefined);
  // Keyed by the deleted activity, so that copies sent together still log it once.
  const anew = await send(`${formKey}:after:${logged.activityId}`);
  if (!anew.duplicate) return remembered(forms, formKey, viewId, anew, nowMs);
  const latest = freshIn(forms, formKey, nowMs);
  if (sameCopy(latest)) return anew;
  return alreadyLogged(latest && latest.activityId !== logged.activityId ? latest.activityId : undefined);
}

function freshIn(forms: Map<string, Logged>, formKey: string, nowMs: number): Logged | undefined {
  const logged = forms.get(formKey);
  return logged && nowMs - logged.atMs <= KEEP_MS ? logged : undefined;
}

function remembered(forms: Map<string, Logged>, formKey: string, viewId: string | undefined, reply: Reply, nowMs: number): Reply {
  const activityId = loggedId(reply);
  if (activityId === undefined) return reply;
  // Oldest first (insertion order): stop at the first one still fresh.
  for (const [key, form] of forms) {
    if (nowMs - form.atMs <= KEEP_MS && forms.size < MAX_FORMS) break;
    forms.delete(key);
  }
  // Re-inserted, so that a form logged anew counts as fresh as it is.
  forms.delete(formKey);
  forms.set(formKey, { activityId, viewId, atMs: nowMs });
  return reply;
}

/** A saved log's answer carries its Undo button, which deletes the activity by its number. */
function loggedId(reply: Reply): number | undefined {
  if (reply.tone !== 'success') return undefined;
  const undo = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])).find((b) => b.actionId === 'undo');
  const id = /^delete (\d+)$/.exec(undo?.command ?? '')?.[1];
  return id === undefined ? undefined : Number(id);
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
