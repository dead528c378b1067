/**
 * The Discord application commands, generated from the core's declarations: `/ceu` with one
 * subcommand per member command, and `/ceu-admin` for admin commands, which carries
 * `default_member_permissions` (Manage Server) so Discord hides it from everyone else.
 */
import type { CommandDeclaration, OptionDeclaration } from '../../core/index.js';
import { truncate } from '../format.js';

export const CEU = 'ceu';
export const CEU_ADMIN = 'ceu-admin';
/** PermissionFlagsBits.ManageGuild (1 << 5), as the string Discord's API takes. */
export const MANAGE_GUILD = String(1 << 5);

// Discord's ApplicationCommandOptionType numbers.
const SUBCOMMAND = 1;
const OPTION_TYPE: Record<OptionDeclaration['type'], number> = { string: 3, date: 3, integer: 4, boolean: 5, user: 6, channel: 7, number: 10, attachment: 11 };
/**
 * Channels a channel option offers: text (0) and announcement (5) channels, where the bot can post
 * a digest; not voice channels, stages, forums or categories.
 */
const POSTABLE_CHANNEL_TYPES = [0, 5];
const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;

export interface ApiOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  channel_types?: number[];
  options?: ApiOption[];
}

export interface ApiCommand {
  name: string;
  description: string;
  type: 1;
  options: ApiOption[];
  default_member_permissions?: string;
  /** Guild (0) and bot DM (1) contexts; the admin command is for servers only. */
  contexts: number[];
}

export function commandManifest(commands: readonly CommandDeclaration[]): ApiCommand[] {
  return [
    { name: CEU, description: 'Continuing education: log it, see your status and what you still need', type: 1, contexts: [0, 1], options: commands.filter((c) => !c.adminOnly).map(subcommand) },
    { name: CEU_ADMIN, description: 'ceu-bot administration for this server', type: 1, contexts: [0], default_member_permissions: MANAGE_GUILD, options: commands.filter((c) => c.adminOnly).map(subcommand) },
  ];
}

function subcommand(command: CommandDeclaration): ApiOption {
  const options = command.options.map(option);
  // Discord requires required options before optional ones.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return { type: SUBCOMMAND, name: command.name, description: truncate(command.summary, MAX_DESCRIPTION), options };
}

function option(declared: OptionDeclaration): ApiOption {
  const example = declared.type === 'date' && !/e\.g\./.test(declared.description) ? ' (e.g. 2026-11-01, yesterday)' : '';
  const api: ApiOption = { type: OPTION_TYPE[declared.type], name: declared.name, description: truncate(declared.description + example, MAX_DESCRIPTION) };
  if (declared.required) api.required = true;
  if (declared.autocomplete) api.autocomplete = true;
  else if (declared.choices && declared.choices.length <= MAX_CHOICES) api.choices = declared.choices.map((c) => ({ name: c, value: c }));
  if (declared.type === 'channel') api.channel_types = POSTABLE_CHANNEL_TYPES;
  // Discord takes up to 6,000 characters otherwise, and the member would learn of the limit only after sending.
  if (declared.type === 'string' && declared.maxLength !== undefined) api.max_length = declared.maxLength;
  if (declared.type === 'number' || declared.type === 'integer') {
    if (declared.min !== undefined) api.min_value = declared.min;
    if (declared.max !== undefined) api.max_value = declared.max;
  }
  return api;
}
