/** Mentions of the bot in a server, and DMs to it: the same commands and plain questions. */
import type { Message } from 'discord.js';
import { describeError, handleSafely, type DiscordContext } from './discord-context.js';
import { renderReply } from './render-reply.js';
import { withoutMention } from '../format.js';
import { textRequest } from './to-command-request.js';

export async function handleMessage(ctx: DiscordContext, message: Message, botId: string): Promise<void> {
  if (message.author.bot) return;
  const isDirect = !message.guildId;
  if (!isDirect && !message.mentions.users.has(botId)) return;
  const text = withoutMention(message.content, botId) || 'help';
  const reply = await handleSafely(ctx, textRequest(message, text, `message:${message.id}`));
  if (reply.duplicate) return;
  const { flags: _, ...rendered } = renderReply(reply); // a message reply cannot be ephemeral
  try {
    await message.reply({ ...rendered, allowedMentions: { repliedUser: false } });
  } catch (error) {
    ctx.logger.warn({ err: describeError(error), channelId: message.channelId }, 'Discord: reply to a message failed');
  }
}
