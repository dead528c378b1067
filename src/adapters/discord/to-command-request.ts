/**
 * Discord interactions and messages → CommandRequest. A member is (guild id, user id); in a DM,
 * outside any server, the member's own personal space `dm:<user id>` (README: "Discord").
 * Admins are members with Manage Server.
 */
import { PermissionFlagsBits, type ChatInputCommandInteraction, type CommandInteractionOption, type Interaction, type Message } from 'discord.js';
import type { Actor, CommandRequest } from '../../core/index.js';

/**
 * `forGuild`: a button clicked in a DM about a server (a reminder, the answer to a mention there)
 * names that server (button-id.ts); the click then acts for the clicker in that server, never as an
 * admin (a DM shows no permissions).
 */
export function actorOf(source: Interaction | Message, forGuild?: string): Actor {
  const user = 'author' in source ? source.author : source.user;
  const permissions = 'memberPermissions' in source ? source.memberPermissions : source.member?.permissions;
  const displayName = source.member && 'displayName' in source.member ? source.member.displayName : (user.globalName ?? user.username);
  return {
    platform: 'discord',
    tenantId: source.guildId ?? forGuild ?? `dm:${user.id}`,
    userId: user.id,
    displayName,
    isAdmin: Boolean(source.guildId && permissions?.has(PermissionFlagsBits.ManageGuild)),
  };
}

/** A slash command's subcommand and options as the core's structured input. */
export function chatInputRequest(interaction: ChatInputCommandInteraction): CommandRequest {
  const options: Record<string, unknown> = {};
  for (const option of interaction.options.data[0]?.options ?? []) options[option.name] = valueOf(option);
  return {
    actor: actorOf(interaction),
    conversation: { id: interaction.channelId, isDirect: !interaction.guildId },
    input: { kind: 'structured', command: interaction.options.getSubcommand(), options },
  };
}

export function textRequest(source: Interaction | Message, text: string, idempotencyKey?: string, forGuild?: string): CommandRequest {
  return {
    actor: actorOf(source, forGuild),
    conversation: { id: source.channelId ?? '', isDirect: !source.guildId },
    input: { kind: 'text', text },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

function valueOf(option: CommandInteractionOption): unknown {
  if (option.attachment) return { url: option.attachment.url, name: option.attachment.name };
  if (option.user) return option.user.id;
  return option.value;
}
