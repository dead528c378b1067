/**
 * A channel named in a command: a platform mention (Slack `<#C123ABC|general>`, Discord `<#123>`),
 * the id a Discord channel option gives, or `#name` on the console, where channels are just names.
 */
const MENTION = /^<#([A-Z0-9]+|\d+)(?:\|[^>]*)?>$/;
const DISCORD_ID = /^\d{5,25}$/;
const CONSOLE_NAME = /^#?([\w.-]{1,80})$/;

export function readChannelRef(word: string, platform: 'slack' | 'discord' | 'console'): string | undefined {
  const trimmed = word.trim();
  const mentioned = MENTION.exec(trimmed)?.[1];
  if (mentioned) return mentioned;
  if (platform === 'discord' && DISCORD_ID.test(trimmed)) return trimmed;
  if (platform === 'console') return CONSOLE_NAME.exec(trimmed)?.[1];
  return undefined;
}

export function channelMention(platform: 'slack' | 'discord' | 'console', channelId: string): string {
  return platform === 'console' ? `#${channelId}` : `<#${channelId}>`;
}
