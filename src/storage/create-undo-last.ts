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
import type { MemberScope, Store, UndoRefusal, UndoResult, UndoTarget } from '../core/ports.js';
import type { CredentialCode } from '../core/rules/types.js';
import { withoutBookkeeping, type ActivitySnapshot } from './activity-snapshot.js';
import type { ActivityRepo } from './create-activity-repo.js';
import type { AuditLog, LatestChange } from './create-audit-log.js';
import { StoreError } from './store-error.js';

export function createUndoLast(sqlite: Database.Database, activities: ActivityRepo, audit: AuditLog): Store['undoLast'] {
  return sqlite
    .transaction((scope: MemberScope, nowAt: string, evenAfterOtherChanges = false, only?: UndoTarget): UndoResult | UndoRefusal | undefined => {
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
}

function describeChange(change: LatestChange): UndoRefusal['latest'] {
  if (change.entity !== 'credential') return { action: change.action };
  const row = JSON.parse(change.after ?? change.before ?? 'null') as { code?: CredentialCode } | null;
  return row?.code ? { action: change.action, credential: row.code } : { action: change.action };
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
