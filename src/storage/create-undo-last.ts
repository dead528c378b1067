/**
 * `undo`: reverts the member's latest log, edit or delete that is not undone yet. Each undo is
 * itself audited as a 'restore' (the activity returns to an earlier state); 'restore' rows are
 * not undoable, so repeated undos walk back through the member's history instead of toggling.
 * A later change of another kind (a credential, a setting) stops the walk: undo would otherwise
 * take back an older activity change while the member meant the newer one. An undo aimed at one
 * change (the Undo button of a delete or edit reply) takes back that activity's latest change,
 * whatever came after it elsewhere, and only if it is still the change the button was shown with.
 * A button that names its change by audit id takes back that change or nothing: pressed twice, it
 * finds its change undone instead of taking back the one before.
 * Undoing an edit, either way, puts back only the fields that edit changed and that still hold what
 * it wrote: a field put back since by its own Undo button, or changed again, stays as it is.
 */
import type Database from 'better-sqlite3';
import type { EditedField, MemberScope, NewActivity, Store, UndoMissed, UndoRefusal, UndoResult, UndoTarget } from '../core/ports.js';
import type { CredentialCode } from '../core/rules/types.js';
import { withoutBookkeeping, type ActivitySnapshot } from './activity-snapshot.js';
import type { ActivityRepo } from './create-activity-repo.js';
import type { AuditedActivityChange, AuditedEdit, AuditLog, LatestChange } from './create-audit-log.js';
import { StoreError } from './store-error.js';

export function createUndoLast(sqlite: Database.Database, activities: ActivityRepo, audit: AuditLog): Store['undoLast'] {
  return sqlite
    .transaction((scope: MemberScope, nowAt: string, evenAfterOtherChanges = false, only?: UndoTarget): UndoResult | UndoRefusal | UndoMissed | undefined => {
      if (only?.auditId !== undefined) {
        const change = audit.activityChange(scope, only.auditId);
        const missed = missedChange(change, only);
        if (missed) return missed;
        // An edit's row holds both snapshots.
        if (only.action === 'edit') return undoNamedEdit(scope, change as AuditedEdit & AuditedActivityChange, nowAt);
      }
      if (only?.fields) return undoFieldEdit(scope, only.activityId, only.fields, nowAt);
      const entry = audit.latestUndoable(scope, only?.activityId);
      if (entry === undefined) return undefined;
      // A button names the change it was shown with: if that is not the activity's latest change
      // still standing (already undone, say), taking back an older one would be a surprise.
      if (only && (entry.action !== only.action || (only.auditId !== undefined && entry.id !== only.auditId))) return undefined;
      const latest = audit.latestChange(scope);
      if (!only && !evenAfterOtherChanges && latest !== undefined && latest.id > entry.id) {
        return { refused: true, latest: describeChange(latest), pending: { action: entry.action, activityId: entry.activityId } };
      }
      const current = activities.record(entry.activityId);
      // The audit row was written for this member and workspace; anything else is corruption.
      if (current === undefined || current.workspaceId !== scope.workspaceId || current.memberId !== scope.memberId) {
        throw new StoreError('not-found', `activity ${entry.activityId} of audit row ${entry.id} not found`);
      }
      const after = inverse(entry.action, current, nowAt, () => editOf(scope, entry.id, current.id));
      const restored = activities.write(current.id, after, nowAt);
      audit.markUndone(entry.id, nowAt);
      audit.write(scope, { entity: 'activity', entityId: current.id, action: 'restore', before: current, after: restored, at: nowAt });
      // For an undone log the member wants to see what was taken back, not the deleted row.
      return { action: entry.action, activity: withoutBookkeeping(entry.action === 'log' ? current : restored) };
    })
    .immediate;

  /** The latest edit of `fields` of the activity, taken back if they still hold what it wrote; a later edit of another field stands. */
  function undoFieldEdit(scope: MemberScope, activityId: number, fields: readonly EditedField[], nowAt: string): UndoResult | undefined {
    const current = activities.record(activityId);
    if (current === undefined || current.deletedAt !== null) return undefined;
    for (const edit of audit.editsOf(scope, activityId)) {
      const before = JSON.parse(edit.before) as ActivitySnapshot;
      const after = JSON.parse(edit.after) as ActivitySnapshot;
      if (!fields.some((field) => !same(before[field], after[field]))) continue;
      // Changed again since (by a later edit of the same field): that one is for its own Undo.
      if (fields.some((field) => !same(current[field], after[field]))) return undefined;
      return undoEdit(scope, current, edit, nowAt);
    }
    return undefined;
  }

  /** The edit a button names, taken back unless a later edit of what it changed stands (that one is for its own Undo). */
  function undoNamedEdit(scope: MemberScope, edit: AuditedEdit & AuditedActivityChange, nowAt: string): UndoResult | UndoMissed | undefined {
    const current = activities.record(edit.activityId);
    if (current === undefined || current.deletedAt !== null) return undefined;
    const before = JSON.parse(edit.before) as ActivitySnapshot;
    const after = JSON.parse(edit.after) as ActivitySnapshot;
    const changed = changedFields(edit);
    const later = audit.editsOf(scope, edit.activityId).filter((other) => other.id > edit.id);
    if (later.some((other) => changedFields(other).some((field) => changed.includes(field))) || changed.some((field) => !same(current[field], after[field]))) {
      return { missed: 'changed-since', before: withoutBookkeeping(before), now: withoutBookkeeping(current) };
    }
    return undoEdit(scope, current, edit, nowAt);
  }

  /** The whole edit is marked undone, so all it changed goes back (`undo edit 12 unit` after `edit 12 amount 90min` must not leave "90 hours"). */
  function undoEdit(scope: MemberScope, current: ActivitySnapshot, edit: AuditedEdit, nowAt: string): UndoResult {
    const restored = activities.write(current.id, takeBack(current, edit), nowAt);
    audit.markUndone(edit.id, nowAt);
    audit.write(scope, { entity: 'activity', entityId: current.id, action: 'restore', before: current, after: restored, at: nowAt });
    return { action: 'edit', activity: withoutBookkeeping(restored) };
  }

  function editOf(scope: MemberScope, auditId: number, activityId: number): AuditedEdit {
    const edit = audit.editsOf(scope, activityId).find((candidate) => candidate.id === auditId);
    if (edit === undefined) throw new StoreError('not-found', `edit ${auditId} of activity ${activityId} not found`);
    return edit;
  }
}

