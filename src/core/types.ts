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
  /** The platform says this user administers the workspace (Slack owner/admin, Discord Manage Server). */
  isAdmin: boolean;
  /** IANA zone the platform knows for the user (Slack users.info); the member's own setting wins. */
  timeZone?: string;
}

export type CommandInput =
  | { kind: 'text'; text: string }
  | { kind: 'structured'; command: string; options: Record<string, unknown> };

export interface CommandRequest {
  actor: Actor;
  conversation: { id: string; isDirect: boolean };
  input: CommandInput;
  /**
   * The platform's id for this request (an Events API event id, a button in one message, a modal
   * view). A second request with the same key is answered without running the command again.
   */
  idempotencyKey?: string;
  /**
   * The private reply might not reach the member: a Discord mention in a channel is answered by
   * DM, which a member with closed DMs never gets. Slack's ephemeral replies, Discord's interaction
   * replies and the console always arrive, so they leave it unset.
   */
  privateReplyMayFail?: boolean;
  /**
   * A file sent with a typed request (a DM with a certificate attached): a `log` keeps it as the
   * activity's certificate, as a structured `certificate` option; other commands ignore it.
   */
  attachment?: { url: string; name: string };
}
