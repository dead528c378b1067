/**
 * One log form is one activity. A submission names its form (log-modal.ts: formKey) as its request's
 * idempotency key, so the core's request claim logs a form sent again (after Discord said
 * "interaction failed", or from a second copy opened by the same button) only once; this answers
 * that second submission with the activity the first logged, remembered in memory per running bot.
 * The claim outlives a restart (a day), the number does not: then the answer goes without it.
 */
import type { Reply } from '../../core/index.js';
import type { DiscordContext } from './discord-context.js';

/** As long as the core keeps a request claim (storage/create-request-claims.ts). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A bound, so that a flood of forms cannot grow memory without end. */
const MAX_FORMS = 10_000;

const byBot = new WeakMap<DiscordContext, Map<string, { activityId: number; atMs: number }>>();

function formsOf(ctx: DiscordContext): Map<string, { activityId: number; atMs: number }> {
  let forms = byBot.get(ctx);
  if (!forms) byBot.set(ctx, (forms = new Map()));
  return forms;
}

/** The core's answer to a form's submission, with a repeat told which activity the form logged. */
export function formAnswer(ctx: DiscordContext, formKey: string, reply: Reply, nowMs = Date.now()): Reply {
  const forms = formsOf(ctx);
  if (reply.duplicate) {
    const logged = forms.get(formKey);
    return alreadyLogged(logged && nowMs - logged.atMs <= KEEP_MS ? logged.activityId : undefined);
  }
  const activityId = loggedId(reply);
  if (activityId === undefined) return reply;
  // Oldest first (insertion order): stop at the first one still fresh.
  for (const [key, form] of forms) {
    if (nowMs - form.atMs <= KEEP_MS && forms.size < MAX_FORMS) break;
    forms.delete(key);
  }
  forms.set(formKey, { activityId, atMs: nowMs });
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