/** Why the change a button names cannot be taken back before looking at the activity: not that change, or undone. */
function missedChange(change: AuditedActivityChange | undefined, only: UndoTarget): UndoMissed | undefined {
  if (change === undefined || change.action !== only.action || change.activityId !== only.activityId) return { missed: 'unknown-change' };
  // `undo edit 12 amount <id>` naming an edit of the title: not the edit the member means. (An edit's row holds both snapshots.)
  if (only.fields && !changedFields(change as AuditedEdit).some((field) => only.fields!.includes(field))) return { missed: 'unknown-change' };
  return change.undoneAt === null ? undefined : { missed: 'already-undone' };
}

function describeChange(change: LatestChange): UndoRefusal['latest'] {
  if (change.entity !== 'credential') return { action: change.action };
  const row = JSON.parse(change.after ?? change.before ?? 'null') as { code?: CredentialCode } | null;
  if (!row?.code) return { action: change.action };
  // A renewal or a corrected expiry replaced these dates: they are what "as it was" means.
  const previous = change.action === 'credential-add' && change.before ? (JSON.parse(change.before) as { expiresOn?: string }).expiresOn : undefined;
  return { action: change.action, credential: row.code, ...(previous ? { previousExpiresOn: previous } : {}) };
}

function inverse(action: UndoResult['action'], current: ActivitySnapshot, nowAt: string, edit: () => AuditedEdit): ActivitySnapshot {
  switch (action) {
    case 'log':
      return { ...current, deletedAt: nowAt };
    case 'delete':
      return { ...current, deletedAt: null };
    case 'edit':
      return takeBack(current, edit());
  }
}

/** What a member's edit can change: the activity's own fields, not its id or bookkeeping. */
const FIELDS = ['completedOn', 'amount', 'unit', 'category', 'title', 'provider', 'aamaApproved', 'certificate'] as const satisfies readonly (keyof NewActivity)[];

/**
 * The activity with the fields `edit` changed put back, where they still hold what it wrote. A
 * whole earlier version would also put back fields changed since (by a field's own Undo button,
 * or by an older version of this code that did just that), silently reversing them.
 */
function takeBack(current: ActivitySnapshot, edit: AuditedEdit): ActivitySnapshot {
  const before = JSON.parse(edit.before) as ActivitySnapshot;
  const after = JSON.parse(edit.after) as ActivitySnapshot;
  const back = FIELDS.filter((field) => !same(before[field], after[field]) && same(current[field], after[field]));
  return { ...current, ...Object.fromEntries(back.map((field) => [field, before[field]])) };
}

/** The fields an audited edit changed. */
function changedFields(edit: AuditedEdit): (typeof FIELDS)[number][] {
  const before = JSON.parse(edit.before) as ActivitySnapshot;
  const after = JSON.parse(edit.after) as ActivitySnapshot;
  return FIELDS.filter((field) => !same(before[field], after[field]));
}

/** Field values as the audit trail holds them (JSON): a certificate is an object, an absent field undefined. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
