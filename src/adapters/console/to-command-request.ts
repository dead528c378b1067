import type { CommandRequest } from '../../core/index.js';
import { createConsoleNames, type ConsoleNames } from './console-names.js';

/** The console is one workspace; its user is an admin there (DESIGN.md). */
export const CONSOLE_TENANT = 'console';

/**
 * How the console names the bot, as the chat platforms show it: `@ceu-bot status` addresses the
 * bot, as a mention does in a channel, rather than acting as a member called "ceu-bot". The
 * `admin` command refuses to name it (src/core/commands/admin.ts).
 */
const BOT_NAME = 'ceu-bot';

/** A typed line → request. `@name <command>` runs the command as member `name` (`names` says who that is). */
export function toCommandRequest(line: string, consoleUser: string, names: ConsoleNames = createConsoleNames(consoleUser)): CommandRequest {
  const acting = /^@([\p{L}\p{N}_.-]+)\s*(.*)$/u.exec(line.trim());
  const addressesBot = acting !== null && acting[1]!.toLowerCase() === BOT_NAME;
  const typedName = acting && !addressesBot ? acting[1]! : consoleUser;
  const text = acting ? acting[2]! : line.trim();
  const userId = names.idFor(typedName);
  const isConsoleUser = userId === consoleUser;
  return {
    actor: { platform: 'console', tenantId: CONSOLE_TENANT, userId, displayName: names.shownAs(userId), isAdmin: isConsoleUser },
    conversation: { id: `console:${userId}`, isDirect: true },
    input: { kind: 'text', text: names.mentionsIn(text) },
  };
}
