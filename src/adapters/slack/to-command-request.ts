/**
 * Slack payloads → CommandRequest. A member is (enterprise id for an org-wide install, else team
 * id) + user id; the platform is always 'slack', never guessed from an id's shape.
 */
import type { CommandRequest } from '../../core/index.js';
import type { SlackUser } from './user-directory.js';

/** The install facts Bolt puts on every listener's `context`. */
export interface InstallContext {
  isEnterpriseInstall: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/**
 * Read from Bolt's context, never from the payload: each payload kind says "org-wide" in its own
 * place (a slash command's string field, an interaction's boolean, an event envelope's
 * `authorizations[0]`), and only Bolt reads all of them.
 */
export function tenantOf(install: InstallContext): string {
  const tenant = install.isEnterpriseInstall && install.enterpriseId ? install.enterpriseId : install.teamId;
  if (!tenant) throw new Error('Slack payload without team or enterprise id');
  return tenant;
}

/** A DM's channel id starts with D; some payloads also name it 'directmessage'. */
export function isDirectChannel(channel: { id?: string | undefined; name?: string | undefined }): boolean {
  return channel.name === 'directmessage' || /^D[A-Z0-9]+$/.test(channel.id ?? '');
}

export interface TextRequestFields {
  tenantId: string;
  userId: string;
  channelId: string;
  isDirect: boolean;
  text: string;
  user: SlackUser;
  idempotencyKey?: string;
  attachment?: { url: string; name: string };
  /** Answered by DM (a form's confirmation, an App Home click), which a member may not get. */
  privateReplyMayFail?: boolean;
}

export function textRequest(f: TextRequestFields): CommandRequest {
  return {
    actor: {
      platform: 'slack', tenantId: f.tenantId, userId: f.userId, isAdmin: f.user.isAdmin,
      ...(f.user.displayName ? { displayName: f.user.displayName } : {}),
      ...(f.user.timeZone ? { timeZone: f.user.timeZone } : {}),
    },
    conversation: { id: f.channelId, isDirect: f.isDirect },
    input: { kind: 'text', text: f.text },
    ...(f.idempotencyKey ? { idempotencyKey: f.idempotencyKey } : {}),
    ...(f.attachment ? { attachment: f.attachment } : {}),
    ...(f.privateReplyMayFail ? { privateReplyMayFail: true } : {}),
  };
}

export function structuredRequest(f: Omit<TextRequestFields, 'text'> & { command: string; options: Record<string, unknown> }): CommandRequest {
  const base = textRequest({ ...f, text: '' });
  return { ...base, input: { kind: 'structured', command: f.command, options: f.options } };
}
