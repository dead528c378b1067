/**
 * Discord refuses an interaction's answer past its 3 seconds (10062): the event reached the bot
 * late, or a rate limit on the response (429, Retry-After) held the answer back. Any change the
 * request made is saved by then, and the member, told only that "the application did not
 * respond", would send it again (a second log of the same hours). So a saved change is reported
 * by DM instead; a refusal or a question changed nothing and is simply asked again.
 */
import type { RepliableInteraction } from 'discord.js';
import type { CommandRequest, Reply } from '../../core/index.js';
import { rowsWithGuild } from './button-id.js';
import { describeError, type DiscordContext } from './discord-context.js';
import { renderReply } from './render-reply.js';

const LATE = 'Discord gave up waiting for my answer, so here it is by DM. It is saved: no need to send it again.';

/** Whether the member now knows: a saved change, delivered by DM. */
export async function reportLateChange(ctx: DiscordContext, interaction: RepliableInteraction, request: CommandRequest, reply: Reply): Promise<boolean> {
  // The core answers every change it saved with a success; a repeat saved nothing new.
  if (reply.tone !== 'success' || reply.duplicate) return false;
  const { flags: _, ...message } = renderReply({ ...reply, blocks: [{ kind: 'paragraph', text: LATE }, ...reply.blocks] });
  // A DM click carries no server: the buttons name the one the change was made in.
  const { tenantId } = request.actor;
  const components = tenantId.startsWith('dm:') ? message.components : rowsWithGuild(message.components, tenantId);
  try {
    await interaction.user.send({ ...message, components });
    ctx.logger.warn({ interactionId: interaction.id }, 'Discord: answer refused as too late; the saved change was reported by DM');
    return true;
  } catch (error) {
    ctx.logger.warn({ err: describeError(error), userId: interaction.user.id }, 'Discord: answer refused as too late, and the DM reporting it too');
    return false;
  }
}
