import type { SlackJson } from './read-request-body.js';
import type { FakeSlackUser } from './fake-slack-users.js';
import { answerViewsMethod } from './fake-slack-views.js';
import { BLOCK_KIT_LIMITS, messageProblems } from './slack-block-kit.js';
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_DOMAIN, FAKE_TEAM_ID, slackFailure as fail } from './fake-slack-team.js';

export interface FakeWebApiState {
  botToken: string;
  appToken: string;
  socketUrl: string;
  users: Map<string, FakeSlackUser>;
  nextTs(): string;
  nextViewId(): string;
  nextViewHash(): string;
  /** Notes a Block Kit limit broken (refused or cut) by a call, for the fake to report. */
  recordViolation(where: string, problems: string[]): void;
}

type Handler = (body: SlackJson, state: FakeWebApiState) => SlackJson;

const handlers: Record<string, Handler> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
    team: 'Test',
    user: 'ceu-bot',
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    is_enterprise_install: false,
  }),
  'chat.postMessage': (body, state) => {
    // Slack's own answers for a missing channel and for a message with nothing to show.
    if (!body.channel) return fail('channel_not_found');
    if (!body.text && !body.blocks && !body.attachments) return fail('no_text');
    const refused = refuseBlocks('chat.postMessage', body, state);
    if (refused) return refused;
    const ts = state.nextTs();
    return { ok: true, channel: body.channel, ts, message: botMessage(body, ts), ...truncationWarning(body) };
  },
  'chat.postEphemeral': (body, state) => {
    if (!body.channel) return fail('channel_not_found');
    if (!body.user) return fail('user_not_found');
    return refuseBlocks('chat.postEphemeral', body, state) ?? { ok: true, message_ts: state.nextTs(), ...truncationWarning(body) };
  },
  'chat.update': (body, state) => {
    if (!body.channel) return fail('channel_not_found');
    if (!body.ts) return fail('message_not_found');
    const refused = refuseBlocks('chat.update', body, state);
    if (refused) return refused;
    const message = botMessage(body, String(body.ts));
    return { ok: true, channel: body.channel, ts: body.ts, text: message.text, message, ...truncationWarning(body) };
  },
  'users.info': (body, state) => {
    const user = typeof body.user === 'string' ? state.users.get(body.user) : undefined;
    return user ? { ok: true, user } : fail('user_not_found');
  },
  'conversations.open': (body) => {
    // `users` is a comma-separated list; a DM with one member is all the bot ever opens.
    const user = typeof body.users === 'string' ? body.users.split(',')[0] : undefined;
    return user ? { ok: true, channel: { id: `D${user}` } } : fail('invalid_arguments');
  },
  'apps.connections.open': (_body, state) => ({ ok: true, url: state.socketUrl }),
};

export function answerWebApi(method: string, token: string | undefined, body: SlackJson, state: FakeWebApiState): SlackJson {
  // Socket Mode connects with the app-level token; everything else here needs the bot token.
  const expected = method === 'apps.connections.open' ? state.appToken : state.botToken;
  if (token === undefined || token === '') return fail('not_authed');
  if (token !== expected) return fail('invalid_auth');
  const handler = handlers[method];
  if (handler) return handler(body, state);
  return answerViewsMethod(method, body, state) ?? fail('unknown_method');
}

/**
 * Slack's answer to blocks that break a limit: HTTP 200, `invalid_blocks`, one line per problem
 * (seen in the wild: `errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]']`).
 */
export function invalidBlocks(errors: string[]): SlackJson {
  return { ok: false, error: 'invalid_blocks', errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } };
}

function refuseBlocks(method: string, body: SlackJson, state: FakeWebApiState): SlackJson | undefined {
  const { errors, warnings } = messageProblems(body);
  if (errors.length + warnings.length > 0) state.recordViolation(method, [...errors, ...warnings]);
  return errors.length > 0 ? invalidBlocks(errors) : undefined;
}

/** Too long a `text` is cut and still posted, with this warning (api.slack.com/changelog/2018-04-truncating-really-long-messages). */
function truncationWarning(body: SlackJson): SlackJson {
  if (typeof body.text !== 'string' || body.text.length <= BLOCK_KIT_LIMITS.messageText) return {};
  return {
    response_metadata: {
      messages: ['[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.'],
      warnings: ['message_truncated'],
    },
  };
}

function botMessage(body: SlackJson, ts: string): SlackJson {
  return {
    type: 'message',
    text: typeof body.text === 'string' ? body.text.slice(0, BLOCK_KIT_LIMITS.messageText) : '',
    user: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    app_id: FAKE_APP_ID,
    team: FAKE_TEAM_ID,
    ts,
    ...(body.blocks === undefined ? {} : { blocks: body.blocks }),
    ...(body.thread_ts === undefined ? {} : { thread_ts: body.thread_ts }),
  };
}
