import type { CommandRequest } from '../../core/index.js';

/** The console is one workspace; its user is an admin there (DESIGN.md). */
export const CONSOLE_TENANT = 'console';

/** A typed line → request. `@name <command>` runs the command as member `name`. */
export function toCommandRequest(line: string, consoleUser: string): CommandRequest {
  const acting = /^@([\p{L}\p{N}_.-]+)\s*(.*)$/u.exec(line.trim());
  const userId = acting ? acting[1]! : consoleUser;
  const text = acting ? acting[2]! : line.trim();
  return {
    actor: { platform: 'console', tenantId: CONSOLE_TENANT, userId, displayName: userId, isAdmin: userId === consoleUser },
    conversation: { id: `console:${userId}`, isDirect: true },
    input: { kind: 'text', text },
  };
}
