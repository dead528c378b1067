/** What every Slack listener shares: the core, a clock, the user directory and a safe handle. */
import type { webApi } from '@slack/bolt';
import type { Bot, Clock, CommandDeclaration, CommandRequest, Logger, Reply } from '../../core/index.js';
import { describeSlackError } from './describe-slack-error.js';
import { handleSafely as handleSafelyIn } from '../handle-safely.js';
import { homeView } from './app-home.js';
import { textRequest } from './to-command-request.js';
import { UNKNOWN_USER, type SlackUser, type UserDirectory } from './user-directory.js';
import { within } from '../within.js';

export interface SlackContext {
  bot: Bot;
  clock: Clock;
  logger: Logger;
  directory: UserDirectory;
  logCommand: CommandDeclaration;
  /** How long a slash command may wait for the core before acking and answering via response_url. */
  ackBudgetMs: number;
}

/**
 * The core's answer, or the private failure reply when it throws. `user`: who Slack said sent it;
 * when Slack has not said whether they are a workspace admin, an admin command the core refused
 * for want of the role is not answered "for admins" (they may well be one) but "try again".
 */
export async function handleSafely(ctx: SlackContext, request: CommandRequest, user?: SlackUser): Promise<Reply> {
  const reply = await handleSafelyIn(ctx.bot, ctx.logger, request);
  return user?.roleUnknown && reply.problems?.some((p) => p.code === 'admin-only') ? ROLE_UNKNOWN : reply;
}

const ROLE_UNKNOWN: Reply = {
  visibility: 'private',
  tone: 'error',
  blocks: [{ kind: 'paragraph', text: 'Slack did not say just now whether you are an admin of this workspace; try again in a minute.' }],
  problems: [{ code: 'admin-role-unknown', message: 'Slack did not say whether the sender is a workspace admin.' }],
};

/** A Web API call whose failure (rate limit, ok:false) is logged, never thrown into Bolt. */
export async function callSlack<T>(ctx: SlackContext, what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    ctx.logger.warn({ slackError: describeSlackError(error), call: what }, 'Slack Web API call failed');
    return undefined;
  }
}

/** Slack's view of the user, waited for at most `ms`: a slow users.info must not cost the 3-second ack. */
export function lookupQuickly(ctx: SlackContext, userId: string, ms = 500): Promise<SlackUser> {
  // Most commands come from someone already cached: no timer to arm for them.
  const known = ctx.directory.cached(userId);
  if (known) return Promise.resolve(known);
  return within<SlackUser, SlackUser>(ctx.directory.lookup(userId), ms, UNKNOWN_USER);
}

/**
 * Today where the member is, for the log form's date picker: the core's, which puts the member's
 * own `settings tz` before the zone Slack reports, as a `log` with no date does (a date a day
 * ahead of the member's would be refused as in the future).
 */
export function todayFor(ctx: SlackContext, tenantId: string, userId: string, user: SlackUser): string {
  return ctx.bot.today(textRequest({ tenantId, userId, channelId: userId, isDirect: true, text: '', user }).actor);
}

/**
 * Re-renders the member's App Home (after every change, and when they open it). Reminders a
 * member missed by DM are not shown there: a refresh they may never look at would mark them seen.
 */
export async function publishHome(ctx: SlackContext, client: webApi.WebClient, tenantId: string, userId: string): Promise<void> {
  const user = await ctx.directory.lookup(userId);
  const status = await handleSafely(ctx, textRequest({ tenantId, userId, channelId: `home:${userId}`, isDirect: true, text: 'status', user, privateReplyMayFail: true }));
  await callSlack(ctx, 'views.publish', () => client.views.publish({ user_id: userId, view: homeView(status) }));
}
