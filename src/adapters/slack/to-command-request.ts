/**
 * Slack payloads → CommandRequest. A member is (enterprise id for an org-wide install, else team
 * id) + user id; the platform is always 'slack', never guessed from an id's shape.
 */
import type { CommandRequest } from '../../core/index.js';
import type { SlackUser } from './user-directory.js';

export interface TenantFields {
  team_id?: string | undefined;
  enterprise_id?: string | undefined;
  is_enterprise_install?: boolean | string | undefined;
}

export function tenantOf(fields: TenantFields): string {
  const orgWide = fields.is_enterprise_install === true || fields.is_enterprise_install === 'true';
  const tenant = orgWide && fields.enterprise_id ? fields.enterprise_id : fields.team_id;
  if (!tenant) throw new Error('Slack payload without team or enterprise id');
  return tenant;
}

export interface TextRequestFields {
  tenantId: string;
  userId: string;
  channelId: string;
  isDirect: boolean;
  text: string;
  user: SlackUser;
  idempotencyKey?: string;
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
  };
}

export function structuredRequest(f: Omit<TextRequestFields, 'text'> & { command: string; options: Record<string, unknown> }): CommandRequest {
  const base = textRequest({ ...f, text: '' });
  return { ...base, input: { kind: 'structured', command: f.command, options: f.options } };
}
