/**
 * The SQLite schema. Dates and instants are ISO text so they sort and compare as strings;
 * amounts are text because certificates print exact decimals ("0.10") that a REAL would blur.
 * `drizzle-kit generate` turns this file into the SQL under drizzle/.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Category, CredentialCode, Unit } from '../core/rules/types.js';
import type { AuditAction, Platform } from '../core/ports.js';

// Creation instants of workspaces and members are not part of any contract, so SQLite's clock is fine.
const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const workspaces = sqliteTable(
  'workspaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('workspaces_platform_external_id').on(t.platform, t.externalId)],
);

export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: text('user_id').notNull(),
    displayName: text('display_name'),
    tz: text('tz'),
    nudges: integer('nudges', { mode: 'boolean' }).notNull().default(true),
    quietHours: text('quiet_hours'),
    pausedUntil: text('paused_until'),
    // Named by an admin (`admin add`); platform admins (Slack owners, Discord Manage Server) are
    // admins without this flag, because the platform says so on every request.
    namedAdmin: integer('named_admin', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [uniqueIndex('members_workspace_user').on(t.workspaceId, t.userId)],
);

export const credentials = sqliteTable(
  'credentials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    code: text('code').$type<CredentialCode>().notNull(),
    expiresOn: text('expires_on').notNull(),
    certifiedOn: text('certified_on'),
    removedAt: text('removed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Removed rows stay for the audit trail, so uniqueness holds only among the live ones.
    uniqueIndex('credentials_member_code_live').on(t.memberId, t.code).where(sql`removed_at is null`),
    index('credentials_member').on(t.memberId),
  ],
);

export const activities = sqliteTable(
  'activities',
  {
    // AUTOINCREMENT: ids are shown to users (`delete 12`), so a deleted id must never come back.
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    completedOn: text('completed_on').notNull(),
    amount: text('amount').notNull(),
    unit: text('unit').$type<Unit>().notNull(),
    category: text('category').$type<Category>(),
    title: text('title'),
    provider: text('provider'),
    aamaApproved: integer('aama_approved', { mode: 'boolean' }).notNull(),
    // A certificate file attached on a platform that supports it (Discord): kept where it lives.
    certificateUrl: text('certificate_url'),
    certificateName: text('certificate_name'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('activities_member_deleted').on(t.memberId, t.deletedAt)],
);

export type AuditEntity = 'activity' | 'credential' | 'member' | 'rule-setting';

export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    entity: text('entity').$type<AuditEntity>().notNull(),
    // Text because rule settings are keyed by name; activity and credential ids are stored as digits.
    entityId: text('entity_id').notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    before: text('before'),
    after: text('after'),
    at: text('at').notNull(),
    undoneAt: text('undone_at'),
  },
  (t) => [index('audit_member_id').on(t.memberId, t.id)],
);

export const ruleSettings = sqliteTable(
  'rule_settings',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/**
 * Requests already handled, by the platform's own id for them (an Events API event id, a button
 * in a given message, a modal view): a retry or a double click finds its key and changes nothing.
 */
export const processedRequests = sqliteTable(
  'processed_requests',
  {
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('processed_requests_at').on(t.at)],
);
