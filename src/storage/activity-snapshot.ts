/**
 * What the audit trail keeps of an activity: everything the member sees plus the bookkeeping,
 * so undo can put an edited activity back exactly and a reader can tell a deleted version apart.
 */
import type { StoredActivity } from '../core/ports.js';
import { toStoredActivity, type ActivityRecordTuple } from './to-stored-activity.js';

export interface ActivitySnapshot extends StoredActivity {
  workspaceId: number;
  updatedAt: string;
  deletedAt: string | null;
}

export function toActivitySnapshot(row: ActivityRecordTuple): ActivitySnapshot {
  return { ...toStoredActivity(row), workspaceId: row[12], updatedAt: row[13], deletedAt: row[14] };
}

export function withoutBookkeeping(snapshot: ActivitySnapshot): StoredActivity {
  const { workspaceId: _workspaceId, updatedAt: _updatedAt, deletedAt: _deletedAt, ...activity } = snapshot;
  return activity;
}
