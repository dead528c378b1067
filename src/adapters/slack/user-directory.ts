/**
 * What Slack knows about a user that the core needs: admin (owner/admin of the workspace),
 * time zone and display name, from `users.info`, cached so a command costs no extra round trip
 * most of the time and a burst stays within the method's rate limit.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/index.js';
import { describeSlackError } from './describe-slack-error.js';

export interface SlackUser {
  isAdmin: boolean;
  timeZone?: string;
  displayName?: string;
}

const TTL_MS = 10 * 60 * 1000;

export interface UserDirectory {
  lookup(client: webApi.WebClient, userId: string): Promise<SlackUser>;
  /** The cached answer while it is fresh, at once: no call, no wait. */
  cached(userId: string): SlackUser | undefined;
}

export function createUserDirectory(logger: Logger): UserDirectory {
  const cache = new Map<string, { user: SlackUser; expiresAt: number }>();
  return {
    cached(userId) {
      const hit = cache.get(userId);
      return hit && hit.expiresAt > Date.now() ? hit.user : undefined;
    },
    async lookup(client, userId) {
      const hit = cache.get(userId);
      if (hit && hit.expiresAt > Date.now()) return hit.user;
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
        logger.warn({ userId, slackError: describeSlackError(error) }, 'users.info failed');
        return hit?.user ?? { isAdmin: false };
      }
    },
  };
}
