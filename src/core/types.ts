/**
 * The request every adapter builds. Identity is always the triple platform + tenant + user;
 * the core never guesses a platform from the shape of an id.
 */
import type { Platform } from './ports.js';

export interface Actor {
  platform: Platform;
  tenantId: string;
  userId: string;
  displayName?: string;
  isAdmin: boolean;
}

export type CommandInput =
  | { kind: 'text'; text: string }
  | { kind: 'structured'; command: string; options: Record<string, unknown> };

export interface CommandRequest {
  actor: Actor;
  conversation: { id: string; isDirect: boolean };
  input: CommandInput;
}
