/** What every Discord listener shares, and the one place unexpected failures are caught. */
import type { Bot, CommandRequest, Logger, Reply } from '../../core/index.js';
import { handleSafely as handleSafelyIn } from '../handle-safely.js';

export interface DiscordContext {
  bot: Bot;
  logger: Logger;
  /** How long an interaction may wait for the core before it is deferred (Discord allows 3 s). */
  deferAfterMs: number;
}

export { FAILED } from '../handle-safely.js';

/** The core's answer, or the private failure reply when it throws. */
export function handleSafely(ctx: DiscordContext, request: CommandRequest): Promise<Reply> {
  return handleSafelyIn(ctx.bot, ctx.logger, request);
}

/** A REST failure as loggable facts (status, Discord's code, message), never the request with its token. */
export function describeError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as { status?: number; code?: number | string; message?: string; method?: string; url?: string };
  return {
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.method ? { method: e.method } : {}),
    ...(e.url ? { url: e.url.replace(/\/interactions\/(\d+)\/[^/]+/, '/interactions/$1/[token]').replace(/\/webhooks\/(\d+)\/[^/]+/, '/webhooks/$1/[token]') } : {}),
    ...(e.message ? { message: e.message } : {}),
  };
}
