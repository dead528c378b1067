/** Permission bits (https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags). */
export const ADMINISTRATOR = 1n << 3n;
export const MANAGE_GUILD = 1n << 5n;

/**
 * Bitfields as interaction payloads carry them: decimal strings. `member` is what an ordinary member
 * of a new server holds in a text channel (view, send, embed, attach, history, reactions, slash
 * commands, threads, voice); `manager` adds MANAGE_GUILD, MANAGE_MESSAGES and KICK_MEMBERS.
 */
export const DISCORD_PERMISSIONS = {
  member: '71367428263489',
  manager: '71367428271715',
  administrator: (71367428263489n | ADMINISTRATOR).toString(),
  /** What the bot's managed role grants it: read, send, embed, attach, react, slash commands. */
  bot: '277025770560',
} as const;

export function permissionString(permissions: string | bigint): string {
  return typeof permissions === 'bigint' ? permissions.toString() : permissions;
}
