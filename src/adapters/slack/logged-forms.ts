/**
 * One log form is one activity. A form opened by a button in a message names the button
 * (log-modal.ts: `private_metadata`), and its submission's idempotency key is that button, the
 * member and the activity, so the core's request claim logs once what two copies of the form send
 * (the button pressed on two devices, or again after Slack said it had trouble). This answers the
 * second copy with the activity the first logged, remembered in memory per running bot; the claim
 * outlives a restart (a day), the number does not: then the answer goes without it. An activity
 * the member has deleted since (its Undo) is no longer logged from the form: sent again, it logs anew.
 */
import { createHash } from 'node:crypto';
import type { Actor, Reply } from '../../core/index.js';
import type { SlackContext } from './slack-context.js';

/** As long as the core keeps a request claim (storage/create-request-claims.ts). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A bound, so that a flood of forms cannot grow memory without end. */
const MAX_FORMS = 10_000;

interface Logged {
  activityId: number;
  viewId: string;
  atMs: number;
}

const byBot = new WeakMap<SlackContext, Map<string, Logged>>();

function formsOf(ctx: SlackContext): Map<string, Logged> {
  let forms = byBot.get(ctx);
  if (!forms) byBot.set(ctx, (forms = new Map()));
  return forms;
}

/**
 * The key of a submission of the form a button opened: one per button, member and activity. A
 * date picker left empty logs today (`todayOn`, the member's), another day tomorrow.
 */
export function buttonFormKey(button: string, userId: string, options: Record<string, unknown>, todayOn: string): string {
  const dated = { date: todayOn, ...options };
  const activity = createHash('sha256').update(JSON.stringify(Object.entries(dated).sort(([a], [b]) => a.localeCompare(b)))).digest('hex').slice(0, 32);
  return `form:${button}:${userId}:${activity}`;
}

/**
 * Sends a submission keyed by `buttonFormKey` (`send` runs it under the key given), with another
 * copy of the form told which activity the form logged. The same view sent again gets the core's
 * duplicate answer as it is: the first submission's DM answers it.
 */
export async function logFromButtonForm(ctx: SlackContext, actor: Actor, formKey: string, viewId: string, send: (key: string) => Promise<Reply>, nowMs = Date.now()): Promise<Reply> {
  const forms = formsOf(ctx);
  const first = await send(formKey);
  if (!first.duplicate) return remembered(forms, formKey, viewId, first, nowMs);
  const logged = freshIn(forms, formKey, nowMs);
  if (logged?.viewId === viewId) return first;
  if (!logged) return alreadyLogged(undefined);
  const kept = await stillLogged(ctx, actor, logged.activityId);
  if (kept !== false) return alreadyLogged(kept ? logged.activityId : undefined);
  // Keyed by the deleted activity, so that copies sent together still log it once.
  const anew = await send(`${formKey}:after:${logged.activityId}`);
  if (!anew.duplicate) return remembered(forms, formKey, viewId, anew, nowMs);
  const latest = freshIn(forms, formKey, nowMs);
  if (latest?.viewId === viewId) return anew;
  return alreadyLogged(latest && latest.activityId !== logged.activityId ? latest.activityId : undefined);
}

function freshIn(forms: Map<string, Logged>, formKey: string, nowMs: number): Logged | undefined {
  const logged = forms.get(formKey);
  return logged && nowMs - logged.atMs <= KEEP_MS ? logged : undefined;
}

function remembered(forms: Map<string, Logged>, formKey: string, viewId: string, reply: Reply, nowMs: number): Reply {
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
async function stillLogged(ctx: SlackContext, actor: Actor, activityId: number): Promise<boolean | undefined> {
  try {
    const choices = await ctx.bot.complete(actor, 'activities', String(activityId));
    return choices.some((c) => c.value === String(activityId));
  } catch (error) {
    ctx.logger.warn({ err: error instanceof Error ? error.message : String(error), activityId }, 'could not check whether a form\'s activity is still logged');
    return undefined;
  }
}

function alreadyLogged(activityId: number | undefined): Reply {
  const text = activityId === undefined
    ? 'The activity from this form is already logged, so I did not log it again (`/ceu history` lists it). If you deleted it since, or to log another activity, use `/ceu log`.'
    : `#${activityId} is already logged from this form, so I did not log it again. To log another activity, use \`/ceu log\`.`;
  return { visibility: 'private', tone: 'info', blocks: [{ kind: 'paragraph', text }] };
}
