/**
 * Button custom ids. A button in a server runs `ceu:<command>` for the clicker in that server. A
 * message about a server's data that arrives by DM (a reminder, the answer to a mention), where a
 * click carries no server, has buttons that say which one, `ceu@<guild id>:<command>`, and the click
 * acts for the clicker in that server (their own data only; never as an admin).
 */
import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';

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

/** Every button of a message bound for a DM, naming the server the message is about. */
export function rowsWithGuild(rows: APIActionRowComponent<APIButtonComponent>[], guildId: string): APIActionRowComponent<APIButtonComponent>[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((button) => ('custom_id' in button ? { ...button, custom_id: withGuild(button.custom_id, guildId) } : button)),
  }));
}
