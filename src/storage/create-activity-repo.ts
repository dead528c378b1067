/**
 * A member's activities. Deleting only marks the row; every change is audited with the version
 * before and after, in the same transaction as the change.
 */
import type Database from 'better-sqlite3';
import type { ActivityPatch, MemberScope, NewActivity, StoredActivity, Store } from '../core/ports.js';
import type { Category, Unit } from '../core/rules/types.js';
import { toActivitySnapshot, withoutBookkeeping, type ActivitySnapshot } from './activity-snapshot.js';
import type { AuditLog } from './create-audit-log.js';
import { definedOnly } from './defined-only.js';
import { StoreError } from './store-error.js';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_RECORD_COLUMNS,
  toStoredActivity,
  type ActivityRecordTuple,
  type ActivityTuple,
} from './to-stored-activity.js';

export type ActivityRepo = Pick<
  Store,
  'listActivities' | 'findActivity' | 'findDeletedActivity' | 'addActivity' | 'editActivity' | 'deleteActivity'
> & {
  /** The activity's row as it is now, deleted or not; for undo. */
  record(id: number): ActivitySnapshot | undefined;
  /** Writes the editable fields and deletion mark back; returns the new version. */
  write(id: number, fields: ActivityFields, nowAt: string): ActivitySnapshot;
};

export type ActivityFields = NewActivity & { deletedAt: string | null };

interface FieldParams {
  completedOn: string;
  amount: string;
  unit: Unit;
  category: Category | null;
  title: string | null;
  provider: string | null;
  aamaApproved: number;
  certificateUrl: string | null;
  certificateName: string | null;
}

function fieldParams(fields: NewActivity): FieldParams {
  return {
    completedOn: fields.completedOn,
    amount: fields.amount,
    unit: fields.unit,
    category: fields.category ?? null,
    title: fields.title ?? null,
    provider: fields.provider ?? null,
    aamaApproved: fields.aamaApproved ? 1 : 0,
    certificateUrl: fields.certificate?.url ?? null,
    certificateName: fields.certificate?.name ?? null,
  };
}

const FIELD_ASSIGNMENTS = `completed_on = :completedOn, amount = :amount, unit = :unit, category = :category,
  title = :title, provider = :provider, aama_approved = :aamaApproved, certificate_url = :certificateUrl,
  certificate_name = :certificateName`;

