/**
 * Ports the core needs. Storage implements `Store`; tests use the real SQLite store.
 * Every call is scoped: a `MemberScope` comes only from `ensureMember`, which resolves the
 * (platform, tenant, user) triple, and every query filters by its workspace.
 */
import type { ActivityInput, Category, CredentialCode, Unit } from './rules/types.js';

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
}

export type AuditAction = 'log' | 'edit' | 'delete' | 'restore' | 'credential-add' | 'credential-remove' | 'settings' | 'rule-setting' | 'admin';

export interface UndoResult {
  action: 'log' | 'edit' | 'delete';
  activity: StoredActivity; // the activity as it is after the undo (for a log: as it was)
}

export interface Store {
  /** The member, if they have used the bot before; never writes. */
  findMember(ref: MemberRef): Member | undefined;
  /** Finds or creates the workspace and the member; records a changed display name. */
  ensureMember(ref: MemberRef, displayName?: string): Member;
  updateMemberSettings(scope: MemberScope, patch: Partial<MemberSettings>, nowAt: string): Member;
  /** Names (or un-names) a member of `by`'s workspace an admin, creating the member if new. */
  setNamedAdmin(target: MemberRef, on: boolean, by: MemberScope, nowAt: string): Member;
  listNamedAdmins(workspaceId: number): Member[];

  /** Records a platform request id; false when it was seen before (a retry or a double click). */
  claimRequest(workspaceId: number, key: string, nowAt: string): boolean;
  /** Forgets a claim whose command failed, so a retry can run it. */
  releaseRequest(workspaceId: number, key: string): void;

  listActivities(scope: MemberScope): StoredActivity[];
  /** An activity of this workspace by id, whoever logged it; undefined if absent or deleted. */
  findActivity(workspaceId: number, id: number): StoredActivity | undefined;
  addActivity(scope: MemberScope, activity: NewActivity, nowAt: string): StoredActivity;
  /** Updates the member's own activity; the previous version goes to the audit trail. */
  editActivity(scope: MemberScope, id: number, patch: ActivityPatch, nowAt: string): StoredActivity;
  /** Soft-deletes the member's own activity; the row stays, marked deleted, and is audited. */
  deleteActivity(scope: MemberScope, id: number, nowAt: string): StoredActivity;
  /** Reverts the member's most recent log, edit or delete that is not undone yet. */
  undoLast(scope: MemberScope, nowAt: string): UndoResult | undefined;

  listCredentials(scope: MemberScope): StoredCredential[];
  /** Adds the credential or replaces its dates (a renewal). */
  putCredential(scope: MemberScope, credential: StoredCredential, nowAt: string): void;
  /** Returns false when the member did not hold it. */
  removeCredential(scope: MemberScope, code: CredentialCode, nowAt: string): boolean;

  getRuleOverrides(workspaceId: number): Record<string, number | boolean>;
  setRuleOverride(scope: MemberScope, key: string, value: number | boolean | null, nowAt: string): void;
}

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
