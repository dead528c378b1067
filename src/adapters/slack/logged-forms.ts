/**
 * One log form is one activity. A form opened by a button names the button (log-modal.ts:
 * `private_metadata`), and its submission's idempotency key is that button, the member and the
 * activity, so the core's request claim logs once what two copies of the form send (the button
 * pressed on two devices, or again after Slack said it had trouble). This answers the second copy
 * with the activity the first logged, remembered in memory per running bot; the claim outlives a
 * restart (a day), the number does not: then the answer goes without it.
 */
import { createHash } from 'node:crypto';
import type { Reply } from '../../core/index.js';
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

/** The key of a submission of the form a button opened: one per button, member and activity. */
export function buttonFormKey(button: string, userId: string, options: Record<string, unknown>): string {
  const activity = createHash('sha256').update(JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)))).digest('hex').slice(0, 32);
  return `form:${button}:${userId}:${activity}`;
}

/**
 * The core's answer to a submission keyed by `buttonFormKey`, for the member's DM; undefined
 * when the same view was sent again, which the first submission's DM answers.
 */
export function formAnswer(ctx: SlackContext, formKey: string, viewId: string, reply: Reply, nowMs = Date.now()): Reply | undefined {
  const forms = formsOf(ctx);
  if (reply.duplicate) {
    const logged = forms.get(formKey);
    const known = logged && nowMs - logged.atMs <= KEEP_MS ? logged : undefined;
    return known?.viewId === viewId ? undefined : alreadyLogged(known?.activityId);
  }
  const activityId = loggedId(reply);
  if (activityId === undefined) return reply;
  // Oldest first (insertion order): stop at the first one still fresh.
  for (const [key, form] of forms) {
    if (nowMs - form.atMs <= KEEP_MS && forms.size < MAX_FORMS) break;
    forms.delete(key);
  }
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

function alreadyLogged(activityId: number | undefined): Reply {
  const what = activityId === undefined ? 'The activity from this form is already logged (`/ceu history` lists it)' : `#${activityId} is already logged from this form`;
  return { visibility: 'private', tone: 'info', blocks: [{ kind: 'paragraph', text: `${what}, so I did not log it again. To log another activity, use \`/ceu log\`.` }] };
}
