/** What every Discord listener shares, and the one place unexpected failures are caught. */
import type { Bot, CommandRequest, Logger, Reply } from '../../core/index.js';

export interface DiscordContext {
  bot: Bot;
  logger: Logger;
  /** How long an interaction may wait for the core before it is deferred (Discord allows 3 s). */
  deferAfterMs: number;
}

export const FAILED: Reply = { visibility: 'private', tone: 'error', blocks: [{ kind: 'paragraph', text: 'Something went wrong; nothing was saved.' }] };

export async function handleSafely(ctx: DiscordContext, request: CommandRequest): Promise<Reply> {
  try {
    return await ctx.bot.handle(request);
  } catch (error) {
    ctx.logger.error({ err: describeError(error), platform: 'discord', tenantId: request.actor.tenantId, userId: request.actor.userId }, 'command failed');
    return FAILED;
  }
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

export function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, () => {
      clearTimeout(timer);
      resolve(fallback);
    });
  });
}
