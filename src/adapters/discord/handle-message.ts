/**
 * Mentions of the bot in a server (typed, not a reply to it), and DMs to it: the same commands and plain questions. A
 * member's progress is theirs: asked in a channel, the answer goes to them by DM, and the channel
 * only hears that it did (or, when their DMs are closed, how to ask privately).
 */
import type { Message } from 'discord.js';
import { withoutMention } from '../format.js';
import { rowsWithGuild } from './button-id.js';
import { describeError, handleSafely, type DiscordContext } from './discord-context.js';
import { renderReply } from './render-reply.js';
import { textRequest } from './to-command-request.js';

export async function handleMessage(ctx: DiscordContext, message: Message, botId: string): Promise<void> {
  // Never another bot (no bot loops), nor a system message ("pinned a message"), which has no text.
  if (message.author.bot || message.system) return;
  const { guildId } = message;
  const isDirect = !guildId;
  // Typing @ceu-bot, Discord offers the bot and the role it was given on joining, under one name.
  const roleId = message.guild?.roles.botRoleFor(botId)?.id;
  if (!isDirect && !namesBot(message.content, botId, roleId)) return;
  const content = roleId ? message.content.replaceAll(`<@&${roleId}>`, ' ') : message.content;
  // A file sent with the words (a certificate) is kept with the activity a `log` records; a file
  // alone is for the core to answer (how to log it); no words and no file is a call for help.
  const file = message.attachments.first();
  // The message's own link, not the file's: Discord's file links are signed and expire within a
  // day or so, while the message (and the file in it) stays where the member sent it.
  const attachment = file ? { attachment: { url: message.url, name: file.name } } : {};
  const text = withoutMention(content, botId) || (file ? '' : 'help');
  // Asked in a channel, a private answer goes by DM, which closed DMs refuse: the core then keeps
  // undelivered reminders for a reply sure to arrive (a slash command's) instead of losing them here.
  const reply = await handleSafely(ctx, { ...textRequest(message, text, `message:${message.id}`), ...attachment, privateReplyMayFail: !isDirect });
  if (reply.duplicate) return;
  const { flags: _, ...rendered } = renderReply(reply); // messages cannot be ephemeral
  try {
    if (!guildId || reply.visibility === 'public') {
      await message.reply({ ...rendered, allowedMentions: { repliedUser: false } });
      return;
    }
    // In the DM, a click carries no server: the buttons name the one the member asked in.
    const dm = { ...rendered, components: rowsWithGuild(rendered.components, guildId) };
    const delivered = await message.author.send(dm).then(() => true, (error: unknown) => {
      ctx.logger.warn({ err: describeError(error), userId: message.author.id }, 'Discord: DM refused');
      return false;
    });
    const notice = delivered ? 'I sent you the answer by DM.' : 'Your DMs are closed, so use `/ceu` here for an answer only you can see.';
    await message.reply({ content: notice, allowedMentions: { repliedUser: false } });
  } catch (error) {
    ctx.logger.warn({ err: describeError(error), channelId: message.channelId }, 'Discord: reply to a message failed');
  }
}

/**
 * Whether the text itself mentions the bot. Not `message.mentions.users`: Discord lists there the
 * author of a message replied to, so a "thanks!" replying to the bot's notice would be a command.
 */
function namesBot(content: string, botId: string, roleId: string | undefined): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`) || (roleId !== undefined && content.includes(`<@&${roleId}>`));
}

