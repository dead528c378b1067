import appMentionFixture from './fixtures/slack/app-mention.json' with { type: 'json' };
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack-team.js';
import { mergeOverrides, type Overrides } from './merge-overrides.js';
import { nextSlackPayloadIds } from './slack-payload-ids.js';

type EnvelopeFixture = typeof appMentionFixture;
export type SlackEventEnvelope<E> = Omit<EnvelopeFixture, 'event'> & { event: E };
export type AppMentionEvent = Omit<EnvelopeFixture['event'], 'blocks'> & { blocks: unknown[] };

export interface DirectMessageEvent {
  type: 'message';
  channel_type: 'im';
  user: string;
  text: string;
  ts: string;
  event_ts: string;
  channel: string;
  client_msg_id: string;
  team: string;
  blocks: unknown[];
}

export interface AppHomeOpenedEvent {
  type: 'app_home_opened';
  user: string;
  channel: string;
  tab: 'home' | 'messages';
  event_ts: string;
}

/** An `event_callback` for "@ceu-bot <text>" in a channel, as the Events API delivers it. */
export function makeAppMentionEvent(text: string, overrides: Overrides<SlackEventEnvelope<AppMentionEvent>> = {}): SlackEventEnvelope<AppMentionEvent> {
  const ids = nextSlackPayloadIds();
  const event = { ...appMentionFixture.event, text: `<@${FAKE_BOT_USER_ID}> ${text}`, blocks: richText(text, true), client_msg_id: ids.clientMsgId };
  return envelope({ ...event, ts: ids.ts, event_ts: ids.ts }, ids, overrides);
}

/** A member's message in their DM with the bot: no mention, `channel_type: 'im'`. */
export function makeDirectMessageEvent(text: string, overrides: Overrides<SlackEventEnvelope<DirectMessageEvent>> = {}): SlackEventEnvelope<DirectMessageEvent> {
  const ids = nextSlackPayloadIds();
  const user = typeof overrides.event?.user === 'string' ? overrides.event.user : 'U0001';
  const event: DirectMessageEvent = {
    type: 'message',
    channel_type: 'im',
    user,
    text,
    ts: ids.ts,
    event_ts: ids.ts,
    channel: `D${user}`,
    client_msg_id: ids.clientMsgId,
    team: FAKE_TEAM_ID,
    blocks: richText(text, false),
  };
  return envelope(event, ids, overrides);
}

/** Sent each time a member opens the bot's Home tab; the app answers with `views.publish`. */
export function makeAppHomeOpenedEvent(user: string, overrides: Overrides<SlackEventEnvelope<AppHomeOpenedEvent>> = {}): SlackEventEnvelope<AppHomeOpenedEvent> {
  const ids = nextSlackPayloadIds();
  const event: AppHomeOpenedEvent = { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: ids.ts };
  return envelope(event, ids, overrides);
}

function envelope<E extends { event_ts: string }>(
  event: E,
  ids: ReturnType<typeof nextSlackPayloadIds>,
  overrides: Overrides<SlackEventEnvelope<E>>,
): SlackEventEnvelope<E> {
  const base: SlackEventEnvelope<E> = { ...structuredClone(appMentionFixture), event_id: ids.eventId, event_time: ids.eventTime, event };
  const merged = mergeOverrides(base, overrides);
  // Slack sets a message's event_ts to its ts; keep them together when a test moves ts.
  const ts = (overrides.event as { ts?: unknown } | undefined)?.ts;
  if (typeof ts === 'string' && overrides.event?.event_ts === undefined) merged.event = { ...merged.event, event_ts: ts };
  return merged;
}

/** Slack mirrors message text as rich_text blocks; a mention arrives as a `user` element. */
function richText(text: string, mentionsBot: boolean): unknown[] {
  const elements = mentionsBot ? [{ type: 'user', user_id: FAKE_BOT_USER_ID }, { type: 'text', text: ` ${text}` }] : [{ type: 'text', text }];
  return [{ type: 'rich_text', block_id: 'rt0', elements: [{ type: 'rich_text_section', elements }] }];
}
