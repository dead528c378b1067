/**
 * Button custom ids. A button in a server runs `ceu:<command>` for the clicker in that server. A
 * reminder about a server's data arrives by DM, where a click carries no server: its buttons say
 * which one, `ceu@<guild id>:<command>`, and the click acts for the clicker in that server (their own
 * data only; never as an admin).
 */
const BUTTON = /^ceu(?:@(\d{1,25}))?:([\s\S]*)$/;
const MAX_CUSTOM_ID = 100;

export interface ButtonId {
  command: string;
  guildId?: string;
}

export function readButtonId(customId: string): ButtonId | undefined {
  const match = BUTTON.exec(customId);
  if (!match) return undefined;
  return match[1] ? { command: match[2]!, guildId: match[1] } : { command: match[2]! };
}

/** `ceu:<command>` → `ceu@<guild>:<command>`, within Discord's 100 characters. */
export function withGuild(customId: string, guildId: string): string {
  return customId.startsWith('ceu:') ? `ceu@${guildId}:${customId.slice('ceu:'.length)}`.slice(0, MAX_CUSTOM_ID) : customId;
}
