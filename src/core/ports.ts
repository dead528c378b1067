/**
 * Ports the core needs. Storage implements `Store`; tests use the real SQLite store.
 * Every call is scoped: a `MemberScope` comes only from `ensureMember`, which resolves the
 * (platform, tenant, user) triple, and every query filters by its workspace. What delivery needs
 * (planned messages, the scheduler's store, notifiers) is in delivery-ports.ts, re-exported here.
 */
import type { Reply } from './reply.js';
import type { SavedTally } from './rules/tally.js';
import type { ActivityInput, Category, CredentialCode, Unit } from './rules/types.js';
import type { PlannedMessage } from './delivery-ports.js';

export type * from './delivery-ports.js';

export type Platform = 'slack' | 'discord' | 'console';

export interface MemberRef {
  platform: Platform;
  tenantId: string;
  userId: string;
}

export interface MemberSettings {
  tz: string | null; // IANA zone; null = UTC until the member or platform says otherwise
  nudges: boolean;
  quietHours: string | null; // "HH:MM-HH:MM"
  pausedUntil: string | null; // ISO date
  /** Named in the team digest; false = counted there without a name. */
  digestNamed: boolean;
}

export interface MemberScope {
  workspaceId: number;
  memberId: number;
}

export interface Member extends MemberScope, MemberSettings {
  userId: string;
  displayName: string | null;
  /** Named an admin of the workspace by another admin (`admin add`). */
  namedAdmin: boolean;
  /** When a DM to the member first failed for good (closed DMs); null once one is delivered. */
  unreachableSince: string | null;
  /** The zone the platform reports for the user (Slack users.info); the member's own `tz` wins. */
  platformTz: string | null;
}

/** A certificate file kept where the platform stores it (a Discord attachment). */
export interface Certificate {
  url: string;
  name: string;
}

export interface StoredActivity extends ActivityInput {
  memberId: number;
  createdAt: string; // ISO instant
  certificate?: Certificate;
}

export interface NewActivity {
  completedOn: string;
  amount: string;
  unit: Unit;
  category?: Category;
  title?: string;
  provider?: string;
  aamaApproved: boolean;
  certificate?: Certificate;
}

export type ActivityPatch = Partial<NewActivity>;

export interface StoredCredential {
  code: CredentialCode;
  expiresOn: string;
  certifiedOn: string | null;
  /** Nudges about this credential wait until this date (the "Snooze a week" button); null = none. */
  snoozedUntil?: string | null;
  /** The last day the latest renewal covered (the expiry renewed from, or the day the renewal was recorded if earlier; from the audit trail): CE counted toward that renewal does not count again. */
  renewedFrom?: string;
}

/** A member with everything the scheduler and the admin views evaluate. */
export interface TeamMember extends Member {
  credentials: StoredCredential[];
  /**
   * The member's live activities, with what counting reads (no titles, providers or certificates).
   * A store may read them only when first asked (a getter) when it has `tallies`, so the core
   * reads this only when a tally does not hold.
   */
  activities: ActivityInput[];
  /** Counted credit saved for the member's current data (src/core/rules/tally.ts), when the store has it. */
  tallies?: SavedTally[];
  /** Counts the member's audited changes; saved tallies and next checks are tied to it. Absent: not tracked. */
  dataVersion?: number;
}

/** Weekly team digest: posted in `channelId` on ISO `weekday` (1 = Monday) at `time` in `tz`. */
export interface DigestSchedule {
  channelId: string;
  weekday: number;
  time: string; // HH:MM
  tz: string;
}

export interface DigestPost {
  plannedAt: string; // ISO instant
  status: 'pending' | 'sending' | 'sent' | 'failed';
  /** The platform's reason for the last failed attempt (e.g. "not_in_channel"). */
  error: string | null;
  /** Failed because the bot may not post in the channel (not an outage): an admin can fix it there. */
  channelRefused: boolean;
  /** The note confirming the digest where it was set, rather than a weekly digest. */
  confirmation: boolean;
}

/**
 * A channel post (the digest's confirmation or a weekly digest) the bot was not allowed to make,
 * kept for the admin who set the digest in that channel (`takeChannelFailures`).
 */
export interface ChannelPostFailure {
  plannedAt: string; // ISO instant
  channelId: string;
  /** The platform's reason, e.g. "not_in_channel" or "discord 50013: Missing Permissions". */
  error: string;
  /** The confirmation posted when the digest was set, rather than a weekly digest. */
  confirmation: boolean;
}

