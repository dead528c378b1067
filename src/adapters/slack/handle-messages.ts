/**
 * Mentions and DMs understand the same commands and plain questions. Bolt acks Events API
 * requests itself; Slack retries an event it thinks was lost, so the event id is the request's
 * idempotency key and a repeat is answered by silence.
 */
import type { App, webApi } from '@slack/bolt';
import { renderReply } from './render-reply.js';
import { callSlack, handleSafely, lookupQuickly, publishHome, type SlackContext } from './slack-context.js';
import { withoutMention } from '../format.js';
import { tenantOf, textRequest } from './to-command-request.js';

interface Incoming {
  tenantId: string;
  userId: string;
  channelId: string;
  isDirect: boolean;
  text: string;
  eventId: string | undefined;
  threadTs: string | undefined;
}

/**
 * One listener for all three: Bolt runs every listener's filters on every request, slash commands
 * included, and each listener costs each request a few microseconds (more on a cold CPU cache).
 */
const EVENT_TYPES = /^(?:app_mention|message|app_home_opened)$/;

export function handleMessages(app: App, ctx: SlackContext): void {
  app.event(EVENT_TYPES, async ({ event, body, client, context }) => {
    switch (event.type) {
      case 'app_mention':
        if (!event.user) return;
        await answer(ctx, client, {
          tenantId: tenantOf(context), userId: event.user, channelId: event.channel, isDirect: false,
          text: withoutMention(event.text, context.botUserId), eventId: body.event_id, threadTs: event.thread_ts ?? event.ts,
        });
        return;
      case 'message':
        // Only people writing to the bot in its DM: not edits, joins, bots, or channel chatter.
        if (event.channel_type !== 'im' || event.subtype !== undefined || !('user' in event) || !event.user) return;
        await answer(ctx, client, {
          tenantId: tenantOf(context), userId: event.user, channelId: event.channel, isDirect: true,
          text: withoutMention(event.text ?? '', context.botUserId), eventId: body.event_id, threadTs: event.thread_ts,
        });
        return;
      case 'app_home_opened':
        if (event.tab !== 'home') return;
        await publishHome(ctx, client, tenantOf(context), event.user);
    }
  });
}

async function answer(ctx: SlackContext, client: webApi.WebClient, m: Incoming): Promise<void> {
  const user = await lookupQuickly(ctx, client, m.userId);
  const reply = await handleSafely(ctx, textRequest({
    tenantId: m.tenantId, userId: m.userId, channelId: m.channelId, isDirect: m.isDirect, text: m.text || 'help', user,
    ...(m.eventId ? { idempotencyKey: `event:${m.eventId}` } : {}),
  }));
  if (reply.duplicate) return;
  const thread = m.threadTs ? { thread_ts: m.threadTs } : {};
  if (!m.isDirect && reply.visibility === 'private') {
    // Someone's progress is theirs: in a channel it is shown to them alone, in the thread asked.
    await callSlack(ctx, 'chat.postEphemeral', () => client.chat.postEphemeral({ channel: m.channelId, user: m.userId, ...thread, ...renderReply(reply) }));
  } else {
    await callSlack(ctx, 'chat.postMessage', () => client.chat.postMessage({ channel: m.channelId, ...thread, ...renderReply(reply) }));
  }
  if (reply.tone === 'success') await publishHome(ctx, client, m.tenantId, m.userId);
}
