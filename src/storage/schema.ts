/**
 * The SQLite schema. Dates and instants are ISO text so they sort and compare as strings;
 * amounts are text because certificates print exact decimals ("0.10") that a REAL would blur.
 * `drizzle-kit generate` turns this file into the SQL under drizzle/.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Category, CredentialCode, Unit } from '../core/rules/types.js';
import type { AuditAction, MessageKind, Platform } from '../core/ports.js';

// Creation instants of workspaces and members are not part of any contract, so SQLite's clock is fine.
const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const workspaces = sqliteTable(
  'workspaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    createdAt: text('created_at').notNull().default(nowIso),
    // Days before a submit-by date, as a JSON array; null = the core's default ladder.
    nudgeLadder: text('nudge_ladder'),
    // The weekly team digest; all four are set together, or all null (no digest).
    digestChannelId: text('digest_channel_id'),
    digestWeekday: integer('digest_weekday'), // ISO: 1 = Monday
    digestTime: text('digest_time'), // HH:MM
    digestTz: text('digest_tz'),
    // The member (an admin) who set the digest last: a post the bot may not make in its channel is
    // shown to them. No foreign key: members already reference workspaces.
    digestSetBy: integer('digest_set_by'),
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
    // The zone the platform reports (Slack users.info), kept so reminders follow it; `tz` (set by the member) wins.
    platformTz: text('platform_tz'),
    createdAt: text('created_at').notNull().default(nowIso),
    digestNamed: integer('digest_named', { mode: 'boolean' }).notNull().default(true),
    unreachableSince: text('unreachable_since'),
    // When the scheduler looks at the member again; null = now (never looked at, or changed since).
    // Deliberately not indexed: due members are found by primary key (create-due-members.ts).
    nextCheckAt: text('next_check_at'),
    // Counts every audited change to the member's activities, credentials or settings.
    dataVersion: integer('data_version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('members_workspace_user').on(t.workspaceId, t.userId),
    // A workspace's members in id order (an index holds the rowid after its columns): the digest's
    // team pages and `team` seek it instead of sorting the workspace. Without it, and without
    // ANALYZE statistics, SQLite took members_workspace_user and sorted the whole workspace for
    // every page of 25: a 10,000-member digest read in 0.7-1.8 s instead of about 0.1 s.
    index('members_workspace').on(t.workspaceId),
  ],
);

/**
 * A member's counted credit (SavedTally[] as `encodeTallies` writes it, src/core/rules/tally.ts):
 * a cache the scheduler and `status` save, used only while `dataVersion` equals the member's. A table of its own keeps member rows
 * small: every sweep scans them, and a row with its tallies inside was ten times the size.
 */
export const memberTallies = sqliteTable('member_tallies', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  dataVersion: integer('data_version').notNull(),
  tallies: text('tallies').notNull(),
});

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
    snoozedUntil: text('snoozed_until'),
    // The last day the latest renewal still in effect covered: the expiry renewed from, or the day
    // the renewal was recorded if earlier (CE done after an early renewal was not in it). Derived from
    // the audit trail at every change (create-credential-repo.ts): counting reads it for every
    // credential a sweep evaluates, and an audit query each would cost the sweep.
    renewedFrom: text('renewed_from'),
    // The day that renewal was made (the day the member gave, else the day it was recorded), from the
    // same audit row. After the old expiry, the grace-period CE the lapsed cycle needed up to that
    // day reinstated it: counting works out which (rules/evaluate.ts) and does not count it again.
    renewedOn: text('renewed_on'),
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
  // Covering what counting reads (COUNTED_ACTIVITY_COLUMNS, src/storage/to-stored-activity.ts): a
  // member's live activities come from one run of index pages, never a table row each (migration 0007).
  (t) => [index('activities_member_counted').on(t.memberId, t.deletedAt, t.id, t.completedOn, t.amount, t.unit, t.category, t.aamaApproved)],
);

export type AuditEntity = 'activity' | 'credential' | 'member' | 'rule-setting' | 'workspace';

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
    /** The activity the request logged, if it logged one: a repeat names it (../adapters/logged-forms.ts). */
    activityId: integer('activity_id'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('processed_requests_at').on(t.at)],
);

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * Messages the scheduler planned, and how their delivery went. Rows stay after sending: the
 * (workspace, key) pair is what makes planning the same reminder twice insert it once.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: integer('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: integer('member_id').references(() => members.id), // null for a channel post
    key: text('key').notNull(),
    // Messages of one series replace each other (a credential's ladder stages in one cycle): a
    // pending one that a newer one of its series follows is dropped at its claim, unsent.
    series: text('series'),
    targetKind: text('target_kind').$type<'direct' | 'channel'>().notNull(),
    targetId: text('target_id').notNull(), // the user id for a DM, the channel id for a post
    kind: text('kind').$type<MessageKind>().notNull(),
    reply: text('reply').notNull(), // JSON of the core's Reply
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    lastError: text('last_error'),
    // When a DM that failed for good was shown to its member instead; for one given up for a
    // reason not the member's (an outage through every retry, content refused), when it was given
    // up: there is nothing to show them. A channel post the bot may not make is shown to the admin
    // who set the digest there: `member_id` names them once it has failed (never while pending).
    noticedAt: text('noticed_at'),
  },
  (t) => [
    uniqueIndex('outbox_workspace_key').on(t.workspaceId, t.key),
    // Claiming walks (pending, next_attempt_at, id) in order and stops after its batch; the same
    // index serves the start-up requeue of 'sending' rows and the counts by status.
    index('outbox_status_due').on(t.status, t.nextAttemptAt),
    index('outbox_undelivered').on(t.memberId).where(sql`status = 'failed' and noticed_at is null`),
    // A member's change withdraws their reminders still waiting to go (they are planned afresh).
    index('outbox_member_pending').on(t.memberId).where(sql`status = 'pending'`),
    // A ladder stage is not planned when its series had a message sent since the stage began (a
    // ladder changed after it went out); pending rows stay out of it, so a sweep's inserts skip it.
    index('outbox_series_sent').on(t.series, t.sentAt).where(sql`status = 'sent'`),
    // One message per DM or channel at a time: a claim skips any with an earlier one still to go.
    index('outbox_target_open').on(t.workspaceId, t.targetKind, t.targetId, t.id).where(sql`status in ('pending', 'sending')`),
  ],
);
