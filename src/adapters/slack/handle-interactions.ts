/**
 * Buttons and the log modal. A click is keyed by the message, the button (action and command) and
 * the person, and a form by its view id (or, opened by a button in a message, by the button, the
 * person and the activity: log-form-key.ts and ../logged-forms.ts), so a double click or a resubmitted form changes data
 * once (a form the core refused can be corrected and sent again).
 */
import type { App, BlockButtonAction, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { fieldErrors, formUnavailable, LOG_MODAL_ID, readLogModal } from './log-modal.js';
import { logOnce } from '../logged-forms.js';
import { buttonFormKey } from './log-form-key.js';
import { renderReply } from './render-reply.js';
import { callSlack, handleSafely, lookupQuickly, publishHome, type SlackContext } from './slack-context.js';
import { openLogModal } from './handle-slash-command.js';
import { isDirectChannel, structuredRequest, tenantOf, textRequest } from './to-command-request.js';
import { within } from '../within.js';

const TIMED_OUT = Symbol('timed out');
/** Every button the app renders has an action id of this form (render-reply, app-home). */
const ACTION_PREFIX = 'ceu:';

export function handleInteractions(app: App, ctx: SlackContext): void {
  // Every click is acked, ours or not: a button of an older version of the app left in a channel
  // would otherwise get Bolt's 404 after 3 s and a warning sign in Slack.
  app.action<BlockButtonAction>({ type: 'block_actions' }, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    if (!action.action_id.startsWith(ACTION_PREFIX)) return;
    const tenantId = tenantOf(context);
    // One click of one person on one button of one message: another member's click is theirs. The
    // button is its action and its command: a message can hold two Snooze buttons (the reminders a
    // member missed, shown together), one per credential.
    const where = body.container.message_ts ?? body.view?.id ?? action.action_ts;
    if (action.value === 'log') {
      // trigger_id lives 3 s: the form opens before anything else runs; the member only sets the date picker's default.
      const user = await lookupQuickly(ctx, body.user.id, 300);
      // App Home's button opens a form like `/ceu log`, keyed by its own view: the Home view's id
      // outlives publishes, so keyed by the button, two like activities of a day (two untitled
      // webinar hours) would be taken for one.
      const button = body.container.message_ts ? `${body.channel?.id ?? ''}:${where}:${action.action_id}` : undefined;
      if (!(await openLogModal(ctx, client, { triggerId: body.trigger_id, tenantId, userId: body.user.id, user, ...(button ? { button } : {}) }))) {
        await deliver(ctx, client, body.user.id, formUnavailable(ctx.logCommand), body.response_url ? respond : undefined);
      }
      return;
    }
    const user = await lookupQuickly(ctx, body.user.id);
    // No channel: a click in App Home, which is the member's own space.
    const isDirect = !body.channel || isDirectChannel(body.channel);
    const reply = await handleSafely(ctx, textRequest({
      tenantId, userId: body.user.id, channelId: body.channel?.id ?? body.user.id, isDirect, text: action.value ?? 'help', user,
      idempotencyKey: `action:${where}:${action.action_id}:${action.value ?? ''}:${body.user.id}`,
      // Without a response_url (App Home) the answer goes by DM.
      privateReplyMayFail: !body.response_url,
    }), user);
    // A repeated click is answered too ("Already done"), privately: otherwise it looks ignored.
    await deliver(ctx, client, body.user.id, reply, body.response_url ? respond : undefined);
    if (reply.tone === 'success') await publishHome(ctx, client, tenantId, body.user.id);
  });

  // Likewise any submitted form: a view we did not open (or no longer know) is just closed.
  app.view({ type: 'view_submission' }, async ({ ack, body, view, client, context }) => {
    if (view.callback_id !== LOG_MODAL_ID) return ack();
    const startedAt = Date.now();
    const tenantId = tenantOf(context);
    const user = await lookupQuickly(ctx, body.user.id, ctx.ackBudgetMs / 2);
    const options = readLogModal(ctx.logCommand, view.state.values as Parameters<typeof readLogModal>[1]);
    const request = structuredRequest({
      tenantId, userId: body.user.id, channelId: body.user.id, isDirect: true, user, command: 'log', options,
      // The form closes and its confirmation goes by DM.
      privateReplyMayFail: true,
    });
    const send = (idempotencyKey: string) => handleSafely(ctx, { ...request, idempotencyKey });
    // A form `/ceu log` opened is its view; the copies a button opened share one key per activity.
    const pending = view.private_metadata
      ? logOnce(ctx, request.actor, buttonFormKey(view.private_metadata, body.user.id, options, ctx.bot.today(request.actor)), send, { viewId: view.id })
      : send(`view:${view.id}`);
    // Field errors can only ride on the ack, and Slack drops an ack later than 3 s.
    const quick = await within(pending, Math.max(0, ctx.ackBudgetMs - (Date.now() - startedAt)), TIMED_OUT);
    if (quick !== TIMED_OUT && quick.problems?.length) {
      await ack({ response_action: 'errors', errors: fieldErrors(ctx.logCommand, quick.problems, options) });
      return;
    }
    // Closes the modal. A late answer, problems included, comes by DM: the form is gone by then.
    await ack();
    const reply = quick === TIMED_OUT ? await pending : quick;
    // The first submission's DM already answers the same view sent again.
    if (reply.duplicate) return;
    await deliver(ctx, client, body.user.id, reply);
    if (reply.tone === 'success') await publishHome(ctx, client, tenantId, body.user.id);
  });
}

/** In the conversation the click came from (ephemeral via response_url), else by DM. */
async function deliver(ctx: SlackContext, client: webApi.WebClient, userId: string, reply: Reply, respond?: (message: object) => Promise<unknown>): Promise<void> {
  const message = renderReply(reply);
  if (respond) {
    await callSlack(ctx, 'response_url', () => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
    return;
  }
  await callSlack(ctx, 'chat.postMessage', () => client.chat.postMessage({ channel: userId, ...message }));
}
