/**
 * What Slack knows about a user that the core needs: admin (owner/admin of the workspace),
 * time zone and display name, from `users.info`, cached so a command costs no extra round trip
 * most of the time and a burst stays within the method's rate limit.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/index.js';
import { describeSlackError } from './describe-slack-error.js';

export interface SlackUser {
  isAdmin: boolean;
  timeZone?: string;
  displayName?: string;
  /** Slack has not said (users.info failed, or had not answered in time): `isAdmin` is only a guess. */
  roleUnknown?: true;
}

/** Who someone is taken for while Slack has not said: a member, whose admin role is unknown. */
export const UNKNOWN_USER: SlackUser = { isAdmin: false, roleUnknown: true };

const TTL_MS = 10 * 60 * 1000;
/** Lookups of one user this close together share one call (a command and the App Home refresh after it). */
const SHARE_MS = 500;
/** A users.info call that has not answered by then is given up (the command went on without it long before). */
const CALL_TIMEOUT_MS = 10_000;
/** A failed lookup is not repeated for this long (or for Slack's Retry-After): one warning, not one per call. */
const FAILED_TTL_MS = 60 * 1000;

export interface UserDirectory {
  lookup(userId: string): Promise<SlackUser>;
  /** The cached answer while it is fresh, at once: no call, no wait. */
  cached(userId: string): SlackUser | undefined;
}

/**
 * `client` must reject a rate-limited call (`rejectRateLimitedCalls`): a client that waits one out
 * pauses all its calls for Retry-After, and a users.info 429 would then hold back replies and
 * `views.open`, whose trigger id lives 3 s. So the directory does not share Bolt's client.
 */
export function createUserDirectory(logger: Logger, client: webApi.WebClient): UserDirectory {
  const cache = new Map<string, { user: SlackUser; expiresAt: number }>();
  // A command's own lookup and the App Home refresh after it ask for the same user: one call. A
  // later command does not wait on a call that has hung (a dead socket): it asks again.
  const pending = new Map<string, { asking: Promise<SlackUser>; since: number }>();
  const cached = (userId: string): SlackUser | undefined => {
    const hit = cache.get(userId);
    return hit && hit.expiresAt > Date.now() ? hit.user : undefined;
  };

  async function ask(userId: string): Promise<SlackUser> {
    try {
      const { user } = await client.users.info({ user: userId });
      const found: SlackUser = {
        isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        ...(user?.tz ? { timeZone: user.tz } : {}),
        ...(user?.profile?.display_name || user?.real_name ? { displayName: user?.profile?.display_name || user?.real_name } : {}),
      };
      cache.set(userId, { user: found, expiresAt: Date.now() + TTL_MS });
      return found;
    } catch (error) {
      // Not knowing someone's zone or role must not block their command: act as a member.
      const facts = describeSlackError(error);
      logger.warn({ userId, slackError: facts }, 'users.info failed');
      const fallback = cache.get(userId)?.user ?? UNKNOWN_USER;
      cache.set(userId, { user: fallback, expiresAt: Date.now() + (facts.retryAfterSeconds !== undefined ? facts.retryAfterSeconds * 1000 : FAILED_TTL_MS) });
      return fallback;
    }
  }

  return {
    cached,
    lookup(userId) {
      const known = cached(userId);
      if (known) return Promise.resolve(known);
      const now = Date.now();
      const shared = pending.get(userId);
      if (shared && now - shared.since < SHARE_MS) return shared.asking;
      const entry = { asking: ask(userId), since: now };
      entry.asking.finally(() => {
        if (pending.get(userId) === entry) pending.delete(userId);
      }).catch(() => undefined);
      pending.set(userId, entry);
      return entry.asking;
    },
  };
}

/** A Web API client for users.info alone: a 429 comes back at once instead of pausing the client. */
export function createDirectoryClient(botToken: string, clientOptions: webApi.WebClientOptions): webApi.WebClient {
  return new webApi.WebClient(botToken, { ...clientOptions, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: CALL_TIMEOUT_MS });
}
