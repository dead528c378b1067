/**
 * The SQLite implementation of the core's `Store` port. Every statement is prepared once here;
 * every query filters by the scope's workspace (and member, for a member's own data).
 */
import type Database from 'better-sqlite3';
import type { Store } from '../core/ports.js';
import { createActivityRepo } from './create-activity-repo.js';
import { createAuditLog } from './create-audit-log.js';
import { createCredentialRepo } from './create-credential-repo.js';
import { createMemberRepo } from './create-member-repo.js';
import { createRequestClaims } from './create-request-claims.js';
import { createRuleSettingsRepo } from './create-rule-settings-repo.js';
import { createTeamReader } from './create-team-reader.js';
import { createTeamRepo } from './create-team-repo.js';
import { createUndeliveredNotes } from './create-undelivered-notes.js';
import { createUndoLast } from './create-undo-last.js';
import { createWorkspaceSettingsRepo } from './create-workspace-settings-repo.js';

export function createSqliteStore(handle: { sqlite: Database.Database }): Store {
  const { sqlite } = handle;
  const audit = createAuditLog(sqlite);
  const activityRepo = createActivityRepo(sqlite, audit);
  // record/write are undo's internals, not part of the port.
  const { record: _record, write: _write, ...activities } = activityRepo;
  return {
    ...createMemberRepo(sqlite, audit),
    ...activities,
    undoLast: createUndoLast(sqlite, activityRepo, audit),
    ...createCredentialRepo(sqlite, audit),
    ...createRuleSettingsRepo(sqlite, audit),
    ...createRequestClaims(sqlite),
    ...createWorkspaceSettingsRepo(sqlite, audit),
    ...createTeamRepo(sqlite, createTeamReader(sqlite)),
    ...createUndeliveredNotes(sqlite),
    // Immediate: the write lock is taken before the first read, so what a command read (a
    // duplicate check, the activity it edits) cannot change under it before it writes. The repos'
    // own transactions inside become savepoints.
    atomically: (work) => sqlite.transaction(work).immediate(),
  };
}
