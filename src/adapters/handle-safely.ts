/**
 * The one place per adapter where the unexpected is caught: the core never rejects for bad input,
 * so anything it throws is a bug or an outage. Log it with context (never tokens), answer privately.
 */
import type { Bot, CommandRequest, Logger, Reply } from '../core/index.js';

export const FAILED: Reply = {
  visibility: 'private',
  tone: 'error',
  blocks: [{ kind: 'paragraph', text: 'Something went wrong; nothing was saved.' }],
};

export async function handleSafely(bot: Bot, logger: Logger, request: CommandRequest): Promise<Reply> {
  try {
    return await bot.handle(request);
  } catch (error) {
    const err = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
    logger.error({ err, platform: request.actor.platform, tenantId: request.actor.tenantId, userId: request.actor.userId }, 'command failed');
    return FAILED;
  }
}
