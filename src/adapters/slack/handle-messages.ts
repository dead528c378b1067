/**
 * Mentions and DMs understand the same commands and plain questions. Bolt acks Events API
 * requests itself; Slack retries an event it thinks was lost, so the event id is the request's
 * idempotency key and a repeat is answered by silence.
 */
import type { App, types, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { renderReply } from './render-reply.js';
import { callSlack, handleSafely, lookupQuickly, publishHome, type SlackContext } from './slack-context.js';
import { withoutMention } from '../format.js';
import { fromSlackText } from './from-slack-text.js';
import { FROM_ANOTHER_ORG, isFromAnotherOrg } from './from-another-org.js';
import { isDirectChannel, tenantOf, textRequest } from './to-command-request.js';

interface Incoming {
  tenantId: string;
  userId: string;
  channelId: string;
  isDirect: boolean;
  text: string;
  eventId: string | undefined;
  threadTs: string | undefined;
  /** A file shared with the message (a certificate): kept with the activity a `log` records. */
  attachment?: { url: string; name: string };
  /** Someone of another organisation, in a Slack Connect conversation: answered, never run. */
  fromAnotherOrg: boolean;
}

/**
 * One listener for all three: Bolt runs every listener's filters on every request, slash commands
 * included, and each listener costs each request a few microseconds (more on a cold CPU cache).
 */
const EVENT_TYPES = /^(?:app_mention|message|app_home_opened)$/;

/**
 * A person's own words come with these subtypes too: a file (a certificate) shared with a comment,
 * a thread reply also sent to the DM, `/me`. Every other subtype is Slack's or an app's doing.
 * Another app's message carries `bot_id` and is never answered, so two bots cannot talk in a loop
 * (Bolt already drops the bot's own).
 */
const PERSON_SUBTYPES = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast', 'me_message']);
type PersonMessage = types.GenericMessageEvent | types.FileShareMessageEvent | types.ThreadBroadcastMessageEvent | types.MeMessageEvent;

function isFromPerson(event: types.MessageEvent): event is PersonMessage {
  return PERSON_SUBTYPES.has(event.subtype) && 'user' in event && Boolean(event.user) && !('bot_id' in event && event.bot_id);
}

export function handleMessages(app: App, ctx: SlackContext): void {
  app.event(EVENT_TYPES, async ({ event, body, client, context }) => {
    switch (event.type) {
      case 'app_mention':
        // An edited mention comes again as a new event for the same message: ignored, like an edit in
        // a DM (message_changed), or a command would run twice. A mention in the bot's DM also comes
        // as a DM message, which is the one answered.
        if (!event.user || event.bot_id || event.edited || isDirectChannel({ id: event.channel })) return;
        await answer(ctx, client, {
          tenantId: tenantOf(context), userId: event.user, channelId: event.channel, isDirect: false,
          text: fromSlackText(withoutMention(event.text, context.botUserId)), eventId: body.event_id, threadTs: event.thread_ts ?? event.ts,
          fromAnotherOrg: isFromAnotherOrg(context, body.is_ext_shared_channel, event.user_team ?? event.team),
        });
        return;
      case 'message':
        // Only people writing to the bot in its DM: not edits, joins, bots, or channel chatter.
        if (event.channel_type !== 'im' || !isFromPerson(event)) return;
        await answer(ctx, client, {
          tenantId: tenantOf(context), userId: event.user, channelId: event.channel, isDirect: true,
          text: fromSlackText(withoutMention(event.text ?? '', context.botUserId)), eventId: body.event_id, threadTs: 'thread_ts' in event ? event.thread_ts : undefined,
          fromAnotherOrg: isFromAnotherOrg(context, body.is_ext_shared_channel, senderTeam(event)),
          ...sharedFile(event),
        });
        return;
      case 'app_home_opened':
        if (event.tab !== 'home') return;
        await publishHome(ctx, client, tenantOf(context), event.user);
    }
  });
}

/** The sender's workspace: Slack names it on each message in a shared conversation. */
function senderTeam(event: PersonMessage): string | undefined {
  const { user_team: userTeam, team } = event as { user_team?: string; team?: string };
  return userTeam ?? team;
}

/**
 * The first file of a file_share, by its permalink: the link a colleague (an auditor) with access
 * to the conversation opens in Slack. The file stays in Slack, as a Discord attachment stays there.
 */
function sharedFile(event: PersonMessage): { attachment?: { url: string; name: string } } {
  const file = 'files' in event ? event.files?.[0] : undefined;
  const url = file?.permalink ?? file?.url_private;
  return file && url ? { attachment: { url, name: file.name ?? file.title ?? 'certificate' } } : {};
}

async function answer(ctx: SlackContext, client: webApi.WebClient, m: Incoming): Promise<void> {
  if (m.fromAnotherOrg) return post(ctx, client, m, FROM_ANOTHER_ORG);
  const user = await lookupQuickly(ctx, m.userId);
  const reply = await handleSafely(ctx, textRequest({
    // A file alone is for the core to answer (how to log it); no words and no file is a call for help.
    tenantId: m.tenantId, userId: m.userId, channelId: m.channelId, isDirect: m.isDirect, text: m.text || (m.attachment ? '' : 'help'), user,
    ...(m.eventId ? { idempotencyKey: `event:${m.eventId}` } : {}),
    ...(m.attachment ? { attachment: m.attachment } : {}),
  }), user);
  if (reply.duplicate) return;
  await post(ctx, client, m, reply);
  if (reply.tone === 'success') await publishHome(ctx, client, m.tenantId, m.userId);
}

async function post(ctx: SlackContext, client: webApi.WebClient, m: Incoming, reply: Reply): Promise<void> {
  const thread = m.threadTs ? { thread_ts: m.threadTs } : {};
  if (!m.isDirect && reply.visibility === 'private') {
    // Someone's progress is theirs: in a channel it is shown to them alone, in the thread asked.
    await callSlack(ctx, 'chat.postEphemeral', () => client.chat.postEphemeral({ channel: m.channelId, user: m.userId, ...thread, ...renderReply(reply) }));
  } else {
    await callSlack(ctx, 'chat.postMessage', () => client.chat.postMessage({ channel: m.channelId, ...thread, ...renderReply(reply) }));
  }
}