export function createActivityRepo(sqlite: Database.Database, audit: AuditLog): ActivityRepo {
  const list = sqlite
    .prepare<MemberScope, ActivityTuple>(
      `select ${ACTIVITY_COLUMNS} from activities
       where member_id = :memberId and deleted_at is null and workspace_id = :workspaceId
       order by completed_on, id`,
    )
    .raw(true);
  const find = sqlite
    .prepare<{ id: number; workspaceId: number }, ActivityTuple>(
      `select ${ACTIVITY_COLUMNS} from activities where id = :id and workspace_id = :workspaceId and deleted_at is null`,
    )
    .raw(true);
  const findDeleted = sqlite
    .prepare<MemberScope & { id: number }, ActivityRecordTuple>(
      `select ${ACTIVITY_RECORD_COLUMNS} from activities
       where id = :id and workspace_id = :workspaceId and member_id = :memberId and deleted_at is not null`,
    )
    .raw(true);
  const byId = sqlite
    .prepare<[number], ActivityRecordTuple>(`select ${ACTIVITY_RECORD_COLUMNS} from activities where id = ?`)
    .raw(true);
  const insert = sqlite
    .prepare<FieldParams & MemberScope & { nowAt: string }, ActivityRecordTuple>(
      `insert into activities (member_id, workspace_id, completed_on, amount, unit, category, title, provider,
         aama_approved, certificate_url, certificate_name, created_at, updated_at)
       values (:memberId, :workspaceId, :completedOn, :amount, :unit, :category, :title, :provider,
         :aamaApproved, :certificateUrl, :certificateName, :nowAt, :nowAt)
       returning ${ACTIVITY_RECORD_COLUMNS}`,
    )
    .raw(true);
  const update = sqlite
    .prepare<FieldParams & { id: number; nowAt: string; deletedAt: string | null }, ActivityRecordTuple>(
      `update activities set ${FIELD_ASSIGNMENTS}, deleted_at = :deletedAt, updated_at = :nowAt where id = :id
       returning ${ACTIVITY_RECORD_COLUMNS}`,
    )
    .raw(true);

  const write = (id: number, fields: ActivityFields, nowAt: string): ActivitySnapshot => {
    const row = update.get({ ...fieldParams(fields), id, nowAt, deletedAt: fields.deletedAt });
    if (row === undefined) throw new StoreError('not-found', `activity ${id} not found`);
    return toActivitySnapshot(row);
  };

  /** The scope's own live activity, or a typed refusal. */
  const own = (scope: MemberScope, id: number): ActivitySnapshot => {
    const row = byId.get(id);
    const current = row === undefined ? undefined : toActivitySnapshot(row);
    // Another workspace's id reads as missing, so ids do not leak across tenants.
    if (current === undefined || current.workspaceId !== scope.workspaceId || current.deletedAt !== null) {
      throw new StoreError('not-found', `activity ${id} not found`);
    }
    if (current.memberId !== scope.memberId) throw new StoreError('not-yours', `activity ${id} belongs to another member`);
    return current;
  };

  const add = sqlite
    .transaction((scope: MemberScope, activity: NewActivity, nowAt: string): StoredActivity => {
      const row = insert.get({ ...fieldParams(activity), workspaceId: scope.workspaceId, memberId: scope.memberId, nowAt });
      const after = toActivitySnapshot(row as ActivityRecordTuple);
      audit.write(scope, { entity: 'activity', entityId: after.id, action: 'log', before: null, after, at: nowAt });
      return toStoredActivity(row as ActivityRecordTuple);
    })
    .immediate;

  const edit = sqlite
    .transaction((scope: MemberScope, id: number, patch: ActivityPatch, nowAt: string): StoredActivity & { auditId: number } => {
      const before = own(scope, id);
      const after = write(id, { ...before, ...definedOnly(patch) }, nowAt);
      const auditId = audit.write(scope, { entity: 'activity', entityId: id, action: 'edit', before, after, at: nowAt });
      return { ...withoutBookkeeping(after), auditId };
    })
    .immediate;

  const remove = sqlite
    .transaction((scope: MemberScope, id: number, nowAt: string): StoredActivity & { auditId: number } => {
      const before = own(scope, id);
      const after = write(id, { ...before, deletedAt: nowAt }, nowAt);
      const auditId = audit.write(scope, { entity: 'activity', entityId: id, action: 'delete', before, after, at: nowAt });
      return { ...withoutBookkeeping(before), auditId };
    })
    .immediate;

  return {
    listActivities: (scope) => list.all({ workspaceId: scope.workspaceId, memberId: scope.memberId }).map(toStoredActivity),
    findActivity(workspaceId, id) {
      const row = find.get({ id, workspaceId });
      return row === undefined ? undefined : toStoredActivity(row);
    },
    findDeletedActivity(scope, id) {
      const row = findDeleted.get({ id, workspaceId: scope.workspaceId, memberId: scope.memberId });
      if (row === undefined) return undefined;
      const snapshot = toActivitySnapshot(row);
      // Deleted by `delete`, still its latest change, rather than by undoing its log.
      const deleteUndoable = audit.latestUndoable(scope, id)?.action === 'delete';
      return { activity: withoutBookkeeping(snapshot), deletedAt: snapshot.deletedAt!, deleteUndoable };
    },
    addActivity: add,
    editActivity: edit,
    deleteActivity: remove,
    record(id) {
      const row = byId.get(id);
      return row === undefined ? undefined : toActivitySnapshot(row);
    },
    write,
  };
}
