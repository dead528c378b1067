/**
 * Buttons and the log modal. A click is keyed by the message, the button and the person, and a
 * form by its view id, so a double click or a resubmitted form changes data once (a form the core
 * refused can be corrected and sent again).
 */
import type { App, BlockButtonAction, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { fieldErrors, LOG_MODAL_ID, readLogModal } from './log-modal.js';
import { renderReply } from './render-reply.js';
import { callSlack, handleSafely, lookupQuickly, publishHome, type SlackContext } from './slack-context.js';
import { openLogModal } from './handle-slash-command.js';
import { structuredRequest, tenantOf, textRequest } from './to-command-request.js';

export function handleInteractions(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(/^ceu:/, async ({ ack, body, action, client, respond }) => {
    await ack();
    const tenantId = tenantOf({ team_id: body.team?.id, enterprise_id: body.enterprise?.id, is_enterprise_install: body.is_enterprise_install });
    if (action.value === 'log') {
      // trigger_id lives 3 s: open the form first; the zone only sets the date picker's default.
      const known = await lookupQuickly(ctx, client, body.user.id, 300);
      await openLogModal(ctx, client, body.trigger_id, known.timeZone);
      return;
    }
    const user = await lookupQuickly(ctx, client, body.user.id);
    // One click of one person on one button of one message: another member's click is theirs.
    const where = body.container.message_ts ?? body.view?.id ?? action.action_ts;
    const reply = await handleSafely(ctx, textRequest({
      tenantId, userId: body.user.id, channelId: body.channel?.id ?? body.user.id, isDirect: !body.channel, text: action.value ?? 'help', user,
      idempotencyKey: `action:${where}:${action.action_id}:${body.user.id}`,
    }));
    if (reply.duplicate) return;
    await deliver(ctx, client, body.user.id, reply, body.response_url ? respond : undefined);
    if (reply.tone === 'success') await publishHome(ctx, client, tenantId, body.user.id);
  });

  app.view(LOG_MODAL_ID, async ({ ack, body, view, client }) => {
    const tenantId = tenantOf({ team_id: body.team?.id, enterprise_id: body.enterprise?.id, is_enterprise_install: body.is_enterprise_install });
    const user = await lookupQuickly(ctx, client, body.user.id);
    const options = readLogModal(ctx.logCommand, view.state.values as Parameters<typeof readLogModal>[1]);
    const reply = await handleSafely(ctx, structuredRequest({
      tenantId, userId: body.user.id, channelId: body.user.id, isDirect: true, user, command: 'log', options,
      idempotencyKey: `view:${view.id}`,
    }));
    if (reply.problems?.length) {
      await ack({ response_action: 'errors', errors: fieldErrors(ctx.logCommand, reply.problems) });
      return;
    }
    await ack();
    if (reply.duplicate) return;
    await deliver(ctx, client, body.user.id, reply);
    await publishHome(ctx, client, tenantId, body.user.id);
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