export interface WorkspaceSettings {
  /** Days before a submit-by date that nudges go out; null = the default ladder. */
  ladder: number[] | null;
  digest: DigestSchedule | null;
}

/** A message that could not be delivered (closed DMs), kept to show the member privately later. */
export interface UndeliveredNote {
  plannedAt: string; // ISO instant
  reply: Reply;
}

export type AuditAction =
  | 'log' | 'edit' | 'delete' | 'restore' | 'credential-add' | 'credential-remove' | 'credential-snooze'
  | 'settings' | 'rule-setting' | 'admin' | 'workspace-setting';

export interface UndoResult {
  action: 'log' | 'edit' | 'delete';
  activity: StoredActivity; // the activity as it is after the undo (for a log: as it was)
}

/**
 * Undo refused: the member changed something undo cannot take back (a credential, a setting)
 * after their last log, edit or delete, so taking that back would not be "their last change".
 */
export interface UndoRefusal {
  refused: true;
  /** The newer change, as audited; `credential` names the credential it touched, if any. */
  latest: { action: AuditAction; credential?: CredentialCode; previousExpiresOn?: string };
  /** What undo would otherwise have taken back. */
  pending: { action: UndoResult['action']; activityId: number };
}

/**
 * One activity's change for `undoLast` to take back: the latest still standing, if it is of this
 * kind. With `fields` (an edit's): the latest edit that changed them, if they still hold what it
 * wrote; only those fields go back, so a later edit of another field stands. With `auditId` (what
 * an Undo button names): that change only, and only while no later change of its fields stands.
 */
export interface UndoTarget {
  action: UndoResult['action'];
  activityId: number;
  fields?: readonly EditedField[];
  auditId?: number;
}

/**
 * An undo aimed at one change by its `auditId` that took nothing back: no such change of that
 * activity (and field) by the member, the change is undone already, or (an edit) a later edit of
 * its fields stands; `before` is the activity as that edit found it, `now` as it is.
 */
export type UndoMissed =
  | { missed: 'unknown-change' | 'already-undone' }
  | { missed: 'changed-since'; before: StoredActivity; now: StoredActivity };

/** A renewal as `credential renew` (or a new card's date) records it: `on`, the day the member renewed. */
export interface Renewal {
  on: string;
}

/** What an edit changes, as ActivityPatch names it. */
export type EditedField = keyof ActivityPatch;

export interface Store {
  /** The member, if they have used the bot before; never writes. */
  findMember(ref: MemberRef): Member | undefined;
  /** Finds or creates the workspace and the member; records a changed display name or platform zone. */
  ensureMember(ref: MemberRef, displayName?: string, platformTz?: string): Member;
  updateMemberSettings(scope: MemberScope, patch: Partial<MemberSettings>, nowAt: string): Member;
  /** Names (or un-names) a member of `by`'s workspace an admin; naming creates the member if new, un-naming a stranger throws. */
  setNamedAdmin(target: MemberRef, on: boolean, by: MemberScope, nowAt: string): Member;
  listNamedAdmins(workspaceId: number): Member[];

  /** Records a platform request id; false when it was seen before (a retry or a double click). */
  claimRequest(workspaceId: number, key: string, nowAt: string): boolean;
  /** Notes, with its claim, the activity a claimed request logged: a repeat of the request can name it, after a restart too. */
  noteRequestLogged(workspaceId: number, key: string, activityId: number): void;
  /** The activity the request claimed under `key` logged, if it logged one (deleted since or not). */
  requestLogged(workspaceId: number, key: string): number | undefined;
  /**
   * Runs `work` as one write transaction: all it wrote stays, or none of it if it throws (the
   * store's own writes inside it take part). Synchronous, as every store call is.
   */
  atomically<T>(work: () => T): T;

