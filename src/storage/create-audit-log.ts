/**
 * The audit trail. Callers write to it inside the same transaction as the change it records,
 * so a change and its audit row commit or roll back together; the same write makes the changed
 * members due for the scheduler (due-after-change.ts).
 */
import type Database from 'better-sqlite3';
import type { AuditAction, MemberScope } from '../core/ports.js';
import { dueAfterChange } from './due-after-change.js';
import type { AuditEntity } from './schema.js';

export interface AuditEntry {
  entity: AuditEntity;
  entityId: number | string;
  action: AuditAction;
  before: unknown; // serialised as JSON; null when the entity did not exist before
  after: unknown;
  at: string;
}

export interface UndoableEntry {
  id: number;
  action: 'log' | 'edit' | 'delete';
  activityId: number;
  before: string | null;
}

/** The member's latest audited change that is not an undo and not undone. */
export interface LatestChange {
  id: number;
  action: AuditAction;
  entity: AuditEntity;
  before: string | null;
  after: string | null;
}

/** An edit of an activity as audited: the activity's snapshot before and after it, as JSON. */
export interface AuditedEdit {
  id: number;
  before: string;
  after: string;
}

/** One of the member's logs, edits or deletes of an activity, by its audit id, undone or not. */
export interface AuditedActivityChange extends UndoableEntry {
  after: string | null;
  undoneAt: string | null;
}

export interface AuditLog {
  /** Returns the new row's id: an Undo button names the change by it. */
  write(scope: MemberScope, entry: AuditEntry): number;
  /** The member's latest log, edit or delete of an activity (of `activityId`, if given) that is not undone yet. */
  latestUndoable(scope: MemberScope, activityId?: number): UndoableEntry | undefined;
  latestChange(scope: MemberScope): LatestChange | undefined;
  /** The member's edits of one activity not undone yet, latest first. */
  editsOf(scope: MemberScope, activityId: number): AuditedEdit[];
  /** The member's own log, edit or delete of an activity with this audit id; undefined for anyone else's or any other row. */
  activityChange(scope: MemberScope, id: number): AuditedActivityChange | undefined;
  markUndone(id: number, at: string): void;
}

type InsertParams = Record<'workspaceId' | 'memberId', number> &
  Record<'entity' | 'entityId' | 'action' | 'at', string> &
  Record<'before' | 'after', string | null>;

export function createAuditLog(sqlite: Database.Database): AuditLog {
  const insert = sqlite.prepare<InsertParams>(
    `insert into audit (workspace_id, member_id, entity, entity_id, action, before, after, at)
     values (:workspaceId, :memberId, :entity, :entityId, :action, :before, :after, :at)`,
  );
  // Walks the (member_id, id) index backwards; stops at the first match.
  const latest = sqlite.prepare<MemberScope, UndoableEntry>(
    `select id, action, cast(entity_id as integer) as activityId, before from audit
     where member_id = :memberId and workspace_id = :workspaceId and entity = 'activity'
       and action in ('log', 'edit', 'delete') and undone_at is null
     order by id desc limit 1`,
  );
  const latestOf = sqlite.prepare<MemberScope & { activityId: string }, UndoableEntry>(
    `select id, action, cast(entity_id as integer) as activityId, before from audit
     where member_id = :memberId and workspace_id = :workspaceId and entity = 'activity' and entity_id = :activityId
       and action in ('log', 'edit', 'delete') and undone_at is null
     order by id desc limit 1`,
  );
  const edits = sqlite.prepare<MemberScope & { activityId: string }, AuditedEdit>(
    `select id, before, after from audit
     where member_id = :memberId and workspace_id = :workspaceId and entity = 'activity' and entity_id = :activityId
       and action = 'edit' and undone_at is null
     order by id desc`,
  );
  const change = sqlite.prepare<MemberScope & { id: number }, AuditedActivityChange>(
    `select id, action, cast(entity_id as integer) as activityId, before, after, undone_at as undoneAt from audit
     where id = :id and member_id = :memberId and workspace_id = :workspaceId and entity = 'activity'
       and action in ('log', 'edit', 'delete')`,
  );
  // 'restore' rows are undos themselves; an undone row is history undo has walked past.
  const latestAny = sqlite.prepare<MemberScope, LatestChange>(
    `select id, action, entity, before, after from audit
     where member_id = :memberId and workspace_id = :workspaceId and action <> 'restore' and undone_at is null
     order by id desc limit 1`,
  );
  const undone = sqlite.prepare<{ id: number; at: string }>('update audit set undone_at = :at where id = :id');
  // A new data version also retires the member's saved tallies (their tallies_version no longer matches).
  const memberDue = sqlite.prepare<[number]>('update members set next_check_at = null, data_version = data_version + 1 where id = ?');
  // `is not null`: a member already due is not rewritten. Saved tallies stay: a rule setting is part
  // of each tally's key, and a ladder changes no count.
  const workspaceDue = sqlite.prepare<[number]>(
    'update members set next_check_at = null where workspace_id = ? and next_check_at is not null',
  );
  // Reminders still waiting (a rate limit, a retry) were planned from data that just changed: the
  // sweep plans them afresh, so a member who just closed their gap is not told about it.
  const withdrawMember = sqlite.prepare<[number]>("delete from outbox where member_id = ? and status = 'pending'");
  const withdrawWorkspace = sqlite.prepare<[number]>(
    "delete from outbox where workspace_id = ? and member_id is not null and status = 'pending'",
  );
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

  return {
    write(scope, entry) {
      const { lastInsertRowid } = insert.run({
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        entity: entry.entity,
        entityId: String(entry.entityId),
        action: entry.action,
        before: json(entry.before),
        after: json(entry.after),
        at: entry.at,
      });
      const due = dueAfterChange(entry);
      if (due === 'member') {
        memberDue.run(scope.memberId);
        withdrawMember.run(scope.memberId);
      } else if (due === 'workspace') {
        workspaceDue.run(scope.workspaceId);
        withdrawWorkspace.run(scope.workspaceId);
      }
      return Number(lastInsertRowid);
    },
    latestUndoable: (scope, activityId) =>
      activityId === undefined
        ? latest.get({ workspaceId: scope.workspaceId, memberId: scope.memberId })
        : latestOf.get({ workspaceId: scope.workspaceId, memberId: scope.memberId, activityId: String(activityId) }),
    latestChange: (scope) => latestAny.get({ workspaceId: scope.workspaceId, memberId: scope.memberId }),
    editsOf: (scope, activityId) => edits.all({ workspaceId: scope.workspaceId, memberId: scope.memberId, activityId: String(activityId) }),
    activityChange: (scope, id) => change.get({ workspaceId: scope.workspaceId, memberId: scope.memberId, id }),
    markUndone: (id, at) => void undone.run({ id, at }),
  };
}
