/**
 * `undo`: reverts the member's latest log, edit or delete that is not undone yet. Each undo is
 * itself audited as a 'restore' (the activity returns to an earlier state); 'restore' rows are
 * not undoable, so repeated undos walk back through the member's history instead of toggling.
 * A later change of another kind (a credential, a setting) stops the walk: undo would otherwise
 * take back an older activity change while the member meant the newer one. An undo aimed at one
 * change (the Undo button of a delete or edit reply) takes back that activity's latest change,
 * whatever came after it elsewhere, and only if it is still the change the button was shown with.
 */
import type Database from 'better-sqlite3';
import type { EditedField, MemberScope, Store, UndoRefusal, UndoResult, UndoTarget } from '../core/ports.js';
import type { CredentialCode } from '../core/rules/types.js';
import { withoutBookkeeping, type ActivitySnapshot } from './activity-snapshot.js';
import type { ActivityRepo } from './create-activity-repo.js';
import type { AuditLog, LatestChange } from './create-audit-log.js';
import { StoreError } from './store-error.js';

export function createUndoLast(sqlite: Database.Database, activities: ActivityRepo, audit: AuditLog): Store['undoLast'] {
  return sqlite
    .transaction((scope: MemberScope, nowAt: string, evenAfterOtherChanges = false, only?: UndoTarget): UndoResult | UndoRefusal | undefined => {
      if (only?.fields) return undoFieldEdit(scope, only.activityId, only.fields, nowAt);
      const entry = audit.latestUndoable(scope, only?.activityId);
      if (entry === undefined) return undefined;
      // A button names the change it was shown with: if that is not the activity's latest change
      // still standing (already undone, say), taking back an older one would be a surprise.
      if (only && entry.action !== only.action) return undefined;
      const latest = audit.latestChange(scope);
      if (!only && !evenAfterOtherChanges && latest !== undefined && latest.id > entry.id) {
        return { refused: true, latest: describeChange(latest), pending: { action: entry.action, activityId: entry.activityId } };
      }
      const current = activities.record(entry.activityId);
      // The audit row was written for this member and workspace; anything else is corruption.
      if (current === undefined || current.workspaceId !== scope.workspaceId || current.memberId !== scope.memberId) {
        throw new StoreError('not-found', `activity ${entry.activityId} of audit row ${entry.id} not found`);
      }
      const after = inverse(entry.action, current, entry.before, nowAt);
      const restored = activities.write(current.id, after, nowAt);
      audit.markUndone(entry.id, nowAt);
      audit.write(scope, { entity: 'activity', entityId: current.id, action: 'restore', before: current, after: restored, at: nowAt });
      // For an undone log the member wants to see what was taken back, not the deleted row.
      return { action: entry.action, activity: withoutBookkeeping(entry.action === 'log' ? current : restored) };
    })
    .immediate;

  /** The latest edit of `fields` of the activity, taken back in those fields alone, if they still hold what it wrote. */
  function undoFieldEdit(scope: MemberScope, activityId: number, fields: readonly EditedField[], nowAt: string): UndoResult | undefined {
    const current = activities.record(activityId);
    if (current === undefined || current.deletedAt !== null) return undefined;
    for (const edit of audit.editsOf(scope, activityId)) {
      const before = JSON.parse(edit.before) as ActivitySnapshot;
      const after = JSON.parse(edit.after) as ActivitySnapshot;
      if (!fields.some((field) => before[field] !== after[field])) continue;
      // Changed again since (by a later edit of the same field): that one is for its own Undo.
      if (fields.some((field) => current[field] !== after[field])) return undefined;
      const restored = activities.write(current.id, { ...current, ...Object.fromEntries(fields.map((field) => [field, before[field]])) }, nowAt);
      audit.markUndone(edit.id, nowAt);
      audit.write(scope, { entity: 'activity', entityId: current.id, action: 'restore', before: current, after: restored, at: nowAt });
      return { action: 'edit', activity: withoutBookkeeping(restored) };
    }
    return undefined;
  }
}

function describeChange(change: LatestChange): UndoRefusal['latest'] {
  if (change.entity !== 'credential') return { action: change.action };
  const row = JSON.parse(change.after ?? change.before ?? 'null') as { code?: CredentialCode } | null;
  if (!row?.code) return { action: change.action };
  // A renewal or a corrected expiry replaced these dates: they are what "as it was" means.
  const previous = change.action === 'credential-add' && change.before ? (JSON.parse(change.before) as { expiresOn?: string }).expiresOn : undefined;
  return { action: change.action, credential: row.code, ...(previous ? { previousExpiresOn: previous } : {}) };
}

function inverse(action: UndoResult['action'], current: ActivitySnapshot, before: string | null, nowAt: string): ActivitySnapshot {
  switch (action) {
    case 'log':
      return { ...current, deletedAt: nowAt };
    case 'delete':
      return { ...current, deletedAt: null };
    case 'edit': {
      const previous = JSON.parse(before ?? 'null') as ActivitySnapshot | null;
      if (previous === null) throw new StoreError('not-found', `edit of activity ${current.id} has no previous version`);
      return { ...previous, deletedAt: current.deletedAt };
    }
  }
}
