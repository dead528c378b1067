/**
 * Delivers planned messages with chat.postMessage: a DM is posted to the member's user id (Slack
 * puts it in the app's DM with them), a channel post to the channel id. The Web API client here
 * neither retries nor queues a rate-limited call: a 429's Retry-After goes back to the drainer,
 * which owns pacing and retries.
 */
import { webApi } from '@slack/bolt';
import type { DeliveryResult, Logger, Notifier, OutboxMessage } from '../../core/index.js';
import { boltLogger } from './bolt-logger.js';
import { describeSlackError } from './describe-slack-error.js';
import { renderReply } from './render-reply.js';

export interface SlackNotifierOptions {
  botToken: string;
  apiUrl?: string;
  logger: Logger;
  /** Replaces SLACK_LIMITS (benchmarks against the fake). */
  limits?: Notifier['limits'];
}

/**
 * chat.postMessage is in Slack's "special" tier: "generally one message per second per channel",
 * with short bursts tolerated, "while also maintaining a workspace-wide limit" that Slack does not
 * publish (docs.slack.dev/apis/web-api/rate-limits). Per channel we keep to 1/s; workspace-wide we
 * assume Tier 4's floor, 100 a minute, in windows of 20 per 12 s so bursts stay small. A 429 from
 * Slack still pauses everything for its Retry-After.
 */
export const SLACK_LIMITS: Notifier['limits'] = {
  global: { count: 20, perMs: 12_000 },
  perTarget: { count: 1, perMs: 1000 },
};

/**
 * The recipient cannot be reached there: the user or channel is unknown, gone or closed to the bot
 * (Slack's chat.postMessage error list). A DM failing so marks its member unreachable.
 */
const UNREACHABLE = new Set([
  'channel_not_found', 'is_archived', 'user_not_found', 'cannot_dm_bot', 'messages_tab_disabled', 'user_disabled',
]);

/**
 * A channel post the bot may not make, for a reason an admin fixes in the channel (invite the bot,
 * let it post there, unarchive it) or by picking another: the admin who chose the channel is told.
 */
const CHANNEL_CLOSED = new Set([
  ...UNREACHABLE, 'not_in_channel', 'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel',
]);

/**
 * Every error no retry can fix: those above, and the ones that are not the recipient's (workspace
 * policy, the bot's permissions, the message itself), given up without blaming the member.
 */
const PERMANENT = new Set([
  ...UNREACHABLE, 'not_in_channel', 'restricted_action', 'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel', 'restricted_action_non_threadable_channel', 'ekm_access_denied',
  'no_permission', 'msg_too_long', 'no_text', 'invalid_blocks', 'invalid_blocks_format',
  'too_many_attachments', 'invalid_arguments',
]);

export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logger: boltLogger(options.logger),
  });
  return {
    platform: 'slack',
    limits: options.limits ?? SLACK_LIMITS,
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      const channel = message.target.kind === 'direct' ? message.target.userId : message.target.channelId;
      const { text, blocks } = renderReply(message.reply);
      try {
        await client.chat.postMessage({ channel, text, blocks });
        return { ok: true };
      } catch (error) {
        return classify(error, message.target.kind === 'channel');
      }
    },
  };
}

/** A Web API failure as a delivery result; never the error itself, whose request can carry the token. */
/**
 * The bot's own token or install refused: no recipient is at fault, so nothing is marked
 * undeliverable; Slack is paused and tried again until someone fixes the install. (For a bot token,
 * `account_inactive` means the bot's user or workspace was deleted, not the recipient.)
 */
const INSTALL_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'org_login_required', 'team_access_not_granted', 'missing_scope', 'account_inactive']);
export const INSTALL_RETRY_MS = 15 * 60_000;

export function classify(error: unknown, channelPost = false): DeliveryResult {
  const facts = describeSlackError(error);
  if (facts.code === webApi.ErrorCode.RateLimitedError) {
    // Slack does not say whether the channel or the workspace is limited: pause the workspace.
    return { ok: false, permanent: false, reason: 'ratelimited', retryAfterMs: (facts.retryAfterSeconds ?? 1) * 1000, scope: 'global' };
  }
  if (facts.code === webApi.ErrorCode.PlatformError && facts.error && INSTALL_ERRORS.has(facts.error)) {
    return { ok: false, permanent: false, reason: `Slack refused the bot token (${facts.error}); check the install`, retryAfterMs: INSTALL_RETRY_MS, scope: 'global' };
  }
  if (facts.code === webApi.ErrorCode.PlatformError && facts.error) {
    if ((channelPost ? CHANNEL_CLOSED : UNREACHABLE).has(facts.error)) return { ok: false, permanent: true, unreachable: true, reason: facts.error };
    return { ok: false, permanent: PERMANENT.has(facts.error), reason: facts.error };
  }
  return { ok: false, permanent: false, reason: facts.error ?? facts.message ?? facts.code ?? 'unknown failure' };
}