  listActivities(scope: MemberScope): StoredActivity[];
  /** An activity of this workspace by id, whoever logged it; undefined if absent or deleted. */
  findActivity(workspaceId: number, id: number): StoredActivity | undefined;
  addActivity(scope: MemberScope, activity: NewActivity, nowAt: string): StoredActivity;
  /**
   * The member's own activity `id` if it is deleted (by `delete`, or by undoing its log), with when;
   * `deleteUndoable` when `undo delete <id>` would bring it back. Undefined for a live, absent or
   * someone else's activity, so that another member's deleted one reads as missing.
   */
  findDeletedActivity(scope: MemberScope, id: number): { activity: StoredActivity; deletedAt: string; deleteUndoable: boolean } | undefined;
  /** Updates the member's own activity; the previous version goes to the audit trail, under `auditId`. */
  editActivity(scope: MemberScope, id: number, patch: ActivityPatch, nowAt: string): StoredActivity & { auditId: number };
  /** Soft-deletes the member's own activity; the row stays, marked deleted, and is audited under `auditId`. */
  deleteActivity(scope: MemberScope, id: number, nowAt: string): StoredActivity & { auditId: number };
  /**
   * Reverts the member's most recent log, edit or delete that is not undone yet. Refuses, changing
   * nothing, when a later audited change of theirs is of another kind, unless `evenAfterOtherChanges`.
   * With `only`, reverts that activity's latest change if it is of that kind (else undefined), or
   * the change `only.auditId` names (else why not).
   */
  undoLast(scope: MemberScope, nowAt: string, evenAfterOtherChanges?: boolean, only?: UndoTarget): UndoResult | UndoRefusal | UndoMissed | undefined;

  listCredentials(scope: MemberScope): StoredCredential[];
  /**
   * Adds the credential or replaces its dates (a renewal). `renewal` comes from `credential renew`:
   * without it the day of `nowAt` is the renewal's day, and no grace-period CE went into it.
   */
  putCredential(scope: MemberScope, credential: StoredCredential, nowAt: string, renewal?: Renewal): void;
  /**
   * The latest expiry `code` had before one of its changes (a renewal, a corrected date) that is
   * earlier than `before`, from the audit trail; undefined when there is none.
   */
  expiryBefore(scope: MemberScope, code: CredentialCode, before: string): string | undefined;
  /** Returns false when the member did not hold it. */
  removeCredential(scope: MemberScope, code: CredentialCode, nowAt: string): boolean;

  /** Snoozes (or, with null, un-snoozes) nudges about one credential; false when not held. */
  snoozeCredential(scope: MemberScope, code: CredentialCode, until: string | null, nowAt: string): boolean;

  getRuleOverrides(workspaceId: number): Record<string, number | boolean>;
  setRuleOverride(scope: MemberScope, key: string, value: number | boolean | null, nowAt: string): void;

  getWorkspaceSettings(workspaceId: number): WorkspaceSettings;
  /** Audited; `by` is the admin. null restores the default ladder / turns the digest off. */
  setNudgeLadder(by: MemberScope, ladder: number[] | null, nowAt: string): void;
  setDigest(by: MemberScope, digest: DigestSchedule | null, nowAt: string): void;
  /** The newest digest post (a weekly one or a confirmation) planned for the workspace and how its delivery went, if any. */
  lastDigestPost(workspaceId: number): DigestPost | undefined;
  /**
   * Queues the channel post confirming a digest just set. Its key names the configuration, so it is
   * queued once per configuration; with `again`, one already sent or failed is queued afresh (the
   * admin fixed the channel and sets it again to check).
   */
  announceDigest(post: PlannedMessage, nowAt: string, again: boolean): void;

  /** Every member of the workspace with their live credentials and activities, by member id. */
  loadTeam(workspaceId: number): TeamMember[];
  /** One member with their data as `loadTeam` gives it, saved tallies included: what `status` and `need` read. */
  loadMember(scope: MemberScope): TeamMember;
  /** Keeps tallies counted from the member's data at `dataVersion`; ignored if the member changed since. */
  saveTallies(scope: MemberScope, dataVersion: number, tallies: SavedTally[]): void;
  /** Permanently failed DMs to this member not shown to them yet; marks them shown. */
  takeUndelivered(scope: MemberScope, nowAt: string): UndeliveredNote[];
  /**
   * Channel posts the bot was not allowed to make in the digest's channel, kept for this member as
   * the admin who set the digest there, not shown to them yet; marks them shown.
   */
  takeChannelFailures(scope: MemberScope, nowAt: string): ChannelPostFailure[];
}


export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** Whether a level is logged at all (pino has it), so costly messages can be skipped. */
  isLevelEnabled?(level: 'debug' | 'info' | 'warn' | 'error'): boolean;
}

